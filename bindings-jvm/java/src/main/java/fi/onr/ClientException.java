package fi.onr;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to ONR that failed ({@link OnrClient}); codes {@code client.*}: {@code client.auth},
 * {@code client.http}, {@code client.timeout}, {@code client.io}, {@code client.unconfirmed},
 * {@code client.rejected}, {@code client.stalled}, {@code client.caller_id},
 * {@code client.config}, {@code client.protocol}. Carries ONR's HTTP status and its parsed
 * error body (hetus replaced by {@code [hetu]}); never a password, token, ticket, session id
 * or hetu.
 */
public class ClientException extends OnrException {
    private static final long serialVersionUID = 1L;

    /** One of ONR's {@code fieldErrors}. */
    public record FieldError(String field, Optional<String> code, Optional<String> message) {}

    private final int httpStatus;
    private final String bodyMessage;
    private final List<FieldError> fieldErrors;

    ClientException(String code, Category category, String en, String fi, String sv, int httpStatus, String bodyMessage,
            List<FieldError> fieldErrors) {
        super(code, category, en, fi, sv, -1);
        this.httpStatus = httpStatus;
        this.bodyMessage = bodyMessage;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** ONR's HTTP status, if it answered. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The {@code message} of ONR's error body, if any. */
    public Optional<String> bodyMessage() {
        return Optional.ofNullable(bodyMessage);
    }

    /** The {@code fieldErrors} of ONR's error body. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
