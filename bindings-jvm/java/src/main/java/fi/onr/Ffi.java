package fi.onr;

import fi.onr.ffi.NativeException;

/**
 * The one place where the facade calls the generated bindings. Every native error (one shape,
 * {@code NativeException.Failed} with its {@code Problem}) becomes the {@link OnrException}
 * subclass of its module. A native panic never reaches UniFFI: every export runs its body in
 * the crate's {@code shielded}, which turns a panic into the native error
 * {@code internal.panic} with onr-core's fixed text (an {@link InternalException} here), the
 * panic's message dropped in Rust.
 *
 * <p>The last guard stays: were a panic ever to escape the shield, UniFFI would throw its own
 * {@code fi.onr.ffi.InternalException} (a checked exception that Kotlin throws undeclared,
 * whose message is the panic's), and it too becomes {@code internal.panic} with fixed text,
 * without that exception as the cause.
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
