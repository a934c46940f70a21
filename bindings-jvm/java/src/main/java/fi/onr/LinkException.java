package fi.onr;

/** Why ONR refuses a link operation, e.g. {@code link.already_duplicate}; the registry is unchanged. */
public class LinkException extends OnrException {
    private static final long serialVersionUID = 1L;

    LinkException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
