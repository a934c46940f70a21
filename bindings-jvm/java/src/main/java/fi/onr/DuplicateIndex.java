package fi.onr;

import fi.onr.ffi.CandidateValue;
import fi.onr.ffi.DuplicateSearch;
import fi.onr.ffi.PairValue;
import fi.onr.ffi.PersonRecordValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * <p>Immutable and thread-safe; building runs on several threads. {@link #close()} frees the
 * native index (the garbage collector does too, later).
 */
public final class DuplicateIndex implements AutoCloseable {
    /** ONR's threshold, {@code pg_trgm.similarity_threshold}'s default. */
    public static final double ONR_THRESHOLD = 0.5;

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

    /** Every pair of records at the threshold, sorted by positions {@code (a, b)}, {@code a < b}. */
    public List<Pair> pairs() {
        List<PairValue> values = Ffi.call(inner::pairs);
        List<Pair> out = new ArrayList<>(values.size());
        for (PairValue p : values) {
            out.add(new Pair(p.getA(), p.getB(), p.getAId(), p.getBId(), p.getSimilarity()));
        }
        return Collections.unmodifiableList(out);
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

    /** A duplicate candidate: the record's position and id, and how similar it is. */
    public static final class Candidate {
        private final int index;
        private final String id;
        private final float similarity;
        private final float distance;

        private Candidate(int index, String id, float similarity, float distance) {
            this.index = index;
            this.id = id;
            this.similarity = similarity;
            this.distance = distance;
        }

        static List<Candidate> of(List<CandidateValue> values) {
            List<Candidate> out = new ArrayList<>(values.size());
            for (CandidateValue c : values) {
                out.add(new Candidate(c.getIndex(), c.getId(), c.getSimilarity(), c.getDistance()));
            }
            return Collections.unmodifiableList(out);
        }

        /** The record's position in the list the index was built from. */
        public int index() {
            return index;
        }

        /** The record's id. */
        public String id() {
            return id;
        }

        /** pg_trgm's similarity with the query. */
        public float similarity() {
            return similarity;
        }

        /** pg_trgm's distance {@code 1 - similarity} (single precision), which ONR orders by. */
        public float distance() {
            return distance;
        }

        @Override
        public String toString() {
            return "Candidate(" + id + ", " + similarity + ")";
        }
    }

    /** A pair of records of the self-join: positions {@code a < b}, their ids, the similarity. */
    public static final class Pair {
        private final int a;
        private final int b;
        private final String aId;
        private final String bId;
        private final float similarity;

        Pair(int a, int b, String aId, String bId, float similarity) {
            this.a = a;
            this.b = b;
            this.aId = aId;
            this.bId = bId;
            this.similarity = similarity;
        }

        /** The first record's position. */
        public int a() {
            return a;
        }

        /** The second record's position. */
        public int b() {
            return b;
        }

        /** The first record's id. */
        public String aId() {
            return aId;
        }

        /** The second record's id. */
        public String bId() {
            return bId;
        }

        /** pg_trgm's similarity of the two stored search strings. */
        public float similarity() {
            return similarity;
        }

        @Override
        public String toString() {
            return "Pair(" + aId + ", " + bId + ", " + similarity + ")";
        }
    }
}
