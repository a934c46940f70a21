package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared vectors from the real systems that the Rust suite reads (onr-core/tests/
 * pg_vectors.rs, jaro_winkler_lucene.rs, onr_normalize.rs), through the Java facade: same
 * files, same verdicts. These files have no header line; {@link Vectors#fixture} reads them.
 */
class SharedVectorsTest {
    /** A float4 that PostgreSQL printed widened to float8 (exact). */
    static float float4(String s) {
        double d = Double.parseDouble(s);
        float f = (float) d;
        assertEquals(d, (double) f, s + " is not a float4 value");
        return f;
    }

    @Test
    void jaroWinklerIsBitIdenticalToLucene() {
        List<String[]> rows = Vectors.fixture("jaro_winkler.tsv");
        assertTrue(rows.size() > 1000);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] r : rows) {
            a.add(r[0]);
            b.add(r[1]);
        }
        float[] all = Similarity.jaroWinklerAll(a, b);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            float expected = Float.parseFloat(r[2]);
            String where = VectorsTest.escaped(a.get(i)) + " " + VectorsTest.escaped(b.get(i));
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(all[i]), where);
            assertEquals(r[2], Float.toString(all[i]), where);
            if (i % 50 == 0) {
                assertEquals(expected, Similarity.jaroWinkler(a.get(i), b.get(i)), where);
                assertEquals(r[3].equals("true"), Similarity.isSimilar(a.get(i), b.get(i)), where);
            }
        }
    }

    @Test
    void comparisonFormEqualsOnrsJavaNormalize() {
        List<String[]> rows = Vectors.fixture("onr_normalize.tsv");
        assertTrue(rows.size() > 1000);
        for (String[] r : rows) {
            String input = r[0];
            assertEquals(r[1], NameRules.comparisonForm(input), VectorsTest.escaped(input));
        }
    }

    @Test
    void trigramSimilarityMatchesPostgres() {
        List<String[]> rows = Vectors.fixture("trigram.tsv");
        assertTrue(rows.size() > 2000);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] r : rows) {
            a.add(r[0]);
            b.add(r[1]);
        }
        float[] raw = Similarity.trigramAll(a, b, false);
        float[] fmt = Similarity.trigramAll(a, b, true);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = VectorsTest.escaped(a.get(i)) + " / " + VectorsTest.escaped(b.get(i));
            assertEquals(r[2], Names.duplicateSearchFmt(a.get(i)), where);
            assertEquals(r[3], Names.duplicateSearchFmt(b.get(i)), where);
            assertEquals(Float.floatToIntBits(float4(r[4])), Float.floatToIntBits(raw[i]), where);
            assertEquals(Float.floatToIntBits(float4(r[5])), Float.floatToIntBits(fmt[i]), where);
            if (i % 25 == 0) {
                assertEquals(raw[i], Similarity.trigram(a.get(i), b.get(i)), where);
                assertEquals(fmt[i], Similarity.trigramOnr(a.get(i), b.get(i)), where);
            }
        }
    }

    @Test
    void everyUnaccentRuleMatchesPostgres() {
        List<String[]> rows = Vectors.fixture("unaccent.tsv");
        assertEquals(1650, rows.size());
        for (String[] r : rows) {
            String c = r[1];
            assertEquals(Integer.parseInt(r[0], 16), c.codePointAt(0));
            String where = "U+" + r[0];
            assertEquals(r[2], Names.unaccent(c), where);
            assertEquals(r[3], Names.lower(c), where);
            assertEquals(r[4], Names.duplicateSearchFmt(c), where);
            assertEquals(r[5], Names.unaccent("x" + c + "y"), where);
        }
    }

    @Test
    void lowerMatchesPostgresOnEveryCodePoint() {
        // 'lower C L' rows: lower(chr(C)) = chr(L) where they differ; every other code point
        // lowers to itself. One call for all code points: lower() is one character at a time.
        int[] expected = new int[0x110000];
        for (int cp = 0; cp < expected.length; cp++) {
            expected[cp] = cp;
        }
        int lowerRows = 0;
        for (String[] r : Vectors.fixture("pg-ctype.tsv")) {
            String[] f = r[0].split(" ");
            if (f[0].equals("lower")) {
                expected[Integer.parseInt(f[1], 16)] = Integer.parseInt(f[2], 16);
                lowerRows++;
            }
        }
        assertTrue(lowerRows > 1000);
        StringBuilder all = new StringBuilder();
        for (int cp = 1; cp < 0x110000; cp++) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                all.appendCodePoint(cp);
            }
        }
        String lowered = Names.lower(all.toString());
        int[] got = lowered.codePoints().toArray();
        int i = 0;
        for (int cp = 1; cp < 0x110000; cp++) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                assertEquals(expected[cp], got[i++], "lower(U+" + Integer.toHexString(cp) + ")");
            }
        }
        assertEquals(got.length, i);
    }
}
