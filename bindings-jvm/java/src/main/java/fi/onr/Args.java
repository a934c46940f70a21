package fi.onr;

/**
 * The one answer to a {@code null} argument that is not an input text (see the package
 * documentation): a {@link NullPointerException} naming the argument, thrown on entry, before
 * anything runs.
 */
final class Args {
    private Args() {}

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }
}
