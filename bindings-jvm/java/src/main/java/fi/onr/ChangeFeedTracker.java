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
            values.add(new LinkValue(e.master, e.oid));
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

    /** One entry of a feed page: a changed OID and its master. */
    public static final class Entry {
        private final String oid;
        private final String master;

        /** The entry {@code (oid, master)}. */
        public Entry(String oid, String master) {
            this.oid = Text.wellFormed(oid);
            this.master = Text.wellFormed(master);
        }

        /** The changed OID. */
        public String oid() {
            return oid;
        }

        /** Its master. */
        public String master() {
            return master;
        }
    }

    /** A local record whose master changed. */
    public static final class Repointed {
        private final String oid;
        private final String from;
        private final String to;

        Repointed(String oid, String from, String to) {
            this.oid = oid;
            this.from = from;
            this.to = to;
        }

        /** The local record's OID. */
        public String oid() {
            return oid;
        }

        /** The master it pointed to before. */
        public String from() {
            return from;
        }

        /** The master it points to now. */
        public String to() {
            return to;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Repointed && ((Repointed) o).oid.equals(oid) && ((Repointed) o).from.equals(from)
                    && ((Repointed) o).to.equals(to);
        }

        @Override
        public int hashCode() {
            return (oid.hashCode() * 31 + from.hashCode()) * 31 + to.hashCode();
        }

        @Override
        public String toString() {
            return "Repointed(" + oid + ", " + from + " -> " + to + ")";
        }
    }
}
