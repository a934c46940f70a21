package fi.onr;

/**
 * The direct JNI entry points of the native library (bindings-jvm/src/jni.rs) for the two
 * hottest calls; everything else goes through UniFFI's bindings. Both return -1 if onr-core
 * panicked, and the caller then repeats the call through UniFFI, which raises it as an
 * exception.
 */
final class FastPath {
    private FastPath() {}

    static {
        NativeLibrary.ensureLoaded();
    }

    /**
     * 1 if ONR accepts {@code input} (non-null, {@code length == input.length()}) in the
     * environment, 0 if not, -1 after a panic.
     */
    static native int hetuIsValid(String input, int length, boolean test);

    /**
     * ONR's (or the strict) verdict on each input {@code chars[ends[i-1]..ends[i]]}, packed into
     * {@code out[offset + i]} as {@code hetu_validate_packed} packs it. Returns 0, or -1 after a
     * panic. Threads may call it at once for disjoint regions of {@code out}.
     */
    static native int hetuValidatePacked(char[] chars, int[] ends, boolean test, boolean strict, int[] out, int offset);
}
