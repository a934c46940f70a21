package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared vectors from the real systems that the Rust suite reads (onr-core/tests/
 * pg_vectors.rs, jaro_winkler_lucene.rs, onr_normalize.rs), through the Java facade: same
 * files, same verdicts. These files have no header line and use their own escapes (see
 * their headers): PostgreSQL's COPY text format, or {@code \\ \t \n \r \\u{HEX}}.
 */
class SharedVectorsTest {
    /** The data lines of a header-less vector file, split at tabs, not unescaped. */
    static List<String[]> rawRows(String name) {
        String text;
        try {
            text = Files.readString(Vectors.dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shared vectors " + name, e);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** The escapes of the Lucene and Java ground truth: {@code \\ \t \n \r \\u{HEX}}. */
    static String unescapeBraces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case '\\': out.append('\\'); break;
                case 't': out.append('\t'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 'u': {
                    int close = s.indexOf('}', i);
                    out.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                    i = close;
                    break;
                }
                default:
                    throw new IllegalArgumentException("bad escape \\" + k + " in " + s);
            }
        }
        return out.toString();
    }

    /** PostgreSQL's COPY text escapes. */
    static String unescapeCopy(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char k = s.charAt(++i);
            out.append(k == 't' ? '\t' : k == 'n' ? '\n' : k == 'r' ? '\r' : k);
        }
        return out.toString();
    }

    /** A float4 that PostgreSQL printed widened to float8 (exact). */
    static float float4(String s) {
        double d = Double.parseDouble(s);
        float f = (float) d;
        assertEquals(d, (double) f, s + " is not a float4 value");
        return f;
    }

    @Test
    void jaroWinklerIsBitIdenticalToLucene() {
        List<String[]> rows = rawRows("jaro_winkler.tsv");
        assertTrue(rows.size() > 1000);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] r : rows) {
            a.add(unescapeBraces(r[0]));
            b.add(unescapeBraces(r[1]));
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
        List<String[]> rows = rawRows("onr_normalize.tsv");
        assertTrue(rows.size() > 1000);
        for (String[] r : rows) {
            String input = unescapeBraces(r[0]);
            assertEquals(unescapeBraces(r[1]), NameRules.comparisonForm(input), VectorsTest.escaped(input));
        }
    }

    @Test
    void trigramSimilarityMatchesPostgres() {
        List<String[]> rows = rawRows("trigram.tsv");
        assertTrue(rows.size() > 2000);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] r : rows) {
            a.add(unescapeCopy(r[0]));
            b.add(unescapeCopy(r[1]));
        }
        float[] raw = Similarity.trigramAll(a, b, false);
        float[] fmt = Similarity.trigramAll(a, b, true);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = VectorsTest.escaped(a.get(i)) + " / " + VectorsTest.escaped(b.get(i));
            assertEquals(unescapeCopy(r[2]), Names.duplicateSearchFmt(a.get(i)), where);
            assertEquals(unescapeCopy(r[3]), Names.duplicateSearchFmt(b.get(i)), where);
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
        List<String[]> rows = rawRows("unaccent.tsv");
        assertEquals(1650, rows.size());
        for (String[] r : rows) {
            String c = unescapeCopy(r[1]);
            assertEquals(Integer.parseInt(r[0], 16), c.codePointAt(0));
            String where = "U+" + r[0];
            assertEquals(unescapeCopy(r[2]), Names.unaccent(c), where);
            assertEquals(unescapeCopy(r[3]), Names.lower(c), where);
            assertEquals(unescapeCopy(r[4]), Names.duplicateSearchFmt(c), where);
            assertEquals(unescapeCopy(r[5]), Names.unaccent("x" + c + "y"), where);
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
        for (String[] r : rawRows("pg-ctype.tsv")) {
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
