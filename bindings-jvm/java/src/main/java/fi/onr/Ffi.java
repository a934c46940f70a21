package fi.onr;

import fi.onr.ffi.InternalException;
import fi.onr.ffi.NativeException;

/**
 * The one place where the facade calls the generated bindings. Every native error becomes an
 * {@link OnrException}; a native panic (UniFFI's {@code InternalException}, a checked
 * exception that Kotlin throws undeclared) becomes one with the code {@code internal.panic}.
 */
final class Ffi {
    private Ffi() {}

    static {
        NativeLibrary.ensureLoaded();
    }

    /** A call into the generated bindings. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (NativeException e) {
            throw OnrException.from(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (InternalException e) {
            throw OnrException.internal(e);
        } catch (Exception e) {
            // Nothing else is thrown by the bindings; a checked exception here is a bug too.
            throw OnrException.internal(e);
        }
    }
}
