package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The same vectors and the same verdicts as the Rust suite (onr-core/tests/vectors.rs). */
class VectorsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Environment env(String name) {
        switch (name) {
            case "production":
                return Environment.PRODUCTION;
            case "test":
                return Environment.TEST;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @Test
    void onrVerdictMatchesOnrsOwnValidatorPerCall() {
        List<String[]> rows = Vectors.read("hetu_onr.tsv");
        assertTrue(rows.size() > 30_000, "rows: " + rows.size());
        int checked = 0;
        for (String[] row : rows) {
            String input = row[0];
            for (Environment env : Environment.values()) {
                int c = env == Environment.PRODUCTION ? 1 : 4;
                String where = Vectors.dir() + "/hetu_onr.tsv " + escaped(input) + " " + env;
                boolean expected = row[c].equals("valid");
                assertEquals(expected, Hetu.isValid(input, env), where);
                if (expected) {
                    Hetu h = Hetu.parse(input, env);
                    assertEquals(row[c + 1], h.birthDate().toString(), where);
                    assertEquals(row[c + 2], h.sex().code(), where);
                    assertEquals(input, h.text(), where);
                } else {
                    assertEquals("invalid", row[c], where);
                    assertThrows(HetuException.class, () -> Hetu.parse(input, env), where);
                }
                checked++;
            }
        }
        assertEquals(rows.size() * 2, checked);
    }

    @Test
    void onrVerdictMatchesOnrsOwnValidatorInOneBatch() {
        List<String[]> rows = Vectors.read("hetu_onr.tsv");
        List<String> inputs = rows.stream().map(r -> r[0]).collect(Collectors.toList());
        for (Environment env : Environment.values()) {
            int c = env == Environment.PRODUCTION ? 1 : 4;
            HetuResults results = Hetu.validateAll(inputs, env);
            assertEquals(rows.size(), results.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                String where = escaped(row[0]) + " " + env;
                assertEquals(row[c].equals("valid"), results.isValid(i), where);
                if (results.isValid(i)) {
                    assertEquals(row[c + 1], results.birthDate(i).toString(), where);
                    assertEquals(row[c + 2], results.sex(i).code(), where);
                    assertEquals(null, results.code(i), where);
                } else {
                    assertTrue(results.code(i).startsWith("hetu."), where);
                    assertEquals(null, results.birthDate(i), where);
                }
            }
        }
    }

    @Test
    void strictVerdictNeverAcceptsWhatOnrRejects() {
        List<String[]> rows = Vectors.read("hetu_onr.tsv");
        List<String> inputs = rows.stream().map(r -> r[0]).collect(Collectors.toList());
        for (Environment env : Environment.values()) {
            int c = env == Environment.PRODUCTION ? 1 : 4;
            HetuResults strict = Hetu.validateAllStrict(inputs, env);
            for (int i = 0; i < rows.size(); i++) {
                if (strict.isValid(i)) {
                    assertEquals("valid", rows.get(i)[c], escaped(rows.get(i)[0]));
                }
            }
        }
    }

    @Test
    void errorCodesAndWarningsFollowTheContract() {
        List<String[]> rows = Vectors.read("hetu_codes.tsv");
        assertTrue(rows.size() > 40);
        for (String[] row : rows) {
            assertEquals(7, row.length, String.join("|", row));
            String input = row[0];
            Environment env = env(row[1]);
            boolean strict = row[2].equals("strict");
            String code = row[3];
            String where = escaped(input) + " " + row[1] + " " + row[2];
            try {
                Hetu h = strict ? Hetu.parseStrict(input, env) : Hetu.parse(input, env);
                assertEquals("", code, where + ": expected an error");
                assertEquals(row[4], h.birthDate().toString(), where);
                assertEquals(row[5], h.sex().code(), where);
                String warnings = h.warningsOn(TODAY).stream().map(Warning::code).collect(Collectors.joining(","));
                assertEquals(row[6], warnings, where);
            } catch (HetuException e) {
                assertEquals(code, e.code(), where);
            }
            // The batch gives the same code.
            HetuResults batch = strict ? Hetu.validateAllStrict(List.of(input), env) : Hetu.validateAll(List.of(input), env);
            assertEquals(code.isEmpty() ? null : code, batch.code(0), where + " (batch)");
        }
    }

    @Test
    void oidVectors() {
        List<String[]> rows = Vectors.read("oid.tsv");
        assertTrue(rows.size() > 30);
        List<String> inputs = new ArrayList<>();
        for (String[] row : rows) {
            assertEquals(4, row.length, String.join("|", row));
            String input = row[0];
            inputs.add(input);
            String where = escaped(input);
            try {
                Oid.parse(input);
                assertEquals("", row[1], where);
                assertTrue(Oid.isValid(input), where);
            } catch (OidException e) {
                assertEquals(row[1], e.code(), where);
                assertFalse(Oid.isValid(input), where);
            }
            try {
                Oid o = Oid.parseLenient(input);
                assertEquals("", row[2], where);
                assertEquals(row[3], Long.toString(o.node()), where);
                assertEquals(input, o.toString(), "lenient parse keeps the text " + where);
            } catch (OidException e) {
                assertEquals(row[2], e.code(), where);
            }
        }
        List<OidResult> batch = Oid.validateAll(inputs);
        for (int i = 0; i < rows.size(); i++) {
            String expected = rows.get(i)[1];
            assertEquals(expected.isEmpty() ? null : expected, batch.get(i).code(), escaped(inputs.get(i)));
        }
    }

    @Test
    void everyVectorIsAValidFile() {
        for (String name : List.of("hetu_onr.tsv", "hetu_codes.tsv", "oid.tsv")) {
            if (Vectors.read(name).isEmpty()) {
                fail(name + " is empty");
            }
        }
    }

    static String escaped(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u{%X}", cp));
            }
        });
        return b.append('"').toString();
    }
}
