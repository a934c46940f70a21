package fi.onr;

import java.util.List;

/** The result of {@link Hetu#normalize}: the cleaned text (not validated) and what changed. */
public final class Normalized {
    private final String value;
    private final List<String> changes;

    Normalized(fi.onr.ffi.NormalizedValue v) {
        this.value = v.getValue();
        this.changes = List.copyOf(v.getChanges());
    }

    /** The cleaned text. Not validated. */
    public String value() {
        return value;
    }

    /**
     * What changed, each at most once, in this order: {@code trimmed}, {@code dash_replaced},
     * {@code ascii_folded}, {@code uppercased}.
     */
    public List<String> changes() {
        return changes;
    }

    /** Whether nothing changed. */
    public boolean isUnchanged() {
        return changes.isEmpty();
    }

    /** The number of characters and the changes; never the text itself (it may be a hetu). */
    @Override
    public String toString() {
        return "Normalized(<" + value.codePointCount(0, value.length()) + " chars>, " + changes + ")";
    }
}
