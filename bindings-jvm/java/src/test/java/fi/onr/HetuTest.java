package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The facade's conversions: dates, enums, nulls, non-BMP characters, lone surrogates. */
class HetuTest {
    private static final Environment P = Environment.PRODUCTION;
    private static final Environment T = Environment.TEST;

    @Test
    void theTourOfTheReadme() {
        Hetu h = Hetu.parse("131052-308T", P);
        assertEquals(LocalDate.of(1952, 10, 13), h.birthDate());
        assertEquals(Sex.FEMALE, h.sex());
        assertEquals("2", h.sex().code());
        assertEquals("1", Sex.MALE.code());
        assertEquals('-', h.centurySign());
        assertEquals(1900, h.century());
        assertEquals(308, h.individualNumber());
        assertEquals('T', h.checkChar());
        assertFalse(h.isTemporary());
        assertEquals("131052-308T", h.canonical());
        assertEquals("131052-****", h.toString()); // safe for logs
        assertEquals("131052-308T", h.text());
        assertEquals(P, h.environment());
        assertTrue(h.warnings().isEmpty());
        assertEquals(h, Hetu.parse("131052-308T"));
        assertEquals(h.hashCode(), Hetu.parse("131052-308T", T).hashCode());
    }

    @Test
    void datesConvertToLocalDateAcrossAllCenturies() {
        assertEquals(LocalDate.of(1890, 1, 1), Hetu.parse("010190+123M", P).birthDate());
        assertEquals(LocalDate.of(2005, 1, 1), Hetu.parse("010105A123P", P).birthDate());
        assertEquals(LocalDate.of(2000, 2, 29), Hetu.parse("290200A1239", P).birthDate());
        // ONR clamps 31 April to 30 April, and says so.
        Hetu clamped = Hetu.parse("310490-123D", P);
        assertEquals(LocalDate.of(1990, 4, 30), clamped.birthDate());
        assertEquals("hetu.warning.date_clamped", clamped.warnings().get(0).code());
        assertThrows(HetuException.class, () -> Hetu.parseStrict("310490-123D", P));
        // Generated codes at both ends of the range round-trip through LocalDate.
        try (HetuGenerator g = new HetuGenerator(7)) {
            for (LocalDate d : List.of(LocalDate.of(1800, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(1970, 1, 1), LocalDate.of(2099, 12, 31))) {
                Hetu generated = g.temporary(d);
                assertEquals(d, generated.birthDate());
                assertTrue(generated.isTemporary());
                assertEquals(d, Hetu.parse(generated.canonical(), T).birthDate());
            }
            HetuException e = assertThrows(HetuException.class, () -> g.temporary(LocalDate.of(2100, 1, 1)));
            assertEquals("hetu.generate.date_out_of_range", e.code());
            int individual = g.ordinary(LocalDate.of(1990, 6, 1)).individualNumber();
            assertTrue(individual >= 2 && individual < 900);
        }
        try (HetuGenerator a = new HetuGenerator(42); HetuGenerator b = new HetuGenerator(42)) {
            LocalDate d = LocalDate.of(2024, 2, 29);
            assertEquals(a.temporary(d), b.temporary(d));
        }
    }

    @Test
    void ageAndDateDependentWarningsTakeTodayAsAnArgument() {
        Hetu h = Hetu.parse("131052-308T", P);
        assertEquals(OptionalInt.of(74), h.ageOn(LocalDate.of(2026, 11, 22)));
        assertEquals(OptionalInt.empty(), h.ageOn(LocalDate.of(1950, 1, 1)));
        Hetu future = Hetu.parse("010150A123A", P);
        assertTrue(future.warnings().isEmpty());
        assertEquals("hetu.warning.future_birth_date", future.warningsOn(LocalDate.of(2026, 11, 22)).get(0).code());
    }

    @Test
    void environmentsAreEnumsAndTheDefaultIsProduction() {
        assertFalse(Hetu.isValid("010594Y9032"));
        assertFalse(Hetu.isValid("010594Y9032", P));
        assertTrue(Hetu.isValid("010594Y9032", T));
        assertEquals("hetu.temporary", assertThrows(HetuException.class, () -> Hetu.parse("010594Y9032")).code());
        assertTrue(Hetu.parse("010594Y9032", T).isTemporary());
        assertTrue(Hetu.isValidStrict("010190-002R", P));
        assertFalse(Hetu.isValidStrict("010190-001P", P));
    }

    @Test
    void nullIsTheEmptyInput() {
        assertFalse(Hetu.isValid(null, P));
        assertEquals("hetu.empty", assertThrows(HetuException.class, () -> Hetu.parse(null, P)).code());
        HetuResults r = Hetu.validateAll(Arrays.asList("131052-308T", null, ""), P);
        assertEquals(3, r.size());
        assertTrue(r.isValid(0));
        assertEquals("hetu.empty", r.code(1));
        assertEquals("", r.input(1));
        assertEquals("hetu.empty", r.code(2));
        assertThrows(NullPointerException.class, () -> Hetu.validateAll(null, P));
    }

    @Test
    void unicodeDigitsAreKeptAsWrittenAndCanonicalisedInToString() {
        Hetu h = Hetu.parse("010190-１２３M", P);
        assertEquals("010190-１２３M", h.text());
        assertEquals("010190-123M", h.canonical());
        assertEquals(123, h.individualNumber());
        assertEquals("hetu.warning.non_ascii_digit", h.warnings().get(0).code());
        assertEquals("hetu.non_ascii_digit", assertThrows(HetuException.class, () -> Hetu.parseStrict("010190-１２３M", P)).code());
    }

    @Test
    void nonBmpCharactersCountAsTwoUtf16UnitsAsInOnr() {
        // MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO: one code point, two UTF-16 units, not a digit for ONR.
        String nonBmp = "010190-12\uD835\uDFD8";
        assertEquals(11, nonBmp.length());
        HetuException e = assertThrows(HetuException.class, () -> Hetu.parse(nonBmp, P));
        assertEquals("hetu.character", e.code());
        assertEquals(OptionalInt.of(9), e.position());
        // An emoji makes the input one unit too long.
        String emoji = "131052-308\uD83D\uDE00";
        assertEquals("hetu.length", assertThrows(HetuException.class, () -> Hetu.parse(emoji, P)).code());
        assertEquals("hetu.length", Hetu.validateAll(List.of(emoji), P).code(0));
        assertTrue(Hetu.parse("131052-308T", P).text().codePoints().allMatch(cp -> cp < 0x80));
    }

    @Test
    void loneSurrogatesAreReplacedAndNeverCrash() {
        // A lone surrogate has no UTF-8 form: the facade replaces it with U+FFFD, which is
        // one UTF-16 unit like the surrogate, so the length ONR counts is unchanged and the
        // verdict is "invalid" with the code ONR's rules give for a non-digit in that place.
        for (char lone : new char[] {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
            for (int position = 0; position < 11; position++) {
                char[] chars = "131052-308T".toCharArray();
                chars[position] = lone;
                String input = new String(chars);
                assertFalse(Hetu.isValid(input, T));
                HetuException e = assertThrows(HetuException.class, () -> Hetu.parse(input, T));
                String expected = position == 6 ? "hetu.century_sign" : position == 10 ? "hetu.checksum" : "hetu.character";
                assertEquals(expected, e.code(), "position " + position);
                assertEquals(expected, Hetu.validateAll(List.of(input), T).code(0));
                assertEquals(expected, Hetu.validateAll(Arrays.asList(input, "131052-308T"), T).code(0));
                // The replacement shows in the message, never the input.
                if (position != 10) {
                    assertTrue(e.getMessage().contains("U+FFFD"), e.getMessage());
                }
            }
        }
        // A lone high surrogate at the end, and one followed by a non-surrogate.
        assertEquals("hetu.length", Hetu.validateAll(List.of("131052-308T\uD800"), P).code(0));
        assertEquals("hetu.length", assertThrows(HetuException.class, () -> Hetu.parse("\uD800x", P)).code());
        assertEquals("\uFFFD", Hetu.normalize("\uDC00").value());
        assertTrue(Hetu.suggest("\uD800", P, 3).isEmpty());
    }

    @Test
    void shortStringsAsPrimitivesGiveTheSameVerdictAsTheStringPath() {
        List<String> inputs = new ArrayList<>();
        for (String[] row : Vectors.read("hetu_onr.tsv")) {
            inputs.add(row[0]);
        }
        inputs.addAll(List.of("", "\uD800", "131052-308\uDFFF", "\uD83D\uDE42\uD83D\uDE42\uD83D\uDE42", "010190-\uFF11\uFF12\uFF13M",
                "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "\uFFFF131052-308T"));
        int shortOnes = 0;
        for (String s : inputs) {
            for (boolean test : new boolean[] {false, true}) {
                assertEquals(FastPath.hetuIsValid(s, s.length(), test), FastPath.isValid(s, test), VectorsTest.escaped(s));
            }
            shortOnes += s.length() <= 12 ? 1 : 0;
        }
        assertTrue(shortOnes > 30_000);
    }

    @Test
    void largeBatchesGiveTheSameVerdictsInOrderOnOneOrManyThreads() {
        List<String> inputs = new ArrayList<>();
        try (HetuGenerator g = new HetuGenerator(7)) {
            for (int i = 0; i < 3 * HetuResults.PARALLEL_THRESHOLD + 123; i++) {
                String h = g.ordinary(LocalDate.of(1890, 1, 1).plusDays(i * 7L % 70_000)).canonical();
                switch (i % 7) {
                    case 0: inputs.add(h.substring(0, 10) + "X"); break;
                    case 1: inputs.add(" " + h); break;
                    case 2: inputs.add(h.substring(0, 7) + "\uFF11" + h.substring(8)); break;
                    case 3: inputs.add(i % 2 == 0 ? null : h + "\uD800"); break;
                    default: inputs.add(h);
                }
            }
        }
        HetuResults one = HetuResults.validate(inputs, T, false, false);
        HetuResults many = HetuResults.validate(inputs, T, false, true);
        HetuResults strict = HetuResults.validate(inputs, T, true, true);
        for (int i = 0; i < inputs.size(); i++) {
            String where = "input " + i;
            assertEquals(one.code(i), many.code(i), where);
            assertEquals(one.birthDate(i), many.birthDate(i), where);
            if (i % 97 == 0) {
                assertEquals(Hetu.isValid(inputs.get(i), T), many.isValid(i), where);
                assertEquals(Hetu.isValidStrict(inputs.get(i), T), strict.isValid(i), where);
            }
        }
        assertEquals(one.validCount(), Hetu.validateAll(inputs, T).validCount());
    }

    @Test
    void batchesKeepOrderNeverStopAndAgreeWithSingleCalls() {
        List<String> inputs = new ArrayList<>();
        try (HetuGenerator g = new HetuGenerator(1)) {
            for (int i = 0; i < 2000; i++) {
                String h = g.temporary(LocalDate.of(1900, 1, 1).plusDays(i * 17L)).canonical();
                inputs.add(i % 3 == 0 ? h.substring(0, 10) + "X" : i % 5 == 0 ? h.toLowerCase() : h);
            }
        }
        inputs.add("");
        inputs.add("ääkkönen ja 🙂");
        HetuResults r = Hetu.validateAll(inputs, T);
        assertEquals(inputs.size(), r.size());
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            assertEquals(input, r.input(i));
            assertEquals(Hetu.isValid(input, T), r.isValid(i), input);
            HetuResult item = r.get(i);
            if (item.isValid()) {
                valid++;
                Hetu h = item.hetu();
                assertEquals(h.birthDate(), item.birthDate());
                assertEquals(h.sex(), item.sex());
                assertEquals(h.isTemporary(), r.isTemporary(i));
                assertEquals(!h.warnings().isEmpty(), r.hasWarnings(i));
                assertTrue(item.error().isEmpty());
            } else {
                HetuException e = item.error().orElseThrow();
                assertEquals(e.code(), item.code());
                assertEquals(e.code(), assertThrows(HetuException.class, item::hetu).code());
                assertNull(item.sex());
            }
        }
        assertEquals(valid, r.validCount());
        assertEquals(inputs.size() - valid, r.invalidIndexes().size());
        assertTrue(Hetu.validateAll(Collections.emptyList(), P).isEmpty());
        assertEquals("HetuResult(hetu.empty)", r.get(inputs.size() - 2).toString());
    }

    @Test
    void normalizeSuggestAndCheckChar() {
        Normalized n = Hetu.normalize("  131052−308t\n");
        assertEquals("131052-308T", n.value());
        assertEquals(List.of("trimmed", "dash_replaced", "uppercased"), n.changes());
        assertFalse(n.isUnchanged());
        assertFalse(n.toString().contains("131052"));
        assertTrue(Hetu.normalize("131052-308T").isUnchanged());
        List<Suggestion> s = Hetu.suggest("131052-380T", P, 3);
        assertTrue(s.stream().anyMatch(x -> x.hetu().canonical().equals("131052-308T")
                && x.edit() == Suggestion.Edit.TRANSPOSITION && x.position() == 8), s.toString());
        assertEquals(Suggestion.Edit.NORMALIZED, Hetu.suggest(" 131052-308t", P, 3).get(0).edit());
        assertTrue(Hetu.suggest("131052-308T", P, 3).isEmpty());
        assertEquals('T', Hetu.checkCharOf(131052308));
    }

    @Test
    void orderingAndEqualityFollowTheTextAsParsed() {
        Hetu a = Hetu.parse("010190-123M", P);
        Hetu b = Hetu.parse("010190-１２３M", P);
        assertNotEquals(a, b);
        assertEquals(a.canonical(), b.canonical());
        assertTrue(a.compareTo(b) < 0);
        assertEquals(0, a.compareTo(Hetu.parse("010190-123M", T)));
    }

    @Test
    void hugeStringsAreDecidedByTheirLengthWithoutBeingCopied() {
        // 50 million Latin-1 characters: 50 MB in the JVM; never copied into native memory.
        String huge = "1".repeat(50_000_000);
        for (Environment env : Environment.values()) {
            assertFalse(Hetu.isValid(huge, env));
            assertFalse(Hetu.isValidStrict(huge, env));
            for (HetuException e : new HetuException[] {
                    assertThrows(HetuException.class, () -> Hetu.parse(huge, env)),
                    assertThrows(HetuException.class, () -> Hetu.parseStrict(huge, env))}) {
                assertEquals("hetu.length", e.code());
                assertEquals(Category.LENGTH, e.category());
                assertEquals("wrong length, expected 11 characters, found 50000000", e.getMessage());
            }
            HetuResults r = Hetu.validateAll(Arrays.asList("131052-308T", huge, null, "131052-308T1", huge), env);
            assertEquals(5, r.size());
            assertTrue(r.isValid(0));
            assertEquals("hetu.length", r.code(1));
            assertEquals("hetu.empty", r.code(2));
            assertEquals("hetu.length", r.code(3));
            assertEquals("hetu.length", r.code(4));
            assertEquals("wrong length, expected 11 characters, found 50000000", r.get(4).error().get().getMessage());
            assertEquals("hetu.length", Hetu.validateAllStrict(List.of(huge), env).code(0));
        }
        // Just past the short path: the same verdicts as before.
        assertEquals("wrong length, expected 11 characters, found 13",
                assertThrows(HetuException.class, () -> Hetu.parse("131052-308T12", P)).getMessage());
        assertFalse(Hetu.isValid("131052-308T12", P));
        assertEquals("hetu.length", Hetu.validateAll(List.of("\uD800".repeat(20)), P).code(0));
    }
}
