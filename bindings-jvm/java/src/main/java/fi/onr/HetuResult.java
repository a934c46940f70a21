package fi.onr;

import java.time.LocalDate;
import java.util.Optional;

/** One input's verdict in {@link HetuResults}: valid with a {@link Hetu}, or invalid with a code. */
public final class HetuResult {
    private final HetuResults results;
    private final int index;

    HetuResult(HetuResults results, int index) {
        this.results = results;
        this.index = index;
    }

    /** The input ({@code null} reads as ""). */
    public String input() {
        return results.input(index);
    }

    /** Whether the input is valid. */
    public boolean isValid() {
        return results.isValid(index);
    }

    /** The error code, e.g. {@code hetu.checksum}, or {@code null} if valid. */
    public String code() {
        return results.code(index);
    }

    /** The birth date, or {@code null} if invalid. */
    public LocalDate birthDate() {
        return results.birthDate(index);
    }

    /** The sex, or {@code null} if invalid. */
    public Sex sex() {
        return results.sex(index);
    }

    /**
     * The parsed hetu.
     *
     * @throws HetuException if the input is invalid: the same exception {@link Hetu#parse} throws
     */
    public Hetu hetu() {
        return results.hetu(index);
    }

    /** The exception {@link Hetu#parse} throws for this input, or empty if it is valid. */
    public Optional<HetuException> error() {
        if (isValid()) {
            return Optional.empty();
        }
        try {
            results.hetu(index);
        } catch (HetuException e) {
            return Optional.of(e);
        }
        throw new IllegalStateException("onr-core gave two verdicts on one input; please report it");
    }

    /** {@code valid} or the error code; never the input (it may be a hetu). */
    @Override
    public String toString() {
        return isValid() ? "HetuResult(valid)" : "HetuResult(" + code() + ")";
    }
}
