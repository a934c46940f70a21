package fi.onr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.onr.ffi.NativeTrigramSet;
import fi.onr.ffi.Onr_jvmKt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link TrigramForm}, the constants read from onr-core, and the value records. */
class FormAndConstantsTest {
    @Test
    void formCodesAreOnrCoresNames() {
        List<String> codes = new ArrayList<>();
        for (TrigramForm f : TrigramForm.values()) {
            codes.add(f.code());
        }
        assertEquals(Ffi.call(Onr_jvmKt::trigramFormNames), codes);
        assertEquals(List.of("raw", "onr"), codes);
    }

    @Test
    void anUnknownNameIsRefusedByOnrCore() {
        SimilarityException e = assertThrows(SimilarityException.class,
                () -> Ffi.call(() -> new NativeTrigramSet("x", "fmt")));
        assertEquals("similarity.unknown_form", e.code());
        assertTrue(e.getMessage().endsWith("raw, onr"), e.getMessage());
        assertEquals("similarity.unknown_form", assertThrows(SimilarityException.class,
                () -> Ffi.call(() -> Onr_jvmKt.trigramMany(List.of("a"), List.of("b"), "ONR-ish"))).code());
    }

    @Test
    @SuppressWarnings("deprecation")
    void formsChooseAsTheFlagsDidAndNullIsRefused() {
        assertEquals(TrigramSet.of("aija").trigrams(), TrigramSet.of("Äijä", TrigramForm.ONR).trigrams());
        assertEquals(TrigramSet.of("Äijä").trigrams(), TrigramSet.of("Äijä", TrigramForm.RAW).trigrams());
        assertEquals(TrigramSet.onr("Äijä").trigrams(), TrigramSet.of("Äijä", TrigramForm.ONR).trigrams());
        TrigramSet q = TrigramSet.of("aija");
        assertEquals(1.0f, q.similarityTo("ÄIJÄ", TrigramForm.ONR));
        assertEquals(q.similarityTo("ÄIJÄ", true), q.similarityTo("ÄIJÄ", TrigramForm.ONR));
        assertEquals(q.similarityTo("ÄIJÄ", false), q.similarityTo("ÄIJÄ", TrigramForm.RAW));
        assertTrue(q.similarityTo("ÄIJÄ", TrigramForm.RAW) < 1.0f);
        List<String> a = List.of("Äijälä", "word");
        List<String> b = List.of("aijala", "two words");
        assertArrayEquals(new float[] {1.0f, Similarity.trigramOnr("word", "two words")}, Similarity.trigramAll(a, b, TrigramForm.ONR));
        assertArrayEquals(new float[] {Similarity.trigram("Äijälä", "aijala"), 0.36363637f}, Similarity.trigramAll(a, b, TrigramForm.RAW));
        assertArrayEquals(Similarity.trigramAll(a, b, TrigramForm.ONR), Similarity.trigramAll(a, b, true));
        assertArrayEquals(Similarity.trigramAll(a, b, TrigramForm.RAW), Similarity.trigramAll(a, b, false));
        List<String> ids = List.of("a", "b");
        try (DuplicateIndex onr = DuplicateIndex.fromTexts(ids, List.of("Äijälä", "AIJALA"), 0.5, TrigramForm.ONR);
                DuplicateIndex raw = DuplicateIndex.fromTexts(ids, List.of("Äijälä", "AIJALA"), 0.5, TrigramForm.RAW)) {
            assertEquals(1, onr.pairs().size());
            assertTrue(raw.pairs().isEmpty());
        }
        for (Runnable call : List.<Runnable>of(
                () -> TrigramSet.of("x", null),
                () -> q.similarityTo("x", (TrigramForm) null),
                () -> Similarity.trigramAll(a, b, (TrigramForm) null),
                () -> DuplicateIndex.fromTexts(ids, ids, 0.5, null))) {
            assertEquals("form must not be null", assertThrows(NullPointerException.class, call::run).getMessage());
        }
    }

    @Test
    void clientDefaultsAreOnrClients() {
        assertEquals(java.time.Duration.ofSeconds(30), OnrClient.DEFAULT_TIMEOUT);
        OnrClient.SendOptions d = OnrClient.SendOptions.defaults();
        assertEquals(1000, d.chunkSize());
        assertEquals(java.time.Duration.ofSeconds(1), d.pollFirst());
        assertEquals(java.time.Duration.ofSeconds(30), d.pollMax());
        assertEquals(java.time.Duration.ofMinutes(10), d.stallAfter());
        assertFalse(d.onlyAccepted() || d.resendUnconfirmed());
    }

    @Test
    void constantsAreOnrCoresAndTheFacadeUsesThem() {
        assertEquals(0.5, DuplicateIndex.ONR_THRESHOLD);
        assertEquals(0.85f, NameRules.ONR_THRESHOLD);
        assertEquals("1.2.246.562", Oid.ROOT);
        assertEquals(24, Oid.PERSON_NODE);
        assertEquals(10, Oid.ORGANISATION_NODE);
        assertEquals(NameRules.ONR_THRESHOLD, NameRules.ONR.firstNameThreshold());
        assertEquals(NameRules.ONR_THRESHOLD, NameRules.ONR.surnameThreshold());
        // The facade's defaults are the constants (a drifted copy would show here).
        try (DuplicateIndex index = DuplicateIndex.build(List.of(
                DuplicateIndex.Record.of("1", "Anna", "Anna", "Virtanen", LocalDate.of(2000, 1, 1))))) {
            assertEquals(DuplicateIndex.ONR_THRESHOLD, index.threshold());
        }
        Oid person = Oid.parse("1.2.246.562.24.25909319372");
        assertEquals(Oid.PERSON_NODE, person.node());
        assertTrue(person.toString().startsWith(Oid.ROOT + "."));
        assertEquals(Oid.ORGANISATION_NODE, Oid.parse("1.2.246.562.10.87189214833").node());
        try (OidGenerator g = new OidGenerator(1)) {
            assertEquals(Oid.PERSON_NODE, g.generate(0).node());
        }
        assertEquals(5000, NativeConstants.VALUES.getLinkingMaxMasterQuery());
    }

    @Test
    void valueClassesAreRecordsWithValueEquality() {
        NameRules.SurnameResult s = NameRules.ONR.surname("Mäkinen", "Mäkelä");
        assertEquals(new NameRules.SurnameResult(s.similarity(), false), s);
        assertFalse(s.isMatch());
        NameRules.NamesResult m = NameRules.ONR.namesMatch("Anna", "Virtanen", "Hanna-Leena", "Virtanen");
        assertEquals(m, NameRules.ONR.namesMatch("Anna", "Virtanen", "Hanna-Leena", "Virtanen"));
        assertEquals(m.hashCode(), NameRules.ONR.namesMatch("Anna", "Virtanen", "Hanna-Leena", "Virtanen").hashCode());
        assertTrue(m.isMatch() && m.firstNames().orElseThrow().isMatch());
        NameRules.FirstNamesResult f = NameRules.ONR.firstNames("Mati", "Matti Juhani");
        assertEquals(NameRules.FirstNameRule.SIMILAR_TOKENS, f.rule());
        assertEquals(OptionalInt.of(0), f.givenToken());
        NameRules.IdentificationResult id = NameRules.ONR.identification("Virtanen", "Anna", false, "Anna", "Virtanen", List.of());
        assertTrue(id.isMatch() && id.isSwapped());
        assertEquals(Optional.empty(), id.direct());
        assertThrows(NullPointerException.class, () -> new NameRules.NamesResult(null, 0f, Optional.empty()));

        DuplicateIndex.Candidate c = new DuplicateIndex.Candidate(1, "x", 0.5f, 0.5f);
        assertEquals(c, new DuplicateIndex.Candidate(1, "x", 0.5f, 0.5f));
        assertNotEquals(c, new DuplicateIndex.Candidate(2, "x", 0.5f, 0.5f));
        assertEquals(new DuplicateIndex.Pair(0, 1, "a", "b", 1.0f), new DuplicateIndex.Pair(0, 1, "a", "b", 1.0f));

        Normalized n = Hetu.normalize(" 131052-308t ");
        assertEquals(n, Hetu.normalize(" 131052-308t "));
        assertFalse(n.toString().contains("131052"), n.toString());
        assertThrows(UnsupportedOperationException.class, () -> n.changes().add("x"));

        List<OidResult> r = Oid.validateAll(Arrays.asList("131052-308T", "1.2.246.562.24.25909319372"));
        assertEquals(r, Oid.validateAll(Arrays.asList("131052-308T", "1.2.246.562.24.25909319372")));
        assertFalse(r.get(0).toString().contains("131052"), r.get(0).toString());
        assertEquals(Oid.parse("1.2.246.562.24.25909319372"), r.get(1).oid());
        assertThrows(OidException.class, () -> r.get(0).oid());
        assertThrows(IllegalArgumentException.class, () -> new OidResult("x", null, Optional.empty()));
    }
}
