package fi.onr;

/**
 * The form in which a text's trigrams are taken (onr-core's {@code trigram::Form}): as given,
 * or in ONR's comparison form. Each constant carries onr-core's name ({@link #code()}), which
 * is what crosses into the native library.
 *
 * <pre>{@code
 * TrigramSet.of("Äijä", TrigramForm.ONR);              // the set of "aija"
 * Similarity.trigramAll(as, bs, TrigramForm.RAW);      // pg_trgm on the texts as given
 * }</pre>
 */
public enum TrigramForm {
    /**
     * The text as given: pg_trgm's own rule ({@code show_trgm(text)}, {@code similarity(a, b)});
     * pg_trgm lowercases words itself but keeps accents.
     */
    RAW("raw"),
    /**
     * ONR's comparison form {@code lower(unaccent(text))} (ONR's {@code duplicate_search_fmt},
     * the form of its {@code duplicate_search_str} column and of its duplicate queries).
     */
    ONR("onr");

    private final String code;

    TrigramForm(String code) {
        this.code = code;
    }

    /** onr-core's stable name: {@code raw} or {@code onr}. */
    public String code() {
        return code;
    }
}
