package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImportCheck.Options#withKoodistoFile}: the file {@code onr koodisto update} writes,
 * read by onr-core, replaces the bundled code lists (as {@code onr check --koodisto} and
 * Python's {@code check_import(koodisto=PATH)} do).
 */
class KoodistoFileTest {
    private static final String BATCH = "{\"henkilot\": [{\"tunniste\": \"1\", \"henkilo\": {\"passinumero\": \"P123\","
            + " \"etunimet\": \"Aino\", \"kutsumanimi\": \"Aino\", \"sukunimi\": \"Virtanen\", \"aidinkieli\": {\"koodi\": \"QQ\"},"
            + " \"kansalaisuus\": [{\"koodi\": \"000\"}]}}]}";

    private static final String FILE = "{\"format\": 1, \"fetched\": \"2026-12-02T17:00:00Z\", \"source\": \"test\", \"lists\": {"
            + "\"sukupuoli\": [{\"koodi\": \"1\"}, {\"koodi\": \"2\"}],"
            + " \"kieli\": [{\"koodi\": \"FI\"}, {\"koodi\": \"QQ\", \"fi\": \"uusi\"}],"
            + " \"maatjavaltiot2\": [{\"koodi\": \"246\"}, {\"koodi\": \"000\"}]}}";

    @TempDir
    Path dir;

    private static List<String> keys(ImportCheck.Report r) {
        return r.rows().get(0).errors().stream().map(ImportCheck.VerdictError::key).toList();
    }

    @Test
    void theFilesListsReplaceTheBundledOnes() throws IOException {
        List<String> bundled = keys(ImportCheck.check(BATCH, Environment.TEST));
        assertTrue(bundled.contains("invalid.aidinkieli") && bundled.contains("invalid.kansalaisuus"), bundled.toString());
        Path file = dir.resolve("koodisto.json");
        Files.writeString(file, FILE);
        ImportCheck.Report r = ImportCheck.check(BATCH, Environment.TEST, ImportCheck.Options.defaults().withKoodistoFile(file));
        assertEquals(List.of(), keys(r));
        assertTrue(r.rows().get(0).isAccepted());
        // A list given with withCodes still replaces the file's.
        ImportCheck.Options narrower = ImportCheck.Options.defaults().withKoodistoFile(file).withCodes("kieli", List.of("FI"));
        assertEquals(List.of("invalid.aidinkieli"), keys(ImportCheck.check(BATCH, Environment.TEST, narrower)));
    }

    @Test
    void aBadFileIsRefusedWithOnrCoresCodeAndAMissingOneAtOnce() throws IOException {
        Path file = dir.resolve("koodisto.json");
        Files.writeString(file, "{\"format\": 2}");
        ImportCheck.Options options = ImportCheck.Options.defaults().withKoodistoFile(file);
        OnrException e = assertThrows(OnrException.class, () -> ImportCheck.check(BATCH, Environment.TEST, options));
        assertEquals("koodisto.file.format", e.code());
        assertThrows(UncheckedIOException.class, () -> ImportCheck.Options.defaults().withKoodistoFile(dir.resolve("missing.json")));
    }
}
