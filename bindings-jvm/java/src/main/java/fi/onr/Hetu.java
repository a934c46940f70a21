package fi.onr;

import fi.onr.ffi.HetuValue;
import fi.onr.ffi.Onr_jvmKt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * HETU (henkilötunnus, the Finnish personal identity code), valid by construction.
 *
 * <p>A hetu is eleven characters, {@code DDMMYYCNNNQ}: the birth date, a century sign
 * ({@code +} 1800s; {@code - Y X W V U} 1900s; {@code A B C D E F} 2000s), an individual
 * number (odd for men, even for women; 900-999 are temporary and test numbers) and a check
 * character ({@code DDMMYYNNN} modulo 31 in {@code 0123456789ABCDEFHJKLMNPRSTUVWXY}).
 *
 * <p>{@link #parse} gives <b>ONR's verdict</b>, exactly as the registry's own validator
 * answers it, quirks included (an impossible day such as 31 April is clamped to the month's
 * last day and accepted; 000 and 001 are accepted; production rejects an individual number
 * starting with {@code 9}); each quirk leaves a {@link Warning}. {@link #parseStrict} applies
 * the official rules. The first failure wins, in this order: empty, length, date digits,
 * century sign, individual number digits, date ranges, (strict: date exists, individual
 * number range), check character, environment policy.
 *
 * <pre>{@code
 * Hetu h = Hetu.parse("131052-308T", Environment.PRODUCTION);
 * h.birthDate();     // 1952-10-13
 * h.sex();           // Sex.FEMALE
 * h.canonical();     // "131052-308T"
 * h.toString();      // "131052-****": safe for logs, as onr-core's Debug
 * Hetu.isValid("010594Y9032", Environment.TEST);   // true: a temporary code
 * }</pre>
 *
 * <p>The policy is also a value, {@link HetuValidator} (rules and environment): the twin
 * methods here ({@code parse}/{@code parseStrict}, {@code isValid}/{@code isValidStrict},
 * {@code validateAll}/{@code validateAllStrict}) are the methods of
 * {@code HetuValidator.onr(env)} and {@code HetuValidator.official(env)}.
 *
 * <p>A {@code null} input is the empty input ({@code hetu.empty}; not valid); a {@code null}
 * environment, list or date is a {@link NullPointerException} naming it, thrown on entry.
 * All methods are thread-safe; a {@code Hetu} is immutable.
 */
public final class Hetu implements Comparable<Hetu> {
    private final String text;
    private final String canonical;
    private final LocalDate birthDate;
    private final Sex sex;
    private final char centurySign;
    private final int century;
    private final int individualNumber;
    private final char checkChar;
    private final boolean temporary;
    private final List<Warning> warnings;
    private final Environment environment;
    private final boolean strict;

    private Hetu(HetuValue v, Environment environment, boolean strict) {
        this.text = v.getText();
        this.canonical = v.getCanonical();
        this.birthDate = v.getBirthDate();
        this.sex = Sex.of(v.getSex());
        this.centurySign = v.getCenturySign().charAt(0);
        this.century = v.getCentury();
        this.individualNumber = v.getIndividualNumber();
        this.checkChar = v.getCheckChar().charAt(0);
        this.temporary = v.getTemporary();
        this.warnings = warnings(v.getWarnings());
        this.environment = environment;
        this.strict = strict;
    }

    static List<Warning> warnings(List<fi.onr.ffi.Problem> problems) {
        if (problems.isEmpty()) {
            return Collections.emptyList();
        }
        List<Warning> out = new ArrayList<>(problems.size());
        for (fi.onr.ffi.Problem p : problems) {
            out.add(Warning.of(p));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- parsing and verdicts ------------------------------------------------------------

    /**
     * Parses a hetu with ONR's verdict for the environment.
     *
     * @throws HetuException the first reason, in the documented order, why ONR rejects it;
     *     {@code null} is rejected as {@code hetu.empty}
     */
    public static Hetu parse(String input, Environment env) {
        Args.notNull(env, "env");
        throwIfLengthDecides(input);
        return new Hetu(Ffi.call(() -> Onr_jvmKt.hetuParse(Text.wellFormed(input), env.ffi())), env, false);
    }

    /** {@link #parse(String, Environment)} for {@link Environment#PRODUCTION}. */
    public static Hetu parse(String input) {
        return parse(input, Environment.PRODUCTION);
    }

    /**
     * Parses a hetu with the strict (official) rules: the date must exist, the individual
     * number is 002-899 (900-999 where the environment accepts temporary numbers), ASCII only.
     *
     * @throws HetuException the first reason, in the documented order, why the rules reject it
     */
    public static Hetu parseStrict(String input, Environment env) {
        Args.notNull(env, "env");
        throwIfLengthDecides(input);
        return new Hetu(Ffi.call(() -> Onr_jvmKt.hetuParseStrict(Text.wellFormed(input), env.ffi())), env, true);
    }

    /** Whether ONR accepts the input in the environment; {@code null} is not valid. */
    public static boolean isValid(String input, Environment env) {
        Args.notNull(env, "env");
        // The direct path: one JNI call, no allocation (see FastPath).
        int valid = FastPath.isValid(input == null ? "" : input, env == Environment.TEST);
        if (valid >= 0) {
            return valid == 1;
        }
        if (lengthError(input) != null) {
            return false;
        }
        return Ffi.call(() -> Onr_jvmKt.hetuIsValid(Text.wellFormed(input), env.ffi()));
    }

    /** {@link #isValid(String, Environment)} for {@link Environment#PRODUCTION}. */
    public static boolean isValid(String input) {
        return isValid(input, Environment.PRODUCTION);
    }

    /** Whether the input is a hetu by the strict rules. */
    public static boolean isValidStrict(String input, Environment env) {
        Args.notNull(env, "env");
        if (lengthError(input) != null) {
            return false;
        }
        return Ffi.call(() -> Onr_jvmKt.hetuIsValidStrict(Text.wellFormed(input), env.ffi()));
    }

    /**
     * For a string too long to cross as primitives (see {@link FastPath#SHORT_UNITS}): the
     * error onr-core gives every input of its length when the length alone decides
     * ({@code hetu::length_error}), else {@code null}. The string itself never crosses, so a
     * huge one is never copied or converted.
     */
    private static HetuException lengthError(String input) {
        if (input == null || input.length() <= FastPath.SHORT_UNITS) {
            return null;
        }
        int units = input.length();
        try {
            Ffi.call(() -> {
                Onr_jvmKt.hetuCheckLength(units);
                return null;
            });
            return null;
        } catch (HetuException e) {
            return e;
        }
    }

    private static void throwIfLengthDecides(String input) {
        HetuException e = lengthError(input);
        if (e != null) {
            throw e;
        }
    }

    /**
     * ONR's verdict on every input, in order: one result per input, never stopping at a bad
     * one ({@code null} items are {@code hetu.empty}).
     *
     * <p>The batch crosses into native code in chunks of a few thousand inputs, never once
     * per input. A batch of {@value HetuResults#PARALLEL_THRESHOLD} inputs or more is checked
     * on several threads of the common {@link java.util.concurrent.ForkJoinPool} (as a
     * parallel stream is); the results are in input order either way.
     */
    public static HetuResults validateAll(List<String> inputs, Environment env) {
        return HetuValidator.onr(env).many(inputs);
    }

    /** {@link #validateAll(List, Environment)} for {@link Environment#PRODUCTION}. */
    public static HetuResults validateAll(List<String> inputs) {
        return validateAll(inputs, Environment.PRODUCTION);
    }

    /** The strict verdict on every input, in order, as {@link #validateAll(List, Environment)} checks it. */
    public static HetuResults validateAllStrict(List<String> inputs, Environment env) {
        return HetuValidator.official(env).many(inputs);
    }

    // ---- help for dirty data -------------------------------------------------------------

    /**
     * Cleans a hetu-like text the way a person would read it (trims, look-alike dashes to
     * {@code -}, full-width and other Unicode digits and letters to ASCII, uppercase) and says
     * what changed. Never validates: ONR does none of this, so parse the result.
     */
    public static Normalized normalize(String input) {
        return new Normalized(Ffi.call(() -> Onr_jvmKt.hetuNormalize(Text.wellFormed(input))));
    }

    /**
     * Valid codes (by the strict rules for {@code env}) one typo away from an invalid input,
     * best first, at most {@code max}.
     */
    public static List<Suggestion> suggest(String input, Environment env, int max) {
        Args.notNull(env, "env");
        List<fi.onr.ffi.SuggestionValue> values = Ffi.call(() -> Onr_jvmKt.hetuSuggest(Text.wellFormed(input), env.ffi(), max));
        List<Suggestion> out = new ArrayList<>(values.size());
        for (fi.onr.ffi.SuggestionValue v : values) {
            out.add(new Suggestion(new Hetu(v.getHetu(), env, true), v.getEdit(), v.getPosition()));
        }
        return Collections.unmodifiableList(out);
    }

    /** The check character of a nine-digit number {@code DDMMYYNNN}. */
    public static char checkCharOf(int number) {
        return Ffi.call(() -> Onr_jvmKt.hetuCheckChar(number)).charAt(0);
    }

    static Hetu of(HetuValue v, Environment env, boolean strict) {
        return new Hetu(v, env, strict);
    }

    // ---- accessors ----------------------------------------------------------------------

    /**
     * The text exactly as parsed, which is what ONR stores. Equal to {@link #canonical()}
     * unless the individual number was written in non-ASCII digits.
     */
    public String text() {
        return text;
    }

    /** The birth date exactly as ONR derives it (an impossible day clamped to the month's end). */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The sex encoded by the individual number. */
    public Sex sex() {
        return sex;
    }

    /** The century sign, one of {@code + - Y X W V U A B C D E F}. */
    public char centurySign() {
        return centurySign;
    }

    /** The century of the birth year: 1800, 1900 or 2000. */
    public int century() {
        return century;
    }

    /** The individual number, 0..999 (0 and 1 only through ONR's lax verdict). */
    public int individualNumber() {
        return individualNumber;
    }

    /** The check character. */
    public char checkChar() {
        return checkChar;
    }

    /** Whether the individual number is 900-999: a temporary or test code. */
    public boolean isTemporary() {
        return temporary;
    }

    /** The quirks of this code that ONR accepts but the strict rules reject (immutable). */
    public List<Warning> warnings() {
        return warnings;
    }

    /** {@link #warnings()} plus those that depend on the date: a birth date after {@code today}. */
    public List<Warning> warningsOn(LocalDate today) {
        Args.notNull(today, "today");
        return warnings(Ffi.call(() -> Onr_jvmKt.hetuWarningsOn(text, environment.ffi(), strict, today)));
    }

    /** The age in whole years on {@code today}, or empty if the birth date is after it. */
    public OptionalInt ageOn(LocalDate today) {
        Args.notNull(today, "today");
        int age = Ffi.call(() -> Onr_jvmKt.hetuAgeOn(text, environment.ffi(), today));
        return age < 0 ? OptionalInt.empty() : OptionalInt.of(age);
    }

    /** The environment this hetu was parsed for. */
    public Environment environment() {
        return environment;
    }

    /** The canonical ASCII form {@code DDMMYYCNNNQ}: the whole code, personal data. */
    public String canonical() {
        return canonical;
    }

    /**
     * A form safe for logs: the birth date part and century sign, with the individual number
     * and check character masked ({@code 131052-****}), as onr-core's {@code Debug} writes it.
     * Use {@link #canonical()} or {@link #text()} for the code itself.
     */
    @Override
    public String toString() {
        return canonical.substring(0, 7) + "****";
    }

    /** Two hetus are equal when their text as parsed is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Hetu && ((Hetu) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Orders by the text as parsed (by code point, as onr-core does). */
    @Override
    public int compareTo(Hetu o) {
        return compareCodePoints(text, o.text);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
