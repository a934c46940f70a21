package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkRegistry.TableLayout} and {@link LinkRegistry#checkTable(List, List)}: a link
 * table given as a header and rows of text, read as {@code onr links check} reads a CSV file.
 */
class LinkTableLayoutTest {
    @Test
    void aGoodHeaderFindsItsColumnsInAnyOrderAndCase() {
        LinkRegistry.TableLayout layout = LinkRegistry.TableLayout.fromHeader(
                List.of("x", "\uFEFFSLAVE_OID ", "master_oid", "slave_duplicate", "Master_Passivoitu"));
        assertTrue(layout.hasFlags());
        LinkRegistry.TableRow row = layout.row(List.of("ignored", " S ", "M", "TRUE", ""));
        assertEquals("M", row.master());
        assertEquals("S", row.slave());
        assertEquals(Optional.of(true), row.slaveDuplicate());
        assertEquals(Optional.empty(), row.masterPassivoitu());
        assertEquals(Optional.empty(), row.masterDuplicate());
        assertEquals(Optional.empty(), row.slavePassivoitu());
        assertFalse(LinkRegistry.TableLayout.fromHeader(List.of("master_oid", "slave_oid")).hasFlags());
    }

    @Test
    void aMissingColumnIsALinkExceptionWithItsCode() {
        LinkException e = assertThrows(LinkException.class,
                () -> LinkRegistry.TableLayout.fromHeader(List.of("master_oid", "slave")));
        assertEquals("link.table.missing_column", e.code());
        assertEquals(Category.FORMAT, e.category());
        assertEquals("missing column `slave_oid`", e.getMessage());
        assertEquals("sarake `slave_oid` puuttuu", e.message(Locale.forLanguageTag("fi")));
        assertEquals("link.table.missing_column",
                assertThrows(LinkException.class, () -> LinkRegistry.TableLayout.fromHeader(List.of())).code());
    }

    @Test
    void aRepeatedColumnIsALinkExceptionWithItsCode() {
        LinkException e = assertThrows(LinkException.class,
                () -> LinkRegistry.TableLayout.fromHeader(List.of("master_oid", "slave_oid", "MASTER_OID")));
        assertEquals("link.table.repeated_column", e.code());
        assertEquals("column `master_oid` appears twice", e.getMessage());
    }

    @Test
    void badRowsHaveTheirCodesAndDoNotStopTheOthers() {
        LinkRegistry.TableLayout layout = LinkRegistry.TableLayout.fromHeader(List.of("master_oid", "slave_oid", "slave_passivoitu"));
        assertEquals("link.table.empty_oid",
                assertThrows(LinkException.class, () -> layout.row(List.of("M", " "))).code());
        assertEquals("link.table.missing_field",
                assertThrows(LinkException.class, () -> layout.row(List.of("M"))).code());
        assertEquals("link.table.bad_flag",
                assertThrows(LinkException.class, () -> layout.row(List.of("M", "S", "maybe"))).code());
        // A short row simply lacks the optional flag.
        assertEquals(Optional.empty(), layout.row(List.of("M", "S")).slavePassivoitu());

        LinkRegistry.TableLayout.Read read = layout.readAll(List.of(
                List.of("M", "S1", "yes"), List.of("", "S2"), List.of("M", "S3", "0"), List.of("M", "S4", "?")));
        assertEquals(List.of("S1", "S3"), read.rows().stream().map(LinkRegistry.TableRow::slave).toList());
        assertEquals(List.of(1, 3), List.copyOf(read.errors().keySet()));
        assertEquals("link.table.empty_oid", read.errors().get(1).code());
        assertEquals("link.table.bad_flag", read.errors().get(3).code());
    }

    @Test
    void checkingATextTableGivesWhatCheckingItsRowsGives() {
        List<String> header = List.of("master_oid", "slave_oid", "slave_passivoitu", "slave_duplicate");
        List<List<String>> text = List.of(
                List.of("M", "S", "true", "false"),
                List.of("S", "T", "t", "t"),
                List.of("A", "A", "", ""));
        List<LinkRegistry.Violation> got = LinkRegistry.checkTable(header, text);
        List<LinkRegistry.Violation> expected = LinkRegistry.checkTable(List.of(
                LinkRegistry.TableRow.of("M", "S").withFlags(null, null, true, false),
                LinkRegistry.TableRow.of("S", "T").withFlags(null, null, true, true),
                LinkRegistry.TableRow.of("A", "A")));
        assertEquals(expected.toString(), got.toString());
        List<String> kinds = got.stream().map(LinkRegistry.Violation::kind).toList();
        assertTrue(kinds.contains("self_link"), kinds.toString());
        assertTrue(kinds.contains("chain"), kinds.toString());
        assertTrue(kinds.contains("slave_not_duplicate"), kinds.toString());
        assertEquals(List.of("slave_not_duplicate[M]"), LinkRegistry.checkTable(
                List.of("master_oid", "slave_oid", "slave_duplicate"), List.of(List.of("X", "M", "false"))).stream()
                .map(Object::toString).toList());
    }

    @Test
    void aTableWithAnUnusableRowIsRefusedWithTheFirstRowsCode() {
        List<String> header = List.of("master_oid", "slave_oid", "slave_duplicate");
        LinkException e = assertThrows(LinkException.class, () -> LinkRegistry.checkTable(header,
                List.of(List.of("M", "S", "true"), List.of("M", "S2", "nope"), List.of("M", ""))));
        assertEquals("link.table.bad_flag", e.code());
        assertEquals("link.table.repeated_column", assertThrows(LinkException.class,
                () -> LinkRegistry.checkTable(List.of("slave_oid", "slave_oid", "master_oid"), List.of())).code());
    }
}
