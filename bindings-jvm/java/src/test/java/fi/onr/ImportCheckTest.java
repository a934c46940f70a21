package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ImportCheckTest {
    private static final String ROW = "{\"tunniste\": \"%s\", \"henkilo\": {\"hetu\": \"%s\", \"etunimet\": \"Aino Maria\","
            + " \"kutsumanimi\": \"Aino\", \"sukunimi\": \"Virtanen\", \"kansalaisuus\": [{\"koodi\": \"246\"}]}}";

    private static String batch(String... rows) {
        return "{\"sahkoposti\": \"oppilashallinto@koulu.example\", \"henkilot\": [" + String.join(",", rows) + "]}";
    }

    @Test
    void anAcceptedBatch() {
        ImportCheck.Report r = ImportCheck.check(batch(String.format(ROW, "A-1", "140305A902U")), Environment.TEST);
        assertTrue(r.isAccepted());
        assertEquals(200, r.httpStatus());
        assertEquals(1, r.rows().size());
        ImportCheck.Row row = r.rows().get(0);
        assertTrue(row.isAccepted());
        assertEquals("A-1", row.tunniste().orElseThrow());
        assertEquals(0, row.index());
        assertTrue(r.batchErrors().isEmpty());
    }

    @Test
    void oneBadRowRejectsTheBatchWithOnrsFieldPath() {
        ImportCheck.Report r = ImportCheck.check(batch(String.format(ROW, "A-1", "140305A902U"), String.format(ROW, "A-2", "140305A902X")),
                Environment.TEST);
        assertFalse(r.isAccepted());
        assertEquals(400, r.httpStatus());
        assertTrue(r.rows().get(0).isAccepted());
        ImportCheck.VerdictError e = r.rows().get(1).errors().get(0);
        assertTrue(e.field().contains("henkilot[1]"), e.field());
        assertTrue(e.field().endsWith("hetu"), e.field());
        assertTrue(e.code().startsWith("import."), e.code());
        assertFalse(e.message(Locale.forLanguageTag("fi")).isEmpty());
    }

    @Test
    void theBundledExampleBatch() throws IOException {
        String json = Files.readString(Vectors.dir().resolve("../../examples/batch.json"), StandardCharsets.UTF_8);
        ImportCheck.Report r = ImportCheck.check(json, Environment.TEST);
        assertFalse(r.rows().isEmpty());
        for (ImportCheck.Row row : r.rows()) {
            assertEquals(row.errors().isEmpty(), row.isAccepted());
            assertFalse(row.action().isEmpty());
        }
    }

    @Test
    void unreadableInputIsAnImportException() {
        ImportException e = assertThrows(ImportException.class, () -> ImportCheck.check("[1, 2", Environment.TEST));
        assertTrue(e.code().startsWith("import.json."), e.code());
        assertThrows(ImportException.class, () -> ImportCheck.check(null));
    }
}
