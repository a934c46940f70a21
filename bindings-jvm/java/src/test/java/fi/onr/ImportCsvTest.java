package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ImportCheck#checkCsv}: a CSV batch gets what {@code onr check} reports for it, and
 * what the JSON path gives the JSON batch it stands for.
 */
class ImportCsvTest {
    /** The parts of a row's report that {@code learners_check.tsv} pins. */
    static String summary(ImportCheck.Row r) {
        String errors = r.errors().stream().map(e -> e.field() + ":" + e.key()).sorted().collect(Collectors.joining(" "));
        String warnings = r.warnings().stream().map(Warning::code).sorted().collect(Collectors.joining(" "));
        return String.join("\t", Long.toString(r.index()), Long.toString(r.line().orElse(-1L)),
                r.isAccepted() ? "accepted" : "rejected", errors, warnings, r.action());
    }

    @Test
    void theExampleLearnersCsvGetsWhatTheCliReports() throws IOException {
        String csv = Files.readString(Vectors.dir().resolve("../../examples/learners.csv"), StandardCharsets.UTF_8);
        ImportCheck.Report r = ImportCheck.checkCsv(csv, Environment.PRODUCTION);
        List<String[]> expected = Vectors.read("learners_check.tsv");
        String[] batch = expected.get(0);
        assertEquals("batch", batch[0]);
        assertEquals(Integer.parseInt(batch[1]), r.rows().size());
        assertEquals(batch[2], r.isAccepted() ? "accepted" : "rejected");
        assertEquals(batch[3], r.batchErrors().stream().map(e -> e.field() + ":" + e.key()).sorted()
                .collect(Collectors.joining(" ")));
        List<String> want = new ArrayList<>();
        for (String[] row : expected.subList(1, expected.size())) {
            want.add(String.join("\t", row));
        }
        List<String> got = r.rows().stream().map(ImportCsvTest::summary).toList();
        assertEquals(300, got.size());
        assertEquals(want, got);
        assertEquals(List.of(), r.unknownColumns());
        // The 39 pairs `onr check --format json examples/learners.csv` lists (ONR's 0.5 over
        // names and birth date), each once, a < b, in row order; among them S00120, S00016
        // again without the accents, and S00240, S00017 with one first name
        // (scripts/gen-examples.py).
        List<ImportCheck.LikelyDuplicate> pairs = r.likelyDuplicates();
        assertEquals(39, pairs.size());
        assertTrue(pairs.stream().anyMatch(p -> p.a() == 15 && p.b() == 119));
        assertTrue(pairs.stream().anyMatch(p -> p.a() == 16 && p.b() == 239));
        for (int i = 0; i < pairs.size(); i++) {
            ImportCheck.LikelyDuplicate p = pairs.get(i);
            assertTrue(p.a() < p.b(), p.toString());
            if (i > 0) {
                ImportCheck.LikelyDuplicate q = pairs.get(i - 1);
                assertTrue(q.a() < p.a() || (q.a() == p.a() && q.b() < p.b()), p.toString());
            }
        }
        assertTrue(pairs.stream().allMatch(p -> p.similarity() >= 0.5f && p.similarity() <= 1f));
        assertFalse(r.duplicatesSkipped());
        // The file has rows ONR rejects, so the pin is not vacuous.
        assertTrue(got.stream().anyMatch(s -> s.contains("\trejected\t")));
    }

    static final String CSV = "tunniste,hetu,etunimet,kutsumanimi,sukunimi,kansalaisuus,Luokka\n"
            + "S1,010101A900R,Aino,Aino,Virtanen,246;752,7A\n"
            + "S2,131052-308X,Eino,Eino,Testinen,,7B\n"
            + "S3,,Liisa,Liisa,Nieminen,,7C\n";

    static final String JSON = "{\"sahkoposti\": \"virkailija@example.fi\", \"henkilot\": [\n"
            + "{\"tunniste\": \"S1\", \"henkilo\": {\"hetu\": \"010101A900R\", \"etunimet\": \"Aino\", \"kutsumanimi\": \"Aino\","
            + " \"sukunimi\": \"Virtanen\", \"kansalaisuus\": [{\"koodi\": \"246\"}, {\"koodi\": \"752\"}]}},\n"
            + "{\"tunniste\": \"S2\", \"henkilo\": {\"hetu\": \"131052-308X\", \"etunimet\": \"Eino\", \"kutsumanimi\": \"Eino\","
            + " \"sukunimi\": \"Testinen\"%s}},\n"
            + "{\"tunniste\": \"S3\", \"henkilo\": {%s\"etunimet\": \"Liisa\", \"kutsumanimi\": \"Liisa\", \"sukunimi\": \"Nieminen\"%s}}\n"
            + "]}";

    static List<String> codes(ImportCheck.Report r) {
        return r.rows().stream()
                .map(row -> row.tunniste().orElse("?") + " " + row.action() + " "
                        + row.errors().stream().map(e -> e.field() + ":" + e.key() + ":" + e.code()).toList() + " "
                        + row.warnings().stream().map(Warning::code).toList())
                .toList();
    }

    @Test
    void aCsvBatchGetsWhatItsJsonGets() {
        ImportCheck.CsvOptions csv = ImportCheck.CsvOptions.defaults().withSahkoposti("virkailija@example.fi");
        for (Environment env : Environment.values()) {
            ImportCheck.Report fromCsv = ImportCheck.checkCsv(CSV, env, csv, ImportCheck.Options.defaults());
            ImportCheck.Report fromJson = ImportCheck.check(String.format(JSON, "", "", ""), env);
            assertEquals(codes(fromJson), codes(fromCsv));
            assertEquals(fromJson.httpStatus(), fromCsv.httpStatus());
            assertEquals(fromJson.isAccepted(), fromCsv.isAccepted());
            assertFalse(fromCsv.isAccepted());
            assertEquals(List.of("luokka"), fromCsv.unknownColumns());
            assertEquals(List.of(2L, 3L, 4L), fromCsv.rows().stream().map(r -> r.line().orElseThrow()).toList());
            assertEquals(List.of(), fromJson.unknownColumns());
        }
    }

    @Test
    void emptyCellsAsEmptyStringsAndAnotherDelimiter() {
        String semicolons = CSV.replace(",", ";").replace("246;752", "246").replace("Luokka", "luokka");
        ImportCheck.CsvOptions csv = ImportCheck.CsvOptions.defaults().withDelimiter(';').withEmptyAsEmptyString(true)
                .withSahkoposti("virkailija@example.fi");
        ImportCheck.Report fromCsv = ImportCheck.checkCsv(semicolons, Environment.PRODUCTION, csv, ImportCheck.Options.defaults());
        String json = String.format(JSON, ", \"kansalaisuus\": []", "\"hetu\": \"\", ", ", \"kansalaisuus\": []")
                .replace("{\"koodi\": \"246\"}, {\"koodi\": \"752\"}", "{\"koodi\": \"246\"}");
        ImportCheck.Report fromJson = ImportCheck.check(json, Environment.PRODUCTION);
        assertEquals(codes(fromJson), codes(fromCsv));
        // The empty hetu is sent as "" and so differs from the null of the default mapping.
        ImportCheck.Report nulls = ImportCheck.checkCsv(semicolons, Environment.PRODUCTION,
                csv.withEmptyAsEmptyString(false), ImportCheck.Options.defaults());
        assertFalse(codes(nulls).get(2).equals(codes(fromCsv).get(2)), codes(nulls) + " " + codes(fromCsv));
    }

    @Test
    void theEmailAddressGetsTheVerdictJsonsGets() {
        ImportCheck.Report fromCsv = ImportCheck.checkCsv(CSV, Environment.TEST,
                ImportCheck.CsvOptions.defaults().withSahkoposti("not an address"), ImportCheck.Options.defaults());
        ImportCheck.Report fromJson = ImportCheck.check(String.format(JSON, "", "", "")
                .replace("virkailija@example.fi", "not an address"), Environment.TEST);
        assertFalse(fromCsv.batchErrors().isEmpty());
        assertEquals(fromJson.batchErrors().toString(), fromCsv.batchErrors().toString());
        assertEquals("sahkoposti", fromCsv.batchErrors().get(0).field());
    }

    @Test
    void aHeaderWithoutKnownColumnsIsAnImportException() {
        ImportException e = assertThrows(ImportException.class, () -> ImportCheck.checkCsv("a,b\n1,2\n", Environment.PRODUCTION));
        assertEquals("import.csv.no_columns", e.code());
        assertEquals(Category.FORMAT, e.category());
        assertTrue(e.getMessage().startsWith("no known column in the header line"), e.getMessage());
        assertEquals("input.empty", assertThrows(ImportException.class,
                () -> ImportCheck.checkCsv("", Environment.PRODUCTION)).code());
    }

    @Test
    void aDelimiterThatIsNotAsciiIsAnImportException() {
        // onr-core's one rule (onr check --delimiter): refused with its code, never read as `,`.
        String csv = "tunniste\u00e9hetu\nS1\u00e9010101A900R\n";
        for (char c : new char[] {'\u00e9', '\u00a7', '\u0080', '\u20ac', '\ud800'}) {
            ImportException e = assertThrows(ImportException.class, () -> ImportCheck.checkCsv(csv, Environment.TEST,
                    ImportCheck.CsvOptions.defaults().withDelimiter(c), ImportCheck.Options.defaults()));
            assertEquals("input.csv.delimiter", e.code());
            assertEquals(Category.FORMAT, e.category());
            assertTrue(e.getMessage().startsWith("the delimiter must be an ASCII character"), e.getMessage());
        }
        assertEquals(1, ImportCheck.checkCsv("tunniste;hetu\nS1;010101A900R\n", Environment.TEST,
                ImportCheck.CsvOptions.defaults().withDelimiter(';'), ImportCheck.Options.defaults()).rows().size());
    }

    @Test
    void aLineWithMoreCellsThanTheHeaderMakesTheFileUnusable() {
        // onr-core's input policy: the whole input is refused, naming the line.
        ImportException e = assertThrows(ImportException.class, () -> ImportCheck.checkCsv(
                "tunniste,hetu\nS1,010101A900R\nS2,010101A900R,extra\n", Environment.TEST));
        assertEquals("input.csv.extra_cells", e.code());
        assertTrue(e.getMessage().startsWith("line 3 has 3 cells"), e.getMessage());
        // Line numbers count every line, CRLF and blank ones too.
        assertEquals(Optional.of(3L), ImportCheck.checkCsv(
                "tunniste,hetu\r\n\r\nS1,010101A900R\r\n", Environment.TEST).rows().get(0).line());
    }
}
