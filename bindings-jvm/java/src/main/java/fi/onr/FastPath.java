package fi.onr;

/**
 * The direct JNI entry points of the native library (bindings-jvm/src/jni.rs) for the two
 * hottest calls; everything else goes through UniFFI's bindings. Both return -1 if onr-core
 * panicked, and the caller then repeats the call through UniFFI, which raises it as an
 * exception.
 */
final class FastPath {
    private FastPath() {}

    /**
     * Strings of up to this many UTF-16 units cross as primitives. Longer ones (never a hetu)
     * are decided natively from their length alone where onr-core's verdict depends on nothing
     * else, without reading or copying their characters.
     */
    static final int SHORT_UNITS = 12;

    static {
        NativeLibrary.ensureLoaded();
    }

    /**
     * 1 if ONR accepts {@code input} (non-null, {@code length == input.length()}) in the
     * environment, 0 if not, -1 after a panic.
     */
    static native int hetuIsValid(String input, int length, boolean test);

    /**
     * {@link #hetuIsValid} of a string of at most 12 UTF-16 units passed as primitives: unit
     * {@code i} in bits {@code 16 * (i % 4)} of word {@code i / 4}. No call back into the JVM.
     */
    static native int hetuIsValidShort(long units0to3, long units4to7, long units8to11, int length, boolean test);

    /** {@link #hetuIsValid}, strings of up to 12 units as primitives. */
    static int isValid(String s, boolean test) {
        int n = s.length();
        if (n > SHORT_UNITS) {
            return hetuIsValid(s, n, test);
        }
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        for (int i = 0; i < n; i++) {
            long unit = (long) s.charAt(i) << (16 * (i & 3));
            if (i < 4) {
                w0 |= unit;
            } else if (i < 8) {
                w1 |= unit;
            } else {
                w2 |= unit;
            }
        }
        return hetuIsValidShort(w0, w1, w2, n, test);
    }

    /**
     * ONR's (or the strict) verdict on each input {@code chars[ends[i-1]..ends[i]]}, packed into
     * {@code out[offset + i]} as {@code hetu_validate_packed} packs it. Where
     * {@code leftOut[i] > 0}, input {@code i} is a string of that many units whose characters
     * were left out of {@code chars} (its verdict comes from its length). Returns 0, or -1
     * after a panic or if a left-out input's length does not decide its verdict. Threads may
     * call it at once for disjoint regions of {@code out}.
     */
    static native int hetuValidatePacked(char[] chars, int[] ends, int[] leftOut, boolean test, boolean strict, int[] out,
            int offset);
}
