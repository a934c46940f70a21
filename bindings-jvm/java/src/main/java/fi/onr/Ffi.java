package fi.onr;

import fi.onr.ffi.NativeException;

/**
 * The one place where the facade calls the generated bindings. Every native error (one shape,
 * {@code NativeException.Failed} with its {@code Problem}) becomes the {@link OnrException}
 * subclass of its module; a native panic (UniFFI's {@code fi.onr.ffi.InternalException}, a
 * checked exception that Kotlin throws undeclared, whose message is the panic's) becomes an
 * {@link InternalException} with onr-core's fixed text, the panic's message dropped.
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
        } catch (NativeException.Failed e) {
            throw OnrException.from(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (fi.onr.ffi.InternalException e) {
            throw OnrException.internal(e);
        } catch (Exception e) {
            // Nothing else is thrown by the bindings; a checked exception here is a bug too.
            throw OnrException.internal(e);
        }
    }
}
