package fi.onr;

import fi.onr.ffi.Onr_jvmKt;

/**
 * onr-core's constants, read once from the native library: the facade's {@code static final}
 * fields ({@link DuplicateIndex#ONR_THRESHOLD}, {@link Oid#ROOT}, ...) are initialised from
 * here, so that each value is written once, in onr-core.
 */
final class NativeConstants {
    private NativeConstants() {}

    static final fi.onr.ffi.Constants VALUES = Ffi.call(Onr_jvmKt::constants);
}
