package fi.onr;

/** Why ONR refuses a change to one person record, e.g. {@code person.reactivation_forbidden}. */
public class PersonException extends OnrException {
    private static final long serialVersionUID = 1L;

    PersonException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
