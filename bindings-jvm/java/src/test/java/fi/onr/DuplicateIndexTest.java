package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
}
