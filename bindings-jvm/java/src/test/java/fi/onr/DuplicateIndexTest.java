package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link DuplicateIndex}: ONR's duplicate search over many records, in ONR's order. */
class DuplicateIndexTest {
    static final LocalDate D = LocalDate.of(1911, 11, 11);

    @Test
    void findsDuplicatesInOnrsOrderAndAllPairs() {
        List<DuplicateIndex.Record> records = List.of(
                DuplicateIndex.Record.of("1", "Eino Ilmari Urho Kaleva", "Eino", "Testiäinen", D),
                DuplicateIndex.Record.of("2", "Eino", "Eino", "Testiäinen", D),
                DuplicateIndex.Record.of("3", "Anna", "Anna", "Virtanen", D));
        try (DuplicateIndex index = DuplicateIndex.build(records)) {
            assertEquals(0.5, index.threshold());
            assertEquals(3, index.size());
            List<DuplicateIndex.Candidate> found = index.find("Eino", "Eino", "Testiainen", D);
            assertEquals(List.of("2", "1"), ids(found));
            assertEquals(1, found.get(0).index());
            assertEquals(1.0f, found.get(0).similarity());
            assertEquals(0.0f, found.get(0).distance());
            assertEquals(ids(found), ids(index.find(records.get(1))));
            assertEquals(List.of("3"), ids(index.findText("Anna Anna Virtanen 1911-11-11")));
            List<DuplicateIndex.Pair> pairs = index.pairs();
            assertEquals(1, pairs.size());
            DuplicateIndex.Pair p = pairs.get(0);
            assertEquals(0, p.a());
            assertEquals(1, p.b());
            assertEquals("1", p.aId());
            assertEquals("2", p.bId());
            assertEquals(22.0f / 41.0f, p.similarity());
            // The same similarity as pg_trgm's on the stored search strings.
            assertEquals(Similarity.trigram(Names.storedSearchString("Eino Ilmari Urho Kaleva", "Eino", "Testiäinen", D).get(),
                    Names.storedSearchString("Eino", "Eino", "Testiäinen", D).get()), p.similarity());
        }
    }

    @Test
    void passiveDuplicateAndNullNamedRecordsAreNeverCandidates() {
        List<DuplicateIndex.Record> records = List.of(
                DuplicateIndex.Record.of("a", "Anna", "Anna", "Virtanen", null),
                DuplicateIndex.Record.of("b", "Anna", "Anna", "Virtanen", null).withFlags(true, false),
                DuplicateIndex.Record.of("c", "Anna", "Anna", "Virtanen", null).withFlags(false, true),
                DuplicateIndex.Record.of("d", "Anna", null, "Virtanen", null));
        try (DuplicateIndex index = DuplicateIndex.build(records, 0.3)) {
            assertEquals(List.of("a"), ids(index.find("Anna", "Anna", "Virtanen", null)));
            assertTrue(index.pairs().isEmpty());
        }
    }

    @Test
    void badThresholdsAreRejectedWithACode() {
        for (double t : new double[] {-0.1, 1.5, Double.NaN}) {
            OnrException e = assertThrows(OnrException.class, () -> DuplicateIndex.build(List.of(), t));
            assertEquals("similarity.threshold", e.code());
            assertEquals(Category.COMPONENT, e.category());
        }
    }

    @Test
    void largeIndexesFindEachRecordsDuplicates() {
        List<DuplicateIndex.Record> records = new ArrayList<>();
        String[] first = {"Matti", "Maija", "Liisa", "Pekka", "Anna", "Juha"};
        String[] last = {"Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Mäkelä"};
        for (int i = 0; i < 3000; i++) {
            String f = first[i % first.length];
            records.add(DuplicateIndex.Record.of("p" + i, f + (i % 7 == 0 ? " Johanna" : ""), f, last[i / 7 % last.length],
                    LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28)));
        }
        try (DuplicateIndex index = DuplicateIndex.build(records)) {
            List<DuplicateIndex.Pair> pairs = index.pairs();
            assertTrue(pairs.size() > 0);
            for (int k = 0; k < pairs.size(); k += Math.max(1, pairs.size() / 50)) {
                DuplicateIndex.Pair p = pairs.get(k);
                assertTrue(p.a() < p.b());
                List<String> found = ids(index.find(records.get(p.a())));
                assertTrue(found.contains(p.bId()), p.toString());
            }
        }
    }

    static List<String> ids(List<DuplicateIndex.Candidate> cs) {
        List<String> out = new ArrayList<>();
        for (DuplicateIndex.Candidate c : cs) {
            out.add(c.id());
        }
        return out;
    }

    /** A few hundred name-like texts, some NULL, some without trigrams, some repeated. */
    static List<String> texts(long seed, int n) {
        String[] first = {"Anna", "Hanna", "Matti", "Mattti", "Liisa", "Äijä", "Eino", "Pekka", "Jari", "Maija"};
        String[] last = {"Virtanen", "Virtane", "Korhonen", "Mäkinen", "Mäkelä", "Testiäinen", "Nieminen", "Œdipe"};
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(40);
            if (k == 0) {
                out.add(null);
            } else if (k == 1) {
                out.add(" -- ");
            } else if (k == 2 && i > 0) {
                out.add(out.get(r.nextInt(i)));
            } else {
                StringBuilder b = new StringBuilder(first[r.nextInt(first.length)]);
                if (r.nextBoolean()) {
                    b.append(' ').append(first[r.nextInt(first.length)]);
                }
                b.append(' ').append(last[r.nextInt(last.length)]);
                if (r.nextInt(3) > 0) {
                    b.append(' ').append(1950 + r.nextInt(3)).append("-0").append(1 + r.nextInt(3)).append("-1").append(r.nextInt(3));
                }
                out.add(r.nextBoolean() ? b.toString() : b.toString().toLowerCase());
            }
        }
        return out;
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("id" + i);
        }
        return ids;
    }

    /** "a b bits" for each pair, so that lists compare exactly. */
    /** Keys in the order of {@code pairs()}: by positions {@code (a, b)}. */
    static List<String> sorted(List<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(java.util.Comparator.comparingInt((String k) -> Integer.parseInt(k.split(" ")[0]))
                .thenComparingInt(k -> Integer.parseInt(k.split(" ")[1])));
        return out;
    }

    static List<String> keys(List<DuplicateIndex.Pair> pairs) {
        List<String> out = new ArrayList<>();
        for (DuplicateIndex.Pair p : pairs) {
            out.add(p.a() + " " + p.b() + " " + p.aId() + " " + p.bId() + " " + Float.floatToIntBits(p.similarity()));
        }
        return out;
    }

    static List<String> bruteForce(List<String> texts, double t, boolean fmt) {
        List<TrigramSet> sets = new ArrayList<>();
        for (String x : texts) {
            sets.add(x == null ? null : fmt ? TrigramSet.onr(x) : TrigramSet.of(x));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                if (sets.get(i) == null || sets.get(j) == null) {
                    continue;
                }
                float sim = sets.get(i).similarity(sets.get(j));
                if ((double) sim >= t) {
                    out.add(i + " " + j + " id" + i + " id" + j + " " + Float.floatToIntBits(sim));
                }
            }
        }
        for (TrigramSet s : sets) {
            if (s != null) {
                s.close();
            }
        }
        return out;
    }

    @Test
    void fromTextsPairsEqualABruteForceOverTrigramSets() {
        int n = 300;
        List<String> texts = texts(7, n);
        for (boolean fmt : new boolean[] {false, true}) {
            for (double t : new double[] {0.3, 0.5, 0.7}) {
                List<String> expected = bruteForce(texts, t, fmt);
                try (DuplicateIndex index = fmt ? DuplicateIndex.fromTextsOnr(ids(n), texts, t)
                        : DuplicateIndex.fromTexts(ids(n), texts, t)) {
                    assertEquals(t, index.threshold());
                    assertEquals(n, index.size());
                    assertEquals(expected, keys(index.pairs()), "fmt " + fmt + " at " + t);
                    List<DuplicateIndex.Pair> streamed = new ArrayList<>();
                    index.forEachPair(streamed::add);
                    assertEquals(expected, sorted(keys(streamed)));
                    assertEquals(expected, keys(index.pairs((done, total) -> { })));
                }
                assertTrue(expected.size() > (t == 0.7 ? 50 : 500), expected.size() + " pairs at " + t);
            }
        }
    }

    @Test
    void pairsWithIsTheBruteForceAcrossAReferenceAndABatch() {
        int n = 300;
        int cut = 120;
        List<String> texts = texts(11, n);
        List<String> ids = ids(n);
        for (double t : new double[] {0.3, 0.5, 0.7}) {
            List<String> expected = new ArrayList<>();
            for (String key : bruteForce(texts, t, true)) {
                String[] f = key.split(" ");
                int a = Integer.parseInt(f[0]);
                int b = Integer.parseInt(f[1]);
                if (a < cut && b >= cut) {
                    expected.add(a + " " + (b - cut) + " " + f[2] + " " + f[3] + " " + f[4]);
                }
            }
            try (DuplicateIndex reference = DuplicateIndex.fromTextsOnr(ids.subList(0, cut), texts.subList(0, cut), t);
                 DuplicateIndex batch = DuplicateIndex.fromTextsOnr(ids.subList(cut, n), texts.subList(cut, n), 0.9)) {
                assertEquals(expected, keys(reference.pairsWith(batch)), "at " + t);
                List<DuplicateIndex.Pair> streamed = new ArrayList<>();
                List<Integer> done = new ArrayList<>();
                reference.forEachPairWith(batch, streamed::add, (d, total) -> {
                    assertEquals(n - cut, total);
                    done.add(d);
                });
                assertEquals(expected, sorted(keys(streamed)));
                assertEquals(n - cut, done.get(done.size() - 1));
                List<Integer> ascending = new ArrayList<>(done);
                ascending.sort(null);
                assertEquals(ascending, done);
                RuntimeException boom = new RuntimeException("boom");
                assertSame(boom, assertThrows(RuntimeException.class, () -> reference.forEachPairWith(batch, p -> {
                    throw boom;
                })));
            }
            assertTrue(expected.size() > (t == 0.7 ? 20 : 200), expected.size() + " pairs at " + t);
        }
    }

    @Test
    void findSetEqualsFindText() {
        int n = 300;
        List<String> texts = texts(11, n);
        try (DuplicateIndex index = DuplicateIndex.fromTextsOnr(ids(n), texts, 0.4)) {
            int found = 0;
            for (String q : texts(12, 60)) {
                try (TrigramSet set = TrigramSet.onr(q)) {
                    List<DuplicateIndex.Candidate> a = index.findSet(set);
                    List<DuplicateIndex.Candidate> b = index.findText(q);
                    assertEquals(b.toString(), a.toString(), String.valueOf(q));
                    for (int i = 0; i < a.size(); i++) {
                        assertEquals(b.get(i).index(), a.get(i).index());
                        assertEquals(Float.floatToIntBits(b.get(i).similarity()), Float.floatToIntBits(a.get(i).similarity()));
                        assertEquals(Float.floatToIntBits(set.similarityTo(texts.get(a.get(i).index()), TrigramForm.ONR)),
                                Float.floatToIntBits(a.get(i).similarity()));
                    }
                    found += a.size();
                }
            }
            assertTrue(found > 100, found + " candidates");
        }
    }

    @Test
    void nullTextsNeverMatch() {
        List<String> texts = Arrays.asList("anna virtanen", null, "anna virtanen", null, "");
        try (DuplicateIndex index = DuplicateIndex.fromTexts(List.of("a", "b", "c", "d", "e"), texts, 0.1);
                TrigramSet q = TrigramSet.of("anna virtanen")) {
            assertEquals(5, index.size());
            List<DuplicateIndex.Pair> pairs = index.pairs();
            assertEquals(List.of("0 2 a c " + Float.floatToIntBits(1.0f)), keys(pairs));
            assertEquals(List.of("a", "c"), ids(index.findSet(q)));
            assertEquals(List.of("a", "c"), ids(index.findText("Anna Virtanen")));
            try (TrigramSet empty = TrigramSet.of("")) {
                assertTrue(index.findSet(empty).isEmpty());
            }
        }
    }

    @Test
    void listsOfDifferentLengthsAreRejectedWithACode() {
        OnrException e = assertThrows(OnrException.class,
                () -> DuplicateIndex.fromTexts(List.of("a", "b"), List.of("x"), 0.5));
        assertEquals("similarity.length_mismatch", e.code());
        assertEquals(Category.CONSISTENCY, e.category());
        assertEquals("one text per id expected, found 2 ids and 1 texts", e.getMessage());
        assertFalse(e.message(java.util.Locale.forLanguageTag("fi")).equals(e.getMessage()));
        OnrException t = assertThrows(OnrException.class, () -> DuplicateIndex.fromTextsOnr(List.of("a"), List.of("x"), 2.0));
        assertEquals("similarity.threshold", t.code());
    }

    @Test
    void progressIsNondecreasingAndEndsAtTheTotalBeforeThePairs() {
        int n = 2000;
        List<String> texts = texts(3, n);
        try (DuplicateIndex index = DuplicateIndex.fromTextsOnr(ids(n), texts, 0.5)) {
            List<int[]> reports = new ArrayList<>();
            AtomicInteger pairsBeforeLastReport = new AtomicInteger();
            List<DuplicateIndex.Pair> pairs = new ArrayList<>();
            index.forEachPair(p -> pairs.add(p), (done, total) -> {
                reports.add(new int[] {done, total});
                pairsBeforeLastReport.set(pairs.size());
            });
            assertFalse(reports.isEmpty());
            for (int i = 0; i < reports.size(); i++) {
                assertEquals(n, reports.get(i)[1]);
                assertTrue(reports.get(i)[0] >= 0 && reports.get(i)[0] <= n);
                if (i > 0) {
                    assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0]);
                }
            }
            assertEquals(n, reports.get(reports.size() - 1)[0]);
            // The pairs stream while the search runs: all of them by the last report.
            assertEquals(pairs.size(), pairsBeforeLastReport.get());
            assertEquals(keys(index.pairs()), sorted(keys(pairs)));
            assertTrue(pairs.size() > 1000);
        }
    }

    @Test
    void anExceptionFromAListenerOrActionSurfacesInJavaAndTheJvmCarriesOn() {
        int n = 500;
        List<String> texts = texts(5, n);
        try (DuplicateIndex index = DuplicateIndex.fromTextsOnr(ids(n), texts, 0.5)) {
            List<String> all = keys(index.pairs());
            IllegalStateException boom = new IllegalStateException("listener failed");
            AtomicInteger calls = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.forEachPair(p -> { }, (d, t) -> {
                calls.incrementAndGet();
                throw boom;
            }));
            assertSame(boom, e);
            assertEquals(1, calls.get());

            AtomicInteger seen = new AtomicInteger();
            AssertionError error = assertThrows(AssertionError.class, () -> index.forEachPair(p -> {
                if (seen.incrementAndGet() == 3) {
                    throw new AssertionError("action failed");
                }
            }));
            assertEquals("action failed", error.getMessage());
            assertEquals(3, seen.get());

            // A checked exception thrown sneakily arrives unchanged too.
            Exception checked = new java.io.IOException("io");
            Exception got = assertThrows(Exception.class, () -> index.forEachPair(p -> DuplicateIndexTest.<RuntimeException>sneaky(checked)));
            assertSame(checked, got);

            // The index and the JVM carry on.
            assertEquals(all, keys(index.pairs()));
            assertEquals(all, keys(index.pairs((d, t) -> { })));
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
