package fi.onr;

/**
 * The coarse class of an error or warning, as in python-stdnum's exception taxonomy: onr-core's
 * categories ({@code onr_core::Category::NAMES}, in order).
 */
public enum Category {
    /** The input has the wrong length. */
    LENGTH,
    /** The input has the wrong shape or characters. */
    FORMAT,
    /** A component (date, century sign, individual number, node...) is out of range. */
    COMPONENT,
    /** The check character or digit does not match. */
    CHECKSUM,
    /** Well-formed but not allowed by the policy (e.g. a temporary hetu in production). */
    POLICY,
    /** A rule about several values or records together (links, duplicates, batches). */
    CONSISTENCY,
    /** A bug in onr caught at the boundary ({@link InternalException}, codes {@code internal.*}). */
    INTERNAL,
    /** A call to ONR failed, or the client was set up wrong ({@link OnrClient}, codes {@code client.*}). */
    NETWORK;

    /** The category of onr-core's stable lowercase name, e.g. {@code "checksum"}. */
    static Category of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
