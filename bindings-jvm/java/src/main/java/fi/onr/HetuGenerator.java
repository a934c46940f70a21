package fi.onr;

import java.time.LocalDate;

/**
 * A deterministic generator of valid hetus for test data: the same seed gives the same codes
 * on every platform. Thread-safe; {@link #close()} frees the native state at once (otherwise
 * a cleaner does it when the generator is unreachable).
 *
 * <pre>{@code
 * try (HetuGenerator g = new HetuGenerator(42)) {
 *     Hetu h = g.temporary(LocalDate.of(2024, 2, 29));   // 900-999: never a real person
 * }
 * }</pre>
 */
public final class HetuGenerator implements AutoCloseable {
    private final fi.onr.ffi.HetuGenerator inner;

    /** A generator seeded with {@code seed}. */
    public HetuGenerator(long seed) {
        this.inner = Ffi.call(() -> new fi.onr.ffi.HetuGenerator(seed));
    }

    /**
     * A temporary code (individual number 900-999) for the birth date, as ONR's own test-data
     * generator makes them.
     *
     * @throws HetuException {@code hetu.generate.date_out_of_range} outside 1800-01-01..2099-12-31
     */
    public Hetu temporary(LocalDate birthDate) {
        return Hetu.of(Ffi.call(() -> inner.temporary(birthDate)), Environment.TEST, true);
    }

    /**
     * An ordinary code (individual number 002-899), which may belong to a real person: prefer
     * {@link #temporary} for test data.
     *
     * @throws HetuException {@code hetu.generate.date_out_of_range} outside 1800-01-01..2099-12-31
     */
    public Hetu ordinary(LocalDate birthDate) {
        return Hetu.of(Ffi.call(() -> inner.ordinary(birthDate)), Environment.TEST, true);
    }

    @Override
    public void close() {
        inner.close();
    }
}
