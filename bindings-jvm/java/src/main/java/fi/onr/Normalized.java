package fi.onr;

import java.util.List;

/**
 * The result of {@link Hetu#normalize}: the cleaned text (not validated) and what changed.
 *
 * <p>{@link #toString()} shows the number of characters and the changes, never the text (it
 * may be a hetu).
 *
 * @param value the cleaned text, not validated
 * @param changes what changed, each at most once, in this order: {@code trimmed},
 *     {@code dash_replaced}, {@code ascii_folded}, {@code uppercased}
 */
public record Normalized(String value, List<String> changes) {
    /** @throws NullPointerException if {@code value} or {@code changes} is (or holds) {@code null} */
    public Normalized {
        Args.notNull(value, "value");
        changes = List.copyOf(Args.notNull(changes, "changes"));
    }

    Normalized(fi.onr.ffi.NormalizedValue v) {
        this(v.getValue(), v.getChanges());
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
