package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Lucene vectors of the Rust suite (onr-core/tests/jaro_winkler_lucene.rs), bit for bit. */
class SimilarityTest {
    @Test
    void jaroWinklerIsBitIdenticalToLucene() {
        int checked = 0;
        for (String[] row : Vectors.fixture("jaro_winkler.tsv")) {
            assertEquals(4, row.length, String.join("\t", row));
            String a = row[0];
            String b = row[1];
            float expected = Float.parseFloat(row[2]);
            String where = VectorsTest.escaped(a) + " " + VectorsTest.escaped(b);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(Similarity.jaroWinkler(a, b)), where);
            assertEquals(Boolean.parseBoolean(row[3]), Similarity.isSimilar(a, b), where);
            checked++;
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void trigramIsBitIdenticalToPgTrgm() {
        int checked = 0;
        for (String[] row : Vectors.fixture("trigram.tsv")) {
            String a = row[0];
            String b = row[1];
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
