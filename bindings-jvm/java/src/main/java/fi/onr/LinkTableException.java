package fi.onr;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A link table with unusable rows, refused by {@link LinkRegistry#checkTable(java.util.List,
 * java.util.List)} as {@code onr links check} refuses it: every unusable row is read, not only
 * the first. The exception itself is the first unusable row's {@link LinkException} (its
 * {@link #code()}, {@link #category()} and messages, e.g. {@code link.table.empty_oid});
 * {@link #row()} says which row that is and {@link #badRows()} lists every unusable row.
 *
 * <pre>{@code
 * try {
 *     LinkRegistry.checkTable(List.of("master_oid", "slave_oid"),
 *             List.of(List.of("M", "S"), List.of("", ""), List.of("M", ""), List.of("M")));
 * } catch (LinkTableException e) {
 *     e.code();                  // "link.table.empty_oid": the first unusable row's
 *     e.row();                   // 2: the blank row (index 1) is skipped, not unusable
 *     e.badRows().keySet();      // [2, 3]
 * }
 * }</pre>
 */
public final class LinkTableException extends LinkException {
    private static final long serialVersionUID = 1L;

    private final int row;
    private final TreeMap<Integer, LinkException> badRows;

    /** @param badRows at least one unusable row: its 0-based index among the data rows, and its error */
    LinkTableException(SortedMap<Integer, LinkException> badRows) {
        this(badRows.firstKey(), badRows.get(badRows.firstKey()), badRows);
    }

    private LinkTableException(int row, LinkException first, SortedMap<Integer, LinkException> badRows) {
        super(first.code(), first.category(), first.getMessage(), first.message(Locale.forLanguageTag("fi")),
                first.message(Locale.forLanguageTag("sv")), first.position().orElse(-1));
        this.row = row;
        this.badRows = new TreeMap<>(badRows);
    }

    /** The 0-based index among the data rows of the first unusable row (this exception's). */
    public int row() {
        return row;
    }

    /**
     * Every unusable row: its 0-based index among the data rows given, and its error, in row
     * order (at least one; the first is this exception's). Blank rows are not in it.
     */
    public SortedMap<Integer, LinkException> badRows() {
        return Collections.unmodifiableSortedMap(badRows);
    }
}
