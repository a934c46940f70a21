package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link Names} and {@link NameRules}: conversions and the examples of onr-core's docs. */
class NamesAndRulesTest {
    @Test
    void namesAsPostgresNormalisesThem() {
        assertEquals("Asa AEro Lukasz Smid", Names.unaccent("Åsa Ærø Łukasz Šmíd"));
        assertEquals("e", Names.unaccent("e\u0301"));
        assertEquals("aijala oedipe ss", Names.duplicateSearchFmt("Äijälä Œdipe ẞ"));
        // PostgreSQL's lower has no final-sigma rule.
        assertEquals("σσ", Names.lower("ΣΣ"));
        assertEquals("", Names.unaccent(null));
        LocalDate d = LocalDate.of(2022, 3, 23);
        assertEquals("eino eino testiainen ", Names.querySearchString("Eino", "Eino", "Testiäinen", null));
        assertEquals("etu suku 2022-03-23", Names.querySearchString("Etu", null, "Suku", d));
        assertEquals(Optional.of("a a b "), Names.storedSearchString("A", "A", "B", null));
        assertEquals(Optional.empty(), Names.storedSearchString("A", null, "B", d));
        // Non-BMP characters and lone surrogates cross intact or as U+FFFD.
        assertEquals("x\uD83D\uDE42", Names.lower("X\uD83D\uDE42"));
        assertEquals("a\uFFFD", Names.lower("A\uD800"));
    }

    @Test
    void nameRulesGiveOnrsVerdicts() {
        NameRules rules = NameRules.ONR;
        assertEquals(0.85f, rules.surnameThreshold());
        assertEquals(0.85f, rules.firstNameThreshold());
        assertEquals("eva nomm-angstrom", NameRules.comparisonForm("Éva Nõmm-Ångström"));
        assertEquals(List.of("hanna-leena", "", "maija", "hanna", "leena"), NameRules.firstNameTokens("Hanna-Leena  Maija"));

        assertTrue(rules.surname("Virkailija", "Virkalija").isMatch());
        NameRules.SurnameResult s = rules.surname("Mäkinen", "Mäkelä");
        assertFalse(s.isMatch());
        assertEquals(0.82222223f, s.similarity());
        assertFalse(NameRules.withThresholds(0.95f, 0.95f).surname("Korhonen", "Korhola").isMatch());
        assertTrue(rules.surname("Korhonen", "Korhola").isMatch());

        NameRules.FirstNamesResult f = rules.firstNames("Anna", "Hanna-Leena");
        assertEquals(NameRules.FirstNameRule.SUBSTRING, f.rule());
        assertTrue(f.isMatch());
        assertEquals(OptionalInt.empty(), f.givenToken());
        NameRules.FirstNamesResult tokens = rules.firstNames("Mati", "Matti Juhani");
        assertEquals(NameRules.FirstNameRule.SIMILAR_TOKENS, tokens.rule());
        assertEquals(OptionalInt.of(0), tokens.givenToken());
        assertEquals(OptionalInt.of(0), tokens.referenceToken());
        assertEquals(NameRules.FirstNameRule.DIFFERENT, rules.firstNames("Pekka", "Liisa").rule());

        NameRules.NamesResult m = rules.namesMatch("Anna", "Virtanen", "Hanna-Leena", "Virtanen");
        assertTrue(m.isMatch());
        assertEquals(NameRules.NamesOutcome.MATCH, m.outcome());
        assertEquals(1.0f, m.surnameSimilarity());
        NameRules.NamesResult differs = rules.namesMatch("Anna", "Virtanen", "Anna", "Korhonen");
        assertEquals(NameRules.NamesOutcome.SURNAME_DIFFERS, differs.outcome());
        assertTrue(differs.firstNames().isEmpty());
        assertEquals(NameRules.NamesOutcome.FIRST_NAMES_DIFFER, rules.namesMatch("Pekka", "Virtanen", "Liisa", "Virtanen").outcome());
    }

    @Test
    void identificationAsOnrChecksVtjNames() {
        NameRules rules = NameRules.ONR;
        NameRules.IdentificationResult former = rules.identification("Kutsumanimi", "Sukunimi", true,
                "Kutsumanimi", "CCCC", List.of("Sukunimi"));
        assertEquals(NameRules.IdentificationOutcome.MATCH, former.outcome());
        assertEquals(OptionalInt.of(0), former.formerSurnameIndex());
        assertFalse(former.isSwapped());

        NameRules.IdentificationResult current = rules.identification("Testi", "Testi", true, "Testi", "Testi", List.of());
        assertEquals(OptionalInt.empty(), current.formerSurnameIndex());

        NameRules.IdentificationResult swapped = rules.identification("Virtanen", "Liisa", true, "Liisa", "Virtanen", List.of());
        assertTrue(swapped.isMatch());
        assertTrue(swapped.isSwapped());

        assertEquals(NameRules.IdentificationOutcome.BLANK_NAMES_WITH_HETU,
                rules.identification("", " ", true, "Matti", "Meikäläinen", List.of()).outcome());
        NameRules.IdentificationResult no = rules.identification("", " ", false, "Matti", "Meikäläinen", List.of());
        assertEquals(NameRules.IdentificationOutcome.MISMATCH, no.outcome());
        assertTrue(no.direct().isPresent() && no.swapped().isPresent());
        assertFalse(no.direct().get().isMatch());
    }
}
