package fi.onr;

/** A similarity argument out of range or inconsistent: {@code similarity.threshold}, {@code similarity.length_mismatch}. */
public class SimilarityException extends OnrException {
    private static final long serialVersionUID = 1L;

    SimilarityException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
