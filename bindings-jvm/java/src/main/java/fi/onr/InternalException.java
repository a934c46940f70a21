package fi.onr;

/**
 * A bug in onr caught at the boundary: {@code internal.panic} (Rust code panicked) or
 * {@code internal.callback}; category {@link Category#INTERNAL}. The text is fixed (onr-core's,
 * in three languages) and there is no cause: the panic's own message, which could quote the
 * input, is never passed on. The library carries on working after it. Please report it.
 */
public class InternalException extends OnrException {
    private static final long serialVersionUID = 1L;

    InternalException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
