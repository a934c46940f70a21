package fi.onr;

/**
 * Why an OID was rejected. Codes: {@code oid.empty}, {@code oid.root}, {@code oid.format},
 * {@code oid.node}, {@code oid.length}, {@code oid.leading_zero}, {@code oid.checksum}.
 */
public class OidException extends OnrException {
    private static final long serialVersionUID = 1L;

    OidException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
