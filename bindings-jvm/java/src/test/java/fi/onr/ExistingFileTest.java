package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The existing-persons file ({@code tests/existing/}, which the Rust and Python suites read
 * too), read by onr-core: {@link ImportCheck.Existing#readFile} and
 * {@link ImportCheck.Options#withExistingFile}; and the CSV check's guessed delimiter.
 */
class ExistingFileTest {
    static Path fixture(String name) {
        return Vectors.dir().resolve("../existing/" + name);
    }

    static String view(ImportCheck.Existing p) {
        return String.join("|", p.oid(), p.hetu().orElse("-"), String.join(";", p.hetuHistory()),
                String.join(";", p.passinumerot()), String.join(";", p.sahkopostit()), p.etunimet(), p.sukunimi());
    }

    @Test
    void theSharedFixtureReadsInBothFormatsAlike() {
        List<ImportCheck.Existing> csv = ImportCheck.Existing.readFile(fixture("persons.csv"));
        List<ImportCheck.Existing> json = ImportCheck.Existing.readFile(fixture("persons.json"));
        assertEquals(3, csv.size());
        assertEquals(csv.stream().map(ExistingFileTest::view).toList(), json.stream().map(ExistingFileTest::view).toList());
        assertEquals("1.2.246.562.24.10000000032|-||XK1111111;XK7654321|olga@example.fi|Olga|Ivanova", view(csv.get(1)));
        assertEquals(List.of("021106A9157"), csv.get(2).hetuHistory());
    }

    static final String BATCH = "{\"henkilot\": [{\"tunniste\": \"S1\", \"henkilo\": {\"hetu\": \"140305A902U\","
            + " \"etunimet\": \"Aino Maria\", \"kutsumanimi\": \"Aino\", \"sukunimi\": \"Virtanen\","
            + " \"kansalaisuus\": [{\"koodi\": \"246\"}]}}]}";

    @Test
    void aCheckAgainstTheFileMatchesItsPersons() {
        for (String name : List.of("persons.csv", "persons.json")) {
            ImportCheck.Options options = ImportCheck.Options.defaults().withExistingFile(fixture(name));
            ImportCheck.Row row = ImportCheck.check(BATCH, Environment.TEST, options).rows().get(0);
            assertEquals("match", row.action(), name);
            assertEquals(Optional.of("1.2.246.562.24.10000000003"), row.actionOid(), name);
            assertEquals(Optional.of("hetu"), row.actionBy(), name);
        }
        // Without the file the action is not certain.
        assertFalse(ImportCheck.check(BATCH, Environment.TEST).rows().get(0).action().equals("match"));
    }

    @Test
    void aBadFileIsAnOnrExceptionWithoutItsCells(@TempDir Path dir) throws IOException {
        Path noOid = dir.resolve("persons.csv");
        Files.writeString(noOid, "hetu,etunimet\n140305A902U,Aino\n");
        OnrException e = assertThrows(OnrException.class, () -> ImportCheck.Existing.readFile(noOid));
        assertEquals("import.existing.no_oid_column", e.code());
        assertTrue(e instanceof ImportException);
        Path badFlag = dir.resolve("flags.csv");
        Files.writeString(badFlag, "oid,etunimet,sukunimi,kutsumanimi,syntymaaika,passivoitu\n"
                + "1.2.246.562.24.10000000003,Aino,Virtanen,Aino,2005-03-14,140305A902U\n");
        ImportCheck.Options options = ImportCheck.Options.defaults().withExistingFile(badFlag);
        OnrException flag = assertThrows(OnrException.class, () -> ImportCheck.check(BATCH, Environment.TEST, options));
        assertEquals("cell.flag", flag.code());
        assertTrue(flag.getMessage().startsWith("line 2: passivoitu:"), flag.getMessage());
        assertFalse(flag.getMessage().contains("140305A902U"));
        Path notArray = dir.resolve("persons.json");
        Files.writeString(notArray, "{\"oidHenkilo\": \"1.2.246.562.24.10000000003\"}");
        assertEquals("import.existing.not_an_array",
                assertThrows(OnrException.class, () -> ImportCheck.Existing.readFile(notArray)).code());
        assertThrows(NullPointerException.class, () -> ImportCheck.Existing.readFile(null));
    }

    @Test
    void theCsvCheckGuessesTheDelimiterAsTheCliDoes() {
        String semicolons = "tunniste;hetu;etunimet;kutsumanimi;sukunimi;kansalaisuus\n"
                + "S1;010101A900R;Aino;Aino;Virtanen;246\n";
        ImportCheck.Report guessed = ImportCheck.checkCsv(semicolons, Environment.TEST);
        assertEquals(List.of(), guessed.unknownColumns());
        assertEquals(Optional.of("S1"), guessed.rows().get(0).tunniste());
        assertTrue(guessed.isAccepted());
        // An explicit comma reads the header as one unknown column, as before.
        ImportCheck.CsvOptions comma = ImportCheck.CsvOptions.defaults().withDelimiter(',');
        OnrException e = assertThrows(OnrException.class,
                () -> ImportCheck.checkCsv(semicolons, Environment.TEST, comma, ImportCheck.Options.defaults()));
        assertEquals("import.csv.no_columns", e.code());
    }
}
