package fi.onr;

/**
 * The ONR environment a verdict is computed for.
 *
 * <p>Production rejects the temporary hetus 900-999 and uses OID node 24 for persons; the test
 * environments (QA, dev, hahtuva) accept those hetus and use the nodes 98, 198 and 298.
 * onr-core never guesses: the methods without an {@code Environment} argument mean
 * {@link #PRODUCTION}, onr-core's default.
 */
public enum Environment {
    /** ONR's production environment: temporary (9xx) hetus are rejected. */
    PRODUCTION(fi.onr.ffi.Environment.PRODUCTION),
    /** Any of ONR's test environments: temporary hetus are accepted. */
    TEST(fi.onr.ffi.Environment.TEST);

    private final fi.onr.ffi.Environment ffi;

    Environment(fi.onr.ffi.Environment ffi) {
        this.ffi = ffi;
    }

    fi.onr.ffi.Environment ffi() {
        return ffi;
    }
}
