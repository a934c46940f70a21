package fi.onr;

import fi.onr.ffi.CandidateValue;
import fi.onr.ffi.DuplicateSearch;
import fi.onr.ffi.PairSink;
import fi.onr.ffi.PairValue;
import fi.onr.ffi.PersonRecordValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * DUPLICATES (ONR's duplicate-candidate search over many person records).
 *
 * <p>ONR lists person {@code y} as a duplicate candidate for a query when {@code y} is neither
 * passivated nor marked duplicate, {@code y}'s stored search string
 * ({@link Names#storedSearchString}) is not NULL, and pg_trgm's
 * {@code similarity(y.duplicate_search_str, query) >= threshold} (ONR: 0.5); candidates come
 * most similar first (distance {@code 1 - similarity} ascending), ties in the order of the
 * records. {@link #pairs} is the self-join {@code a.s % b.s} over all records, with exactly
 * PostgreSQL's pair set.
 *
 * <pre>{@code
 * LocalDate d = LocalDate.of(1911, 11, 11);
 * try (DuplicateIndex index = DuplicateIndex.build(List.of(
 *         DuplicateIndex.Record.of("1", "Eino Ilmari", "Eino", "Testiäinen", d),
 *         DuplicateIndex.Record.of("2", "Eino", "Eino", "Testiäinen", d)), 0.5)) {
 *     index.find("Eino", "Eino", "Testiainen", d);   // [Candidate(2, 1.0), Candidate(1, ...)]
 *     index.pairs();                                 // [Pair(1, 2, ...)]
 * }
 * }</pre>
 *
 * <p>{@link #fromTexts} indexes arbitrary texts instead of persons (a {@code null} text is SQL
 * NULL), {@link #findSet} queries with a precomputed {@link TrigramSet}, and
 * {@link #forEachPair} streams the self-join with progress reports:
 *
 * <pre>{@code
 * try (DuplicateIndex index = DuplicateIndex.fromTextsOnr(ids, names, 0.5)) {
 *     index.findText("Anna Virtanen");                  // = findSet(TrigramSet.onr("Anna Virtanen"))
 *     index.forEachPair(pair -> write(pair),
 *             (done, total) -> log.info(done + "/" + total));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; building runs on several threads. {@link #close()} frees the
 * native index (the garbage collector does too, later).
 */
public final class DuplicateIndex implements AutoCloseable {
    /**
     * ONR's threshold, {@code pg_trgm.similarity_threshold}'s default: 0.5 (onr-core's
     * {@code trigram::DEFAULT_THRESHOLD}, read from the native library).
     */
    public static final double ONR_THRESHOLD = NativeConstants.VALUES.getTrigramDefaultThreshold();

    private final DuplicateSearch inner;

    private DuplicateIndex(DuplicateSearch inner) {
        this.inner = inner;
    }

    /**
     * Builds the index over the records, for queries at {@code threshold}.
     *
     * @throws OnrException {@code similarity.threshold} when the threshold is NaN or outside 0..1
     */
    public static DuplicateIndex build(List<Record> records, double threshold) {
        List<PersonRecordValue> values = new ArrayList<>(records.size());
        for (Record r : records) {
            values.add(r.ffi());
        }
        return new DuplicateIndex(Ffi.call(() -> new DuplicateSearch(values, threshold)));
    }

    /** {@link #build(List, double)} at ONR's threshold 0.5. */
    public static DuplicateIndex build(List<Record> records) {
        return build(records, ONR_THRESHOLD);
    }

    /**
     * Builds the index over arbitrary texts, each taken as given (like a column of stored
     * {@code duplicate_search_str} values, which are already in ONR's form): record {@code i}
     * has the id {@code ids.get(i)} and the text {@code texts.get(i)}; a {@code null} text is
     * SQL NULL and never matches. {@link #find} and {@link #findText} put the query into ONR's
     * form as usual; {@link #findSet} compares the set given.
     *
     * @throws OnrException {@code similarity.length_mismatch} when the lists differ in length;
     *     {@code similarity.threshold} when the threshold is NaN or outside 0..1;
     *     {@code similarity.too_many_trigrams} when the texts hold 2^32 - 1 trigrams or more
     */
    public static DuplicateIndex fromTexts(List<String> ids, List<String> texts, double threshold) {
        return fromTexts(ids, texts, threshold, TrigramForm.RAW);
    }

    /**
     * {@link #fromTexts}, each text first put into ONR's comparison form
     * {@code lower(unaccent(text))} (as {@link Similarity#trigramOnr} and {@link TrigramSet#onr} do).
     *
     * @throws OnrException as {@link #fromTexts}
     */
    public static DuplicateIndex fromTextsOnr(List<String> ids, List<String> texts, double threshold) {
        return fromTexts(ids, texts, threshold, TrigramForm.ONR);
    }

    /**
     * {@link #fromTexts(List, List, double)} with each text taken in {@code form}
     * ({@link TrigramForm#RAW}: as given; {@link TrigramForm#ONR}: as {@link #fromTextsOnr}).
     * Query with {@link #findText} (ONR's form) or {@link #findSet} with a set of the same form.
     *
     * @throws OnrException as {@link #fromTexts(List, List, double)}
     * @throws NullPointerException if {@code form} is {@code null}
     */
    public static DuplicateIndex fromTexts(List<String> ids, List<String> texts, double threshold, TrigramForm form) {
        String code = Args.notNull(form, "form").code();
        List<String> idValues = new ArrayList<>(ids.size());
        for (String id : ids) {
            idValues.add(Text.wellFormed(id));
        }
        List<String> textValues = new ArrayList<>(texts.size());
        for (String t : texts) {
            textValues.add(Names.nullable(t));
        }
        return new DuplicateIndex(Ffi.call(() -> DuplicateSearch.Companion.fromTexts(idValues, textValues, code, threshold)));
    }

    /** The threshold. */
    public double threshold() {
        return Ffi.call(inner::threshold);
    }

    /** The number of records (those that can never be candidates included). */
    public int size() {
        return Ffi.call(inner::size);
    }

    /**
     * ONR's duplicate query for search criteria ({@code null}: not given), in ONR's order: the
     * query string is {@link Names#querySearchString}. To find the duplicates of a person, pass
     * its names and birth date (and drop the person itself from the answer, as ONR does).
     */
    public List<Candidate> find(String etunimet, String kutsumanimi, String sukunimi, LocalDate syntymaaika) {
        return Candidate.of(Ffi.call(() -> inner.find(Names.nullable(etunimet), Names.nullable(kutsumanimi),
                Names.nullable(sukunimi), syntymaaika)));
    }

    /** The duplicates of a record's person: {@link #find} with its names and birth date. */
    public List<Candidate> find(Record person) {
        return find(person.etunimet, person.kutsumanimi, person.sukunimi, person.syntymaaika);
    }

    /** ONR's {@code findDuplikaatit} for a query text: {@code lower(unaccent(text))} is compared. */
    public List<Candidate> findText(String text) {
        return Candidate.of(Ffi.call(() -> inner.findText(Text.wellFormed(text))));
    }

    /**
     * The candidates for a query trigram set, in ONR's order: the records whose set reaches
     * the threshold with {@code query}. {@code findText(t)} is {@code findSet(TrigramSet.onr(t))}.
     */
    public List<Candidate> findSet(TrigramSet query) {
        return Candidate.of(Ffi.call(() -> inner.findSet(query.ffi())));
    }

    /** Every pair of records at the threshold, sorted by positions {@code (a, b)}, {@code a < b}. */
    public List<Pair> pairs() {
        List<PairValue> values = Ffi.call(inner::pairs);
        List<Pair> out = new ArrayList<>(values.size());
        for (PairValue p : values) {
            out.add(Pair.of(p));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@link #pairs()}, reporting progress to {@code listener} while the search runs.
     *
     * @throws RuntimeException whatever the listener threw (see {@link #forEachPair})
     */
    public List<Pair> pairs(ProgressListener listener) {
        List<Pair> out = new ArrayList<>();
        forEachPair(out::add, listener);
        out.sort(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b));
        return Collections.unmodifiableList(out);
    }

    /**
     * The self-join, pair by pair, as it runs: reports progress to {@code listener}
     * ({@code null}: none) and gives {@code action} every pair of {@link #pairs()} once, in no
     * particular order, while the search runs on several threads. Both are called on the
     * calling thread. Memory stays bounded by the index and a few blocks of pairs, whatever
     * the number of pairs: a slow action slows the search down.
     *
     * <p>If the listener or the action throws, nothing more is delivered: the call returns
     * once the search under way has finished (the native search can't be interrupted midway)
     * and rethrows that exception, unchanged.
     */
    public void forEachPair(Consumer<? super Pair> action, ProgressListener listener) {
        Sink sink = new Sink(action, listener);
        Ffi.call(() -> {
            inner.forEachPair(sink);
            return null;
        });
        sink.rethrow();
    }

    /** {@link #forEachPair(Consumer, ProgressListener)} without progress reports. */
    public void forEachPair(Consumer<? super Pair> action) {
        forEachPair(action, null);
    }

    /**
     * The R-S join: every pair of a record of this index (the reference, {@link Pair#a()},
     * {@link Pair#aId()}) and a record of {@code other} (a batch, {@link Pair#b()},
     * {@link Pair#bId()}) at this index's threshold, sorted by positions. The pairs and
     * similarities are exactly those of the self-join over both sets of records together that
     * join one record of each; {@code other}'s threshold plays no part.
     *
     * <pre>{@code
     * try (DuplicateIndex registry = DuplicateIndex.build(registryRecords);
     *      DuplicateIndex batch = DuplicateIndex.build(batchRecords)) {
     *     registry.pairsWith(batch);   // [Pair(registry position, batch position, ...)]
     * }
     * }</pre>
     */
    public List<Pair> pairsWith(DuplicateIndex other) {
        List<PairValue> values = Ffi.call(() -> inner.pairsWith(other.inner));
        List<Pair> out = new ArrayList<>(values.size());
        for (PairValue p : values) {
            out.add(Pair.of(p));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@link #pairsWith} pair by pair as it runs, as {@link #forEachPair(Consumer,
     * ProgressListener)} streams the self-join (same threads, memory bound and exceptions);
     * the listener counts {@code other}'s records.
     */
    public void forEachPairWith(DuplicateIndex other, Consumer<? super Pair> action, ProgressListener listener) {
        Sink sink = new Sink(action, listener);
        Ffi.call(() -> {
            inner.forEachPairWith(other.inner, sink);
            return null;
        });
        sink.rethrow();
    }

    /** {@link #forEachPairWith(DuplicateIndex, Consumer, ProgressListener)} without progress reports. */
    public void forEachPairWith(DuplicateIndex other, Consumer<? super Pair> action) {
        forEachPairWith(other, action, null);
    }

    /** Progress of the self-join: called with nondecreasing counts, the last being the total. */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code done} of the {@code total} records searched so far. */
        void progress(int done, int total);
    }

    /**
     * The native callback: calls the user's code and keeps the first exception (the native
     * side is then told to stop), so that nothing thrown in Java ever crosses into Rust.
     */
    private static final class Sink implements PairSink {
        private final Consumer<? super Pair> action;
        private final ProgressListener listener;
        private Throwable failure;

        Sink(Consumer<? super Pair> action, ProgressListener listener) {
            this.action = action;
            this.listener = listener;
        }

        @Override
        public boolean progress(int done, int total) {
            if (failure != null) {
                return false;
            }
            try {
                if (listener != null) {
                    listener.progress(done, total);
                }
                return true;
            } catch (Throwable t) {
                failure = t;
                return false;
            }
        }

        @Override
        public boolean pairs(List<PairValue> block) {
            if (failure != null) {
                return false;
            }
            try {
                for (PairValue p : block) {
                    action.accept(Pair.of(p));
                }
                return true;
            } catch (Throwable t) {
                failure = t;
                return false;
            }
        }

        void rethrow() {
            if (failure != null) {
                Sink.<RuntimeException>sneaky(failure);
            }
        }

        /** Rethrows as is: the listener and the action declare no checked exceptions. */
        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }

    @Override
    public void close() {
        inner.close();
    }

    /** A person as ONR's duplicate search sees it; immutable. */
    public static final class Record {
        private final String id;
        private final String etunimet;
        private final String kutsumanimi;
        private final String sukunimi;
        private final LocalDate syntymaaika;
        private final boolean passivoitu;
        private final boolean duplicate;

        private Record(String id, String etunimet, String kutsumanimi, String sukunimi, LocalDate syntymaaika,
                boolean passivoitu, boolean duplicate) {
            this.id = id;
            this.etunimet = etunimet;
            this.kutsumanimi = kutsumanimi;
            this.sukunimi = sukunimi;
            this.syntymaaika = syntymaaika;
            this.passivoitu = passivoitu;
            this.duplicate = duplicate;
        }

        /**
         * An active, non-duplicate person. {@code id} is yours (e.g. the OID) and comes back with
         * each candidate; a {@code null} name is SQL NULL (such a person is never a candidate).
         */
        public static Record of(String id, String etunimet, String kutsumanimi, String sukunimi, LocalDate syntymaaika) {
            return new Record(Text.wellFormed(id), Names.nullable(etunimet), Names.nullable(kutsumanimi),
                    Names.nullable(sukunimi), syntymaaika, false, false);
        }

        /** This record with the {@code passivoitu} and {@code duplicate} flags (either: never a candidate). */
        public Record withFlags(boolean passivoitu, boolean duplicate) {
            return new Record(id, etunimet, kutsumanimi, sukunimi, syntymaaika, passivoitu, duplicate);
        }

        /** The id. */
        public String id() {
            return id;
        }

        PersonRecordValue ffi() {
            return new PersonRecordValue(id, etunimet, kutsumanimi, sukunimi, syntymaaika, passivoitu, duplicate);
        }

        /** The id only (the rest is personal data). */
        @Override
        public String toString() {
            return "Record(" + id + ")";
        }
    }

    /**
     * A duplicate candidate: the record's position and id, and how similar it is.
     *
     * @param index the record's position in the list the index was built from
     * @param id the record's id
     * @param similarity pg_trgm's similarity with the query
     * @param distance pg_trgm's distance {@code 1 - similarity} (single precision), which ONR orders by
     */
    public record Candidate(int index, String id, float similarity, float distance) {
        /** @throws NullPointerException if {@code id} is {@code null} */
        public Candidate {
            Args.notNull(id, "id");
        }

        static List<Candidate> of(List<CandidateValue> values) {
            List<Candidate> out = new ArrayList<>(values.size());
            for (CandidateValue c : values) {
                out.add(new Candidate(c.getIndex(), c.getId(), c.getSimilarity(), c.getDistance()));
            }
            return Collections.unmodifiableList(out);
        }
    }

    /**
     * A pair of records of the self-join: positions {@code a < b}, their ids, the similarity
     * (for {@link #pairsWith}, {@code a} in this index and {@code b} in the other).
     *
     * @param a the first record's position
     * @param b the second record's position
     * @param aId the first record's id
     * @param bId the second record's id
     * @param similarity pg_trgm's similarity of the two stored search strings
     */
    public record Pair(int a, int b, String aId, String bId, float similarity) {
        /** @throws NullPointerException if an id is {@code null} */
        public Pair {
            Args.notNull(aId, "aId");
            Args.notNull(bId, "bId");
        }

        static Pair of(PairValue p) {
            return new Pair(p.getA(), p.getB(), p.getAId(), p.getBId(), p.getSimilarity());
        }
    }
}
