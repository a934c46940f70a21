package fi.onr;

import fi.onr.ffi.FeedTracker;
import fi.onr.ffi.LinkValue;
import fi.onr.ffi.RepointedValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CHANGE FEED (ONR's {@code GET /oppija/muuttuneet}): a consumer's view of masters, kept up to
 * date page by page. The consumer knows some OIDs, each pointing to a master (itself when it is
 * not a slave); an entry {@code (oid, master)} repoints every local record that pointed to
 * {@code oid} (ONR keeps two levels, so a new slave hands its own slaves to its new master).
 *
 * <pre>{@code
 * try (ChangeFeedTracker t = new ChangeFeedTracker(Map.of("S", "S"))) {
 *     t.apply(List.of(new ChangeFeedTracker.Entry("S", "M")));   // [Repointed(S, S -> M)]
 *     t.masterOf("S");                                           // Optional[M]
 * }
 * }</pre>
 *
 * <p>Thread-safe (pages are applied one at a time).
 */
public final class ChangeFeedTracker implements AutoCloseable {
    private final FeedTracker inner;

    /** A tracker for known OIDs with their current masters (an OID that is no slave: itself). */
    public ChangeFeedTracker(Map<String, String> masters) {
        List<LinkValue> known = new ArrayList<>(masters.size());
        for (Map.Entry<String, String> e : masters.entrySet()) {
            known.add(new LinkValue(Text.wellFormed(e.getValue()), Text.wellFormed(e.getKey())));
        }
        this.inner = Ffi.call(() -> new FeedTracker(known));
    }

    /** The master an OID points to now, if the OID is known. */
    public Optional<String> masterOf(String oid) {
        return Optional.ofNullable(Ffi.call(() -> inner.masterOf(Text.wellFormed(oid))));
    }

    /** Applies one page of the feed, in order; says which local records changed master. */
    public List<Repointed> apply(List<Entry> page) {
        List<LinkValue> values = new ArrayList<>(page.size());
        for (Entry e : page) {
            values.add(new LinkValue(e.master(), e.oid()));
        }
        List<RepointedValue> out = Ffi.call(() -> inner.apply(values));
        List<Repointed> result = new ArrayList<>(out.size());
        for (RepointedValue r : out) {
            result.add(new Repointed(r.getOid(), r.getFrom(), r.getTo()));
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public void close() {
        inner.close();
    }

    /**
     * One entry of a feed page: a changed OID and its master ({@code null} reads as "", lone
     * surrogates as U+FFFD, as every text crossing to onr-core).
     *
     * @param oid the changed OID
     * @param master its master
     */
    public record Entry(String oid, String master) {
        /** The entry {@code (oid, master)}. */
        public Entry {
            oid = Text.wellFormed(oid);
            master = Text.wellFormed(master);
        }
    }

    /**
     * A local record whose master changed.
     *
     * @param oid the local record's OID
     * @param from the master it pointed to before
     * @param to the master it points to now
     */
    public record Repointed(String oid, String from, String to) {
        /** @throws NullPointerException if any OID is {@code null} */
        public Repointed {
            java.util.Objects.requireNonNull(oid, "oid");
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(to, "to");
        }

        /** {@code Repointed(oid, from -> to)} (OIDs only). */
        @Override
        public String toString() {
            return "Repointed(" + oid + ", " + from + " -> " + to + ")";
        }
    }
}
