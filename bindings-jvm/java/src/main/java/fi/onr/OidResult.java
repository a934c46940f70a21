package fi.onr;

import java.util.Optional;

/** One input's verdict in {@link Oid#validateAll}: valid with an {@link Oid}, or an exception. */
public final class OidResult {
    private final String input;
    private final Oid oid;
    private final OidException error;

    OidResult(String input, Oid oid, OidException error) {
        this.input = input;
        this.oid = oid;
        this.error = error;
    }

    /** The input ({@code null} reads as ""). */
    public String input() {
        return input;
    }

    /** Whether the input is valid. */
    public boolean isValid() {
        return oid != null;
    }

    /** The error code, e.g. {@code oid.checksum}, or {@code null} if valid. */
    public String code() {
        return error == null ? null : error.code();
    }

    /**
     * The parsed OID.
     *
     * @throws OidException if the input is invalid
     */
    public Oid oid() {
        if (oid == null) {
            throw error;
        }
        return oid;
    }

    /** Why the input is invalid, or empty. */
    public Optional<OidException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return isValid() ? "OidResult(" + oid + ")" : "OidResult(" + code() + ")";
    }
}
