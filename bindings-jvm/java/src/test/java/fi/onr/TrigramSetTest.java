package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrigramSet}: pg_trgm's trigram sets, against PostgreSQL's own answers. */
class TrigramSetTest {
    private static int bits(float f) {
        return Float.floatToIntBits(f);
    }

    @Test
    void setsGivePgTrgmsSimilarityAndShowTrgmOnEveryVector() {
        List<String[]> rows = Vectors.fixture("trigram.tsv");
        assertTrue(rows.size() > 2000);
        int nonEmpty = 0;
        for (String[] r : rows) {
            String a = r[0];
            String b = r[1];
            String fa = r[2];
            String where = VectorsTest.escaped(a) + " / " + VectorsTest.escaped(b);
            float raw = SharedVectorsTest.float4(r[4]);
            float fmt = SharedVectorsTest.float4(r[5]);
            try (TrigramSet sa = TrigramSet.of(a); TrigramSet sb = TrigramSet.of(b);
                    TrigramSet oa = TrigramSet.onr(a); TrigramSet ob = TrigramSet.onr(b);
                    TrigramSet sfa = TrigramSet.of(fa)) {
                assertEquals(bits(raw), bits(sa.similarity(sb)), where);
                assertEquals(bits(raw), bits(sb.similarity(sa)), where);
                assertEquals(bits(raw), bits(sa.similarityTo(b, TrigramForm.RAW)), where);
                assertEquals(bits(Similarity.trigram(a, b)), bits(sa.similarity(sb)), where);
                assertEquals(bits(fmt), bits(oa.similarity(ob)), where);
                assertEquals(bits(fmt), bits(oa.similarityTo(b, TrigramForm.ONR)), where);
                assertEquals(bits(Similarity.trigramOnr(a, b)), bits(oa.similarity(ob)), where);
                // show_trgm(lower(unaccent(a))), in PostgreSQL's order.
                assertEquals(r[9], String.join("|", sfa.trigrams()), where);
                assertEquals(sfa.trigrams(), oa.trigrams(), where);
                assertEquals(oa.trigrams().size(), oa.size(), where);
                // pg_trgm's formula on the counts: common / (|a| + |b| - common), in float4.
                int c = sa.common(sb);
                assertEquals(c, sb.common(sa), where);
                if (sa.size() + sb.size() > 0) {
                    nonEmpty++;
                    assertEquals(bits((float) c / (float) (sa.size() + sb.size() - c)), bits(sa.similarity(sb)), where);
                }
            }
        }
        assertTrue(nonEmpty > 2000);
    }

    @Test
    void smallExamplesNullsAndTheDocs() {
        try (TrigramSet q = TrigramSet.onr("Eino Eino Testiäinen 1911-11-11");
                TrigramSet other = TrigramSet.of("eino ilmari urho kaleva eino testiainen 1911-11-11")) {
            assertEquals(22, q.size());
            assertEquals(22.0f / 41.0f, q.similarity(other));
            assertEquals(22, q.common(other));
        }
        assertEquals(List.of("  a", " ab", "ab "), TrigramSet.of("Ab").trigrams());
        assertEquals(List.of("  a", " ab", "ab "), TrigramSet.onr("ÄB").trigrams());
        assertEquals(List.of("0xd3cd89", "0x5be7e5"), TrigramSet.of("ä").trigrams());
        assertEquals(4, TrigramSet.of("cat").size());
        TrigramSet empty = TrigramSet.of(null);
        assertTrue(empty.isEmpty());
        assertTrue(TrigramSet.onr(null).isEmpty());
        assertTrue(TrigramSet.of("-- ²½ 😀").isEmpty());
        assertEquals(0.0f, empty.similarity(empty));
        assertEquals(0.0f, empty.similarityTo(null, TrigramForm.ONR));
        assertFalse(TrigramSet.of("x").isEmpty());
        // Lone surrogates are U+FFFD, as everywhere in the facade.
        assertEquals(TrigramSet.of("a\uFFFDb").trigrams(), TrigramSet.of("a\uD800b").trigrams());
    }

    @Test
    void toStringShowsTheSizeNeverTheText() {
        try (TrigramSet s = TrigramSet.onr("Virtanen")) {
            assertEquals("TrigramSet[size=9]", s.toString());
            assertFalse(s.toString().toLowerCase().contains("virt"));
        }
        TrigramSet closed = TrigramSet.of("Anna");
        closed.close();
        assertEquals("TrigramSet[size=5]", closed.toString());
    }
}
