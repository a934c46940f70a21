package fi.onr;

import java.io.File;
import java.io.IOException;

/**
 * Loads the native library ({@code libonr_jvm.so}, {@code libonr_jvm.dylib} or
 * {@code onr_jvm.dll}) once, for both ways into it: UniFFI's bindings (through JNA) and the two
 * direct JNI natives of {@link FastPath}.
 *
 * <p>JNA finds the library inside this jar under its folder for this platform
 * ({@code linux-x86-64/}, {@code darwin-aarch64/}, ...) and, if it is in a jar,
 * extracts it to a temporary file. The same file is then loaded for JNI, and UniFFI is told to
 * use it too (its {@code uniffi.component.onr_jvm.libraryOverride} property), so the process
 * holds one copy. Setting that property beforehand points both at another build of the library.
 */
final class NativeLibrary {
    static final String OVERRIDE_PROPERTY = "uniffi.component.onr_jvm.libraryOverride";

    private NativeLibrary() {}

    static {
        String path = System.getProperty(OVERRIDE_PROPERTY);
        if (path == null) {
            try {
                File file = com.sun.jna.Native.extractFromResourcePath("onr_jvm", NativeLibrary.class.getClassLoader());
                path = file.getAbsolutePath();
            } catch (IOException e) {
                throw new UnsatisfiedLinkError("onr-core: cannot find its native library ("
                        + com.sun.jna.Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName("onr_jvm")
                        + ") in the jar; this jar carries only the platforms it was built with: " + e);
            }
            System.setProperty(OVERRIDE_PROPERTY, path);
        }
        System.load(path);
    }

    /** Runs the static initializer, once. */
    static void ensureLoaded() {
        // Nothing else to do: loading happens in the static initializer.
    }
}
