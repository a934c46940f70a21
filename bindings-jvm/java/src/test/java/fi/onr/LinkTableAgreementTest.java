package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkRegistry#checkTable(List, List)} reads a link table as {@code onr links check}
 * does: the shared {@code tests/vectors/link_table_bad_rows.csv} (blank rows and two unusable
 * rows) gives the errors {@code link_table_bad_rows.tsv} records from the CLI, which onr-cli's
 * {@code blank_rows_are_skipped_and_every_bad_row_is_reported} checks against the CLI itself.
 */
class LinkTableAgreementTest {
    /** The CSV file split at newlines and commas (it has no quotes): header, then data rows. */
    private static List<List<String>> csv(String name) throws IOException {
        String text = Files.readString(Vectors.dir().resolve(name), StandardCharsets.UTF_8);
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            out.add(Arrays.asList(line.split(",", -1)));
        }
        return out;
    }

    @Test
    void javaAndTheCliAgreeOnBlankAndBadRows() throws IOException {
        List<List<String>> table = csv("link_table_bad_rows.csv");
        List<String> header = table.get(0);
        List<List<String>> rows = table.subList(1, table.size());

        // line -> "code message", as the CLI reports it; a data row's line is its index + 2.
        Map<Integer, String> cli = new TreeMap<>();
        for (String[] r : Vectors.read("link_table_bad_rows.tsv")) {
            cli.put(Integer.parseInt(r[0]), r[1] + " " + r[2]);
        }
        assertEquals(2, cli.size());

        LinkTableException e = assertThrows(LinkTableException.class, () -> LinkRegistry.checkTable(header, rows));
        Map<Integer, String> fromJava = new TreeMap<>();
        e.badRows().forEach((index, error) -> fromJava.put(index + 2, error.code() + " " + error.getMessage()));
        assertEquals(cli, fromJava);
        // The exception is the first unusable row's (the blank row before it is skipped).
        int first = cli.keySet().iterator().next();
        assertEquals(first - 2, e.row());
        assertEquals(cli.get(first), e.code() + " " + e.getMessage());
        assertEquals(e.badRows().get(e.row()).message(Locale.forLanguageTag("fi")),
                e.message(Locale.forLanguageTag("fi")));

        // readAll reads the same rows; with the unusable rows left out the table is accepted.
        LinkRegistry.TableLayout.Read read = LinkRegistry.TableLayout.fromHeader(header).readAll(rows);
        Map<Integer, String> readAll = new TreeMap<>();
        read.errors().forEach((index, error) -> readAll.put(index + 2, error.code() + " " + error.getMessage()));
        assertEquals(cli, readAll);
        assertEquals(List.of("M -> S1", "N -> T"), read.rows().stream().map(Object::toString).toList());
        List<List<String>> usable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!e.badRows().containsKey(i)) {
                usable.add(rows.get(i));
            }
        }
        assertEquals(List.of("slave_not_duplicate[T]"),
                LinkRegistry.checkTable(header, usable).stream().map(Object::toString).toList());
    }

    @Test
    void aBlankRowIsSkippedByATableButUnusableAlone() {
        List<String> header = List.of("master_oid", "slave_oid");
        assertEquals(List.of(), LinkRegistry.checkTable(header, List.of(List.of(" ", ""), List.of(), List.of("M", "S"))));
        // One row is read strictly.
        assertEquals("link.table.empty_oid", assertThrows(LinkException.class,
                () -> LinkRegistry.TableLayout.fromHeader(header).row(List.of(" ", ""))).code());
    }
}
