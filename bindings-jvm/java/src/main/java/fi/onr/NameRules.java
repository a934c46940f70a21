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
    /**
     * ONR's threshold for both first names and surnames: 0.85 in single precision (onr-core's
     * {@code jaro_winkler::THRESHOLD}, read from the native library).
     */
    public static final float ONR_THRESHOLD = NativeConstants.VALUES.getNameMatchThreshold();

    /** ONR's configuration: both thresholds {@link #ONR_THRESHOLD}. */
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
        return IdentificationResult.of(Ffi.call(() -> Onr_jvmKt.nameIdentification(thresholds, Text.wellFormed(onrFirstNames),
                Text.wellFormed(onrSurname), hasHetu, Text.wellFormed(vtjFirstNames), Text.wellFormed(vtjSurname), former)));
    }

    @Override
    public String toString() {
        return "NameRules(firstName >= " + firstNameThreshold() + ", surname >= " + surnameThreshold() + ")";
    }

    /**
     * The outcome of the surname check.
     *
     * @param similarity Jaro-Winkler of the comparison forms
     * @param isMatch whether it reaches the surname threshold
     */
    public record SurnameResult(float similarity, boolean isMatch) {}

    /** How the first-name check decided. */
    public enum FirstNameRule {
        /** The reference's comparison form contains the given one (an empty name always does). */
        SUBSTRING,
        /** A token of each reached the threshold. */
        SIMILAR_TOKENS,
        /** No match. */
        DIFFERENT
    }

    /**
     * The outcome of the first-name check.
     *
     * @param rule which rule decided
     * @param givenToken for {@link FirstNameRule#SIMILAR_TOKENS}: the index of the given names' token
     * @param referenceToken for {@link FirstNameRule#SIMILAR_TOKENS}: the index of the reference's token
     * @param similarity the similar tokens' similarity; for {@link FirstNameRule#DIFFERENT} the
     *     best one found; 1.0 for {@link FirstNameRule#SUBSTRING}
     */
    public record FirstNamesResult(FirstNameRule rule, OptionalInt givenToken, OptionalInt referenceToken, float similarity) {
        /** @throws NullPointerException if a component is {@code null} */
        public FirstNamesResult {
            Args.notNull(rule, "rule");
            Args.notNull(givenToken, "givenToken");
            Args.notNull(referenceToken, "referenceToken");
        }

        static FirstNamesResult of(FirstNamesValue v) {
            FirstNameRule rule = switch (v.getRule()) {
                case SUBSTRING -> FirstNameRule.SUBSTRING;
                case SIMILAR_TOKENS -> FirstNameRule.SIMILAR_TOKENS;
                case DIFFERENT -> FirstNameRule.DIFFERENT;
            };
            return new FirstNamesResult(rule, index(v.getGivenToken()), index(v.getReferenceToken()), v.getSimilarity());
        }

        /** Whether the first names match. */
        public boolean isMatch() {
            return rule != FirstNameRule.DIFFERENT;
        }
    }

    /** A native index: -1 is none. */
    private static OptionalInt index(int i) {
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
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

    /**
     * The verdict of {@link #namesMatch}.
     *
     * @param outcome which outcome
     * @param surnameSimilarity the surname similarity
     * @param firstNames the first-name check, unless the surname differed
     */
    public record NamesResult(NamesOutcome outcome, float surnameSimilarity, Optional<FirstNamesResult> firstNames) {
        /** @throws NullPointerException if a component is {@code null} */
        public NamesResult {
            Args.notNull(outcome, "outcome");
            Args.notNull(firstNames, "firstNames");
        }

        static NamesResult of(NamesValue v) {
            NamesOutcome outcome = switch (v.getOutcome()) {
                case MATCH -> NamesOutcome.MATCH;
                case SURNAME_DIFFERS -> NamesOutcome.SURNAME_DIFFERS;
                case FIRST_NAMES_DIFFER -> NamesOutcome.FIRST_NAMES_DIFFER;
            };
            return new NamesResult(outcome, v.getSurnameSimilarity(),
                    Optional.ofNullable(v.getFirstNames()).map(FirstNamesResult::of));
        }

        /** Whether the names match. */
        public boolean isMatch() {
            return outcome == NamesOutcome.MATCH;
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

    /**
     * The verdict of {@link #identification}.
     *
     * @param outcome which outcome
     * @param isSwapped for a match: whether ONR's first names matched VTJ's surname and vice versa
     * @param formerSurnameIndex for a match: which VTJ surname matched, empty for the current
     *     one, else the index of the former surname; empty too when there was no comparison
     * @param surnameSimilarity for a match: the surname similarity
     * @param firstNames for a match: how the first names matched
     * @param direct for a mismatch: why the direct comparison failed
     * @param swapped for a mismatch: why the swapped comparison failed
     */
    public record IdentificationResult(IdentificationOutcome outcome, boolean isSwapped, OptionalInt formerSurnameIndex,
            float surnameSimilarity, Optional<FirstNamesResult> firstNames, Optional<NamesResult> direct,
            Optional<NamesResult> swapped) {
        /** @throws NullPointerException if a component is {@code null} */
        public IdentificationResult {
            Args.notNull(outcome, "outcome");
            Args.notNull(formerSurnameIndex, "formerSurnameIndex");
            Args.notNull(firstNames, "firstNames");
            Args.notNull(direct, "direct");
            Args.notNull(swapped, "swapped");
        }

        static IdentificationResult of(fi.onr.ffi.IdentificationValue v) {
            IdentificationOutcome outcome = switch (v.getOutcome()) {
                case MATCH -> IdentificationOutcome.MATCH;
                case MISMATCH -> IdentificationOutcome.MISMATCH;
                case BLANK_NAMES_WITH_HETU -> IdentificationOutcome.BLANK_NAMES_WITH_HETU;
            };
            return new IdentificationResult(outcome, v.getSwapped(), index(v.getVtjSurname()), v.getSurnameSimilarity(),
                    Optional.ofNullable(v.getFirstNames()).map(FirstNamesResult::of),
                    Optional.ofNullable(v.getDirect()).map(NamesResult::of),
                    Optional.ofNullable(v.getSwappedVerdict()).map(NamesResult::of));
        }

        /** Whether ONR considers the names matching VTJ's. */
        public boolean isMatch() {
            return outcome != IdentificationOutcome.MISMATCH;
        }
    }
}
