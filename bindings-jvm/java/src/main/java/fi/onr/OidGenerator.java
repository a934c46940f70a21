package fi.onr;

/**
 * A deterministic generator of OIDs as ONR makes them, for test data. Thread-safe;
 * {@link #close()} frees the native state at once.
 */
public final class OidGenerator implements AutoCloseable {
    private final fi.onr.ffi.OidGenerator inner;

    /** A generator seeded with {@code seed}. */
    public OidGenerator(long seed) {
        this.inner = Ffi.call(() -> new fi.onr.ffi.OidGenerator(seed));
    }

    /** A random OID under the node (an invalid node means 24), with the node's check digit. */
    public Oid generate(long node) {
        return Oid.of(Ffi.call(() -> inner.generate(node)));
    }

    @Override
    public void close() {
        inner.close();
    }
}
