package fi.onr;

import fi.onr.ffi.FirstNamesValue;
import fi.onr.ffi.NameThresholds;
import fi.onr.ffi.NamesValue;
import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * NAME MATCHING (ONR's Jaro-Winkler name rules), with their thresholds as a policy value.
 *
 * <p>ONR compares names after the same normalisation ({@link #comparisonForm}: NFD and NFKD
 * with combining marks removed, transliteration to ASCII as Junidecode does it, ASCII
 * lowercase) and always with Lucene's Jaro-Winkler at {@code >=} a threshold ({@link #ONR}:
 * 0.85 for both first names and surnames):
 * <ul>
 *   <li>{@link #surname}: Jaro-Winkler of the comparison forms reaches the surname threshold;</li>
 *   <li>{@link #firstNames}: the reference contains the given names as a substring, or any
 *       token of each ({@link #firstNameTokens}) reaches the first-name threshold;</li>
 *   <li>{@link #namesMatch} (ONR's {@code namesMatch}, import conflicts): the surname rule, then
 *       the first-name rule;</li>
 *   <li>{@link #identification} (ONR's {@code tarkistaNimet}, VTJ identification): the surname
 *       against VTJ's current or a former surname, and the first names; or the same with ONR's
 *       first names and surname swapped. A person with a hetu and blank names is not compared.</li>
 * </ul>
 *
 * <pre>{@code
 * NameRules.ONR.namesMatch("Anna", "Virtanen", "Hanna-Leena", "Virtanen").isMatch();  // true
 * NameRules.ONR.surname("Mäkinen", "Mäkelä").similarity();   // 0.82222223, no match
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NameRules {
    /** ONR's configuration: both thresholds 0.85. */
    public static final NameRules ONR = of(Ffi.call(Onr_jvmKt::nameOnrThresholds));

    private final NameThresholds thresholds;

    private NameRules(NameThresholds thresholds) {
        this.thresholds = thresholds;
    }

    private static NameRules of(NameThresholds t) {
        return new NameRules(t);
    }

    /** Rules with other thresholds, as ONR's two properties would set them (compared with {@code >=}). */
    public static NameRules withThresholds(float firstName, float surname) {
        return new NameRules(new NameThresholds(firstName, surname));
    }

    /** The first-name threshold. */
    public float firstNameThreshold() {
        return thresholds.getFirstName();
    }

    /** The surname threshold. */
    public float surnameThreshold() {
        return thresholds.getSurname();
    }

    /** A name as ONR compares it: always ASCII, lowercase; nothing trimmed. */
    public static String comparisonForm(String name) {
        return Similarity.comparisonForm(name);
    }

    /**
     * The first-name tokens ONR compares: the names lowercased and split at every single
     * whitespace character, plus the hyphen-separated parts of each hyphenated token.
     */
    public static List<String> firstNameTokens(String firstNames) {
        return List.copyOf(Ffi.call(() -> Onr_jvmKt.nameFirstNameTokens(Text.wellFormed(firstNames))));
    }

    /** ONR's surname check ({@code tarkistaSukunimi}), {@code given} first. */
    public SurnameResult surname(String given, String reference) {
        fi.onr.ffi.SurnameValue v = Ffi.call(() -> Onr_jvmKt.nameSurname(thresholds, Text.wellFormed(given), Text.wellFormed(reference)));
        return new SurnameResult(v.getSimilarity(), v.getSimilar());
    }

    /** ONR's first-name check ({@code tarkistaEtunimet}), {@code given} first. */
    public FirstNamesResult firstNames(String given, String reference) {
        return FirstNamesResult.of(Ffi.call(() -> Onr_jvmKt.nameFirstNames(thresholds, Text.wellFormed(given), Text.wellFormed(reference))));
    }

    /** ONR's {@code namesMatch}: the surname rule, then the first-name rule. */
    public NamesResult namesMatch(String givenFirstNames, String givenSurname, String referenceFirstNames, String referenceSurname) {
        return NamesResult.of(Ffi.call(() -> Onr_jvmKt.nameNamesMatch(thresholds, Text.wellFormed(givenFirstNames),
                Text.wellFormed(givenSurname), Text.wellFormed(referenceFirstNames), Text.wellFormed(referenceSurname))));
    }

    /**
     * ONR's identification check ({@code tarkistaNimet}) of ONR's names against VTJ's.
     *
     * @param hasHetu whether the ONR person has a hetu (blank names are then not compared)
     * @param vtjFormerSurnames the former names VTJ flags as surnames, in VTJ's order
     */
    public IdentificationResult identification(String onrFirstNames, String onrSurname, boolean hasHetu,
            String vtjFirstNames, String vtjSurname, List<String> vtjFormerSurnames) {
        List<String> former = new ArrayList<>(Args.notNull(vtjFormerSurnames, "vtjFormerSurnames").size());
        for (String s : vtjFormerSurnames) {
            former.add(Text.wellFormed(s));
        }
        return new IdentificationResult(Ffi.call(() -> Onr_jvmKt.nameIdentification(thresholds, Text.wellFormed(onrFirstNames),
                Text.wellFormed(onrSurname), hasHetu, Text.wellFormed(vtjFirstNames), Text.wellFormed(vtjSurname), former)));
    }

    @Override
    public String toString() {
        return "NameRules(firstName >= " + firstNameThreshold() + ", surname >= " + surnameThreshold() + ")";
    }

    /** The outcome of the surname check. */
    public static final class SurnameResult {
        private final float similarity;
        private final boolean match;

        SurnameResult(float similarity, boolean match) {
            this.similarity = similarity;
            this.match = match;
        }

        /** Jaro-Winkler of the comparison forms. */
        public float similarity() {
            return similarity;
        }

        /** Whether it reaches the surname threshold. */
        public boolean isMatch() {
            return match;
        }

        @Override
        public String toString() {
            return "SurnameResult(" + similarity + (match ? ", match)" : ", no match)");
        }
    }

    /** How the first-name check decided. */
    public enum FirstNameRule {
        /** The reference's comparison form contains the given one (an empty name always does). */
        SUBSTRING,
        /** A token of each reached the threshold. */
        SIMILAR_TOKENS,
        /** No match. */
        DIFFERENT
    }

    /** The outcome of the first-name check. */
    public static final class FirstNamesResult {
        private final FirstNameRule rule;
        private final int givenToken;
        private final int referenceToken;
        private final float similarity;

        private FirstNamesResult(FirstNameRule rule, int givenToken, int referenceToken, float similarity) {
            this.rule = rule;
            this.givenToken = givenToken;
            this.referenceToken = referenceToken;
            this.similarity = similarity;
        }

        static FirstNamesResult of(FirstNamesValue v) {
            FirstNameRule rule;
            switch (v.getRule()) {
                case SUBSTRING:
                    rule = FirstNameRule.SUBSTRING;
                    break;
                case SIMILAR_TOKENS:
                    rule = FirstNameRule.SIMILAR_TOKENS;
                    break;
                default:
                    rule = FirstNameRule.DIFFERENT;
            }
            return new FirstNamesResult(rule, v.getGivenToken(), v.getReferenceToken(), v.getSimilarity());
        }

        /** Which rule decided. */
        public FirstNameRule rule() {
            return rule;
        }

        /** Whether the first names match. */
        public boolean isMatch() {
            return rule != FirstNameRule.DIFFERENT;
        }

        /** For {@link FirstNameRule#SIMILAR_TOKENS}: the index of the given names' token. */
        public OptionalInt givenToken() {
            return givenToken < 0 ? OptionalInt.empty() : OptionalInt.of(givenToken);
        }

        /** For {@link FirstNameRule#SIMILAR_TOKENS}: the index of the reference's token. */
        public OptionalInt referenceToken() {
            return referenceToken < 0 ? OptionalInt.empty() : OptionalInt.of(referenceToken);
        }

        /**
         * The similar tokens' similarity; for {@link FirstNameRule#DIFFERENT} the best one
         * found; 1.0 for {@link FirstNameRule#SUBSTRING}.
         */
        public float similarity() {
            return similarity;
        }

        @Override
        public String toString() {
            return "FirstNamesResult(" + rule + ", " + similarity + ")";
        }
    }

    /** The outcome of {@link #namesMatch}. */
    public enum NamesOutcome {
        /** The names match. */
        MATCH,
        /** The surnames are not similar (first names not compared). */
        SURNAME_DIFFERS,
        /** The surnames are similar, the first names don't match. */
        FIRST_NAMES_DIFFER
    }

    /** The verdict of {@link #namesMatch}. */
    public static final class NamesResult {
        private final NamesOutcome outcome;
        private final float surnameSimilarity;
        private final FirstNamesResult firstNames;

        private NamesResult(NamesOutcome outcome, float surnameSimilarity, FirstNamesResult firstNames) {
            this.outcome = outcome;
            this.surnameSimilarity = surnameSimilarity;
            this.firstNames = firstNames;
        }

        static NamesResult of(NamesValue v) {
            NamesOutcome outcome;
            switch (v.getOutcome()) {
                case MATCH:
                    outcome = NamesOutcome.MATCH;
                    break;
                case SURNAME_DIFFERS:
                    outcome = NamesOutcome.SURNAME_DIFFERS;
                    break;
                default:
                    outcome = NamesOutcome.FIRST_NAMES_DIFFER;
            }
            return new NamesResult(outcome, v.getSurnameSimilarity(),
                    v.getFirstNames() == null ? null : FirstNamesResult.of(v.getFirstNames()));
        }

        /** Which outcome. */
        public NamesOutcome outcome() {
            return outcome;
        }

        /** Whether the names match. */
        public boolean isMatch() {
            return outcome == NamesOutcome.MATCH;
        }

        /** The surname similarity (for {@link NamesOutcome#SURNAME_DIFFERS}, the best one found). */
        public float surnameSimilarity() {
            return surnameSimilarity;
        }

        /** The first-name check, unless the surname differed. */
        public Optional<FirstNamesResult> firstNames() {
            return Optional.ofNullable(firstNames);
        }

        @Override
        public String toString() {
            return "NamesResult(" + outcome + ", surname " + surnameSimilarity + ")";
        }
    }

    /** The outcome of {@link #identification}. */
    public enum IdentificationOutcome {
        /** The person has a hetu and blank names: ONR does not compare, the names count as matching. */
        BLANK_NAMES_WITH_HETU,
        /** The names match. */
        MATCH,
        /** The names do not match: ONR does not mark the person VTJ-identified. */
        MISMATCH
    }

    /** The verdict of {@link #identification}. */
    public static final class IdentificationResult {
        private final fi.onr.ffi.IdentificationValue v;

        IdentificationResult(fi.onr.ffi.IdentificationValue v) {
            this.v = v;
        }

        /** Which outcome. */
        public IdentificationOutcome outcome() {
            switch (v.getOutcome()) {
                case MATCH:
                    return IdentificationOutcome.MATCH;
                case MISMATCH:
                    return IdentificationOutcome.MISMATCH;
                default:
                    return IdentificationOutcome.BLANK_NAMES_WITH_HETU;
            }
        }

        /** Whether ONR considers the names matching VTJ's. */
        public boolean isMatch() {
            return outcome() != IdentificationOutcome.MISMATCH;
        }

        /** For a match: whether ONR's first names matched VTJ's surname and vice versa. */
        public boolean isSwapped() {
            return v.getSwapped();
        }

        /**
         * For a match: which VTJ surname matched, empty for the current one, else the index of
         * the former surname. Empty too when there was no comparison.
         */
        public OptionalInt formerSurnameIndex() {
            return v.getVtjSurname() < 0 ? OptionalInt.empty() : OptionalInt.of(v.getVtjSurname());
        }

        /** For a match: the surname similarity. */
        public float surnameSimilarity() {
            return v.getSurnameSimilarity();
        }

        /** For a match: how the first names matched. */
        public Optional<FirstNamesResult> firstNames() {
            return v.getFirstNames() == null ? Optional.empty() : Optional.of(FirstNamesResult.of(v.getFirstNames()));
        }

        /** For a mismatch: why the direct comparison failed. */
        public Optional<NamesResult> direct() {
            return v.getDirect() == null ? Optional.empty() : Optional.of(NamesResult.of(v.getDirect()));
        }

        /** For a mismatch: why the swapped comparison failed. */
        public Optional<NamesResult> swapped() {
            return v.getSwappedVerdict() == null ? Optional.empty() : Optional.of(NamesResult.of(v.getSwappedVerdict()));
        }

        @Override
        public String toString() {
            return "IdentificationResult(" + outcome() + ")";
        }
    }
}
