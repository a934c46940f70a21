package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidTest {
    @Test
    void sortsInOnrCoresOrder() {
        // tests/vectors/oid_order.tsv lists lenient OIDs in onr-core's order; a shuffled copy
        // sorts back to it (the Rust and Python suites check the same file).
        List<String> want = Vectors.read("oid_order.tsv").stream().map(r -> r[0]).toList();
        assertTrue(want.size() > 15);
        List<Oid> oids = new java.util.ArrayList<>(want.stream().map(Oid::parseLenient).toList());
        java.util.Collections.shuffle(oids, new java.util.Random(7));
        java.util.Collections.sort(oids);
        assertEquals(want, oids.stream().map(Oid::toString).toList());
        // A shorter tail of a greater value comes after: not the text's length order.
        assertTrue(Oid.parseLenient("1.2.246.562.24.5").compareTo(Oid.parseLenient("1.2.246.562.24.01")) > 0);
    }

    @Test
    void parseAndAccessors() {
        Oid oid = Oid.parse("1.2.246.562.24.25909319372");
        assertEquals(24, oid.node());
        assertEquals(2590931937L, oid.number());
        assertEquals(2, oid.checkDigit());
        assertTrue(oid.hasValidCheckDigit());
        assertTrue(oid.isPerson(Environment.PRODUCTION));
        assertFalse(oid.isPerson(Environment.TEST));
        assertFalse(oid.isOrganisation());
        assertEquals("1.2.246.562.24.25909319372", oid.toString());
        assertTrue(Oid.parse("1.2.246.562.98.24707445854").isPerson(Environment.TEST));
    }

    @Test
    void lenientParseKeepsSpecialOids() {
        assertEquals("oid.leading_zero", assertThrows(OidException.class, () -> Oid.parse("1.2.246.562.10.00000000001")).code());
        Oid root = Oid.parseLenient("1.2.246.562.10.00000000001");
        assertTrue(root.isOrganisation());
        assertFalse(root.hasValidCheckDigit());
        assertEquals("1.2.246.562.10.00000000001", root.toString());
    }

    @Test
    void constructionCheckDigitsAndGeneration() {
        Oid made = Oid.of(24, 2590931937L);
        assertEquals(Oid.parse("1.2.246.562.24.25909319372"), made);
        assertEquals(2, Oid.checkDigitOf(24, 2590931937L));
        assertEquals("oid.length", assertThrows(OidException.class, () -> Oid.of(24, 12)).code());
        assertEquals("oid.node", assertThrows(OidException.class, () -> Oid.of(-1, 2590931937L)).code());
        try (OidGenerator a = new OidGenerator(3); OidGenerator b = new OidGenerator(3)) {
            Oid x = a.generate(98);
            assertEquals(x, b.generate(98));
            assertTrue(Oid.isValid(x.toString()));
            assertEquals(98, x.node());
        }
    }

    @Test
    void batchKeepsOrderAndNulls() {
        List<OidResult> r = Oid.validateAll(Arrays.asList("1.2.246.562.24.25909319372", null, "x", "1.2.246.562.24.25909319373"));
        assertEquals(4, r.size());
        assertTrue(r.get(0).isValid());
        assertEquals(24, r.get(0).oid().node());
        assertEquals("oid.empty", r.get(1).code());
        assertEquals("oid.root", r.get(2).code());
        assertEquals("oid.checksum", r.get(3).error().orElseThrow().code());
        assertThrows(OidException.class, () -> r.get(3).oid());
        assertTrue(Oid.parse("1.2.246.562.24.10000000003").compareTo(Oid.parse("1.2.246.562.24.25909319372")) < 0);
    }
}
