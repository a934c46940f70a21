package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The Lucene vectors of the Rust suite (onr-core/tests/jaro_winkler_lucene.rs), bit for bit. */
class SimilarityTest {
    @Test
    void jaroWinklerIsBitIdenticalToLucene() throws IOException {
        String text = Files.readString(Vectors.dir().resolve("jaro_winkler.tsv"), StandardCharsets.UTF_8);
        int checked = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] row = line.split("\t", -1);
            assertEquals(4, row.length, line);
            String a = SharedVectorsTest.unescapeBraces(row[0]);
            String b = SharedVectorsTest.unescapeBraces(row[1]);
            float expected = Float.parseFloat(row[2]);
            String where = VectorsTest.escaped(a) + " " + VectorsTest.escaped(b);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(Similarity.jaroWinkler(a, b)), where);
            assertEquals(Boolean.parseBoolean(row[3]), Similarity.isSimilar(a, b), where);
            checked++;
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void trigramIsBitIdenticalToPgTrgm() throws IOException {
        String text = Files.readString(Vectors.dir().resolve("trigram.tsv"), StandardCharsets.UTF_8);
        int checked = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] row = line.split("\t", -1);
            String a = SharedVectorsTest.unescapeBraces(row[0]);
            String b = SharedVectorsTest.unescapeBraces(row[1]);
            String where = VectorsTest.escaped(a) + " " + VectorsTest.escaped(b);
            assertEquals(Float.floatToIntBits((float) Double.parseDouble(row[4])), Float.floatToIntBits(Similarity.trigram(a, b)), where);
            assertEquals(Float.floatToIntBits((float) Double.parseDouble(row[5])), Float.floatToIntBits(Similarity.trigramOnr(a, b)), where);
            checked++;
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void comparisonForm() {
        assertEquals("ayramo", Similarity.comparisonForm("Äyrämö"));
        assertEquals("", Similarity.comparisonForm(null));
    }

}
