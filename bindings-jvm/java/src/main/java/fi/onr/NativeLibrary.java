package fi.onr;

import java.io.File;
import java.io.IOException;

/**
 * Loads {@code libonr_jvm.so} once, for both ways into it: UniFFI's bindings (through JNA) and
 * the two direct JNI natives of {@link FastPath}.
 *
 * <p>JNA finds the library inside this jar under {@code linux-x86-64/} and, if it is in a jar,
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
                throw new UnsatisfiedLinkError("onr-core: cannot find its native library (linux-x86-64/libonr_jvm.so) in the jar: " + e);
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
