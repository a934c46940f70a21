package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.time.LocalDate;
import java.util.Optional;

/**
 * NAMES (the name normalisation ONR's duplicate search applies in PostgreSQL).
 *
 * <p>ONR's duplicate search compares {@code lower(unaccent(x))} strings: {@link #unaccent} is
 * PostgreSQL's {@code unaccent} extension with its default rules (the longest matching rule
 * at each position; Latin letters with diacritics to the base letter, {@code æ} to
 * {@code ae}, combining marks deleted; no Unicode normalisation, no case change) and
 * {@link #lower} is PostgreSQL's {@code lower()} in a UTF-8 glibc locale (one character at a
 * time: no final-sigma rule, unlike {@link String#toLowerCase}). The search strings are built
 * by {@link #storedSearchString} (the generated column {@code duplicate_search_str}) and
 * {@link #querySearchString} (what ONR's Java side sends).
 *
 * <pre>{@code
 * Names.duplicateSearchFmt("Äijälä Œdipe");   // "aijala oedipe"
 * Names.querySearchString("Eino", "Eino", "Testiäinen", null);   // "eino eino testiainen "
 * }</pre>
 *
 * <p>All methods are thread-safe; {@code null} text reads as "".
 */
public final class Names {
    private Names() {}

    /** PostgreSQL's {@code unaccent(text)} with the default rules file. */
    public static String unaccent(String text) {
        return Ffi.call(() -> Onr_jvmKt.namesUnaccent(Text.wellFormed(text)));
    }

    /** PostgreSQL's {@code lower(text)} in a UTF-8 glibc locale, character by character. */
    public static String lower(String text) {
        return Ffi.call(() -> Onr_jvmKt.namesPgLower(Text.wellFormed(text)));
    }

    /** ONR's {@code duplicate_search_fmt(text)}: {@code lower(unaccent(text))}. */
    public static String duplicateSearchFmt(String text) {
        return Ffi.call(() -> Onr_jvmKt.namesDuplicateSearchFmt(Text.wellFormed(text)));
    }

    /**
     * The stored search string (the generated column {@code duplicate_search_str}):
     * {@code etunimet kutsumanimi sukunimi YYYY-MM-DD} normalised; empty (SQL NULL) when any of
     * the three names is {@code null}. An unknown birth date leaves a trailing space.
     */
    public static Optional<String> storedSearchString(String etunimet, String kutsumanimi, String sukunimi, LocalDate syntymaaika) {
        return Optional.ofNullable(Ffi.call(() -> Onr_jvmKt.namesStoredSearchString(
                nullable(etunimet), nullable(kutsumanimi), nullable(sukunimi), syntymaaika)));
    }

    /**
     * The query string ONR's Java side builds: the non-null names normalised, each followed by
     * a space, then the birth date as {@code YYYY-MM-DD} (nothing if {@code null}).
     */
    public static String querySearchString(String etunimet, String kutsumanimi, String sukunimi, LocalDate syntymaaika) {
        return Ffi.call(() -> Onr_jvmKt.namesQuerySearchString(
                nullable(etunimet), nullable(kutsumanimi), nullable(sukunimi), syntymaaika));
    }

    static String nullable(String s) {
        return s == null ? null : Text.wellFormed(s);
    }
}
