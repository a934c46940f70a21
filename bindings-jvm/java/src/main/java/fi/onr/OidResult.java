package fi.onr;

import java.util.Objects;
import java.util.Optional;

/**
 * One input's verdict in {@link Oid#validateAll}: valid with an {@link Oid}, or an exception.
 *
 * <p>Equal when the inputs, the OIDs and the error codes are equal. {@link #toString()} shows
 * the OID or the code, never the input (a wrong column may hold a hetu).
 *
 * @param input the input ({@code null} reads as "")
 * @param oid the parsed OID, {@code null} when invalid (its accessor then throws the error)
 * @param error why the input is invalid, or empty
 */
public record OidResult(String input, Oid oid, Optional<OidException> error) {
    /**
     * @throws NullPointerException if {@code input} or {@code error} is {@code null}
     * @throws IllegalArgumentException unless exactly one of {@code oid} and {@code error} is present
     */
    public OidResult {
        Args.notNull(input, "input");
        Args.notNull(error, "error");
        if ((oid == null) == error.isEmpty()) {
            throw new IllegalArgumentException("exactly one of oid and error must be present");
        }
    }

    /** Whether the input is valid. */
    public boolean isValid() {
        return oid != null;
    }

    /** The error code, e.g. {@code oid.checksum}, or {@code null} if valid. */
    public String code() {
        return error.map(OidException::code).orElse(null);
    }

    /**
     * The parsed OID.
     *
     * @throws OidException if the input is invalid
     */
    @Override
    public Oid oid() {
        if (oid == null) {
            throw error.orElseThrow();
        }
        return oid;
    }

    /** Equal inputs, OIDs and error codes (an exception itself compares by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof OidResult r && r.input.equals(input) && Objects.equals(r.oid, oid)
                && Objects.equals(r.code(), code());
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, oid, code());
    }

    /** The OID or the error code, never the input. */
    @Override
    public String toString() {
        return isValid() ? "OidResult(" + oid + ")" : "OidResult(" + code() + ")";
    }
}
