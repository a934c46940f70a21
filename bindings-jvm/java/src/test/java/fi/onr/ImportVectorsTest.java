package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared import vectors ({@code tests/vectors/import_onr.json}: ONR's own test cases and
 * cases computed from its rules), through {@link ImportCheck}, compared exactly as the Rust
 * suite compares them (onr-core/tests/import_vectors.rs): batch errors and per-row verdict and
 * errors as {@code {field, key, message}} with ONR's own messages, the lint codes of each row
 * in order, and the listed fields of each row's action.
 */
class ImportVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            for (JsonNode s : n) {
                if (s.isTextual()) {
                    out.add(s.asText());
                }
            }
        }
        return out;
    }

    static ArrayNode errors(List<ImportCheck.VerdictError> errors) {
        ArrayNode out = NODES.arrayNode();
        for (ImportCheck.VerdictError e : errors) {
            ObjectNode o = out.addObject();
            o.put("field", e.field());
            o.put("key", e.key());
            if (e.onrMessage().isPresent()) {
                o.put("message", e.onrMessage().get());
            } else {
                o.putNull("message");
            }
        }
        return out;
    }

    static String run(JsonNode c) throws IOException {
        Environment env = c.get("env").asText().equals("production") ? Environment.PRODUCTION : Environment.TEST;
        ImportCheck.Options options = ImportCheck.Options.defaults();
        JsonNode koodisto = c.get("koodisto");
        if (koodisto != null) {
            for (var it = koodisto.fields(); it.hasNext(); ) {
                var e = it.next();
                options = options.withCodes(e.getKey(), strings(e.getValue()));
            }
        }
        JsonNode existing = c.get("existing");
        if (existing != null) {
            List<ImportCheck.Existing> persons = new ArrayList<>();
            for (JsonNode p : existing) {
                persons.add(ImportCheck.Existing.of(p.get("oid").asText())
                        .withHetu(p.hasNonNull("hetu") ? p.get("hetu").asText() : null, strings(p.get("hetu_history")))
                        .withIdentifiers(strings(p.get("passinumerot")), strings(p.get("sahkopostit")))
                        .withNames(p.path("etunimet").asText(""), p.path("sukunimi").asText("")));
            }
            options = options.withExisting(persons);
        }
        ImportCheck.Report report = ImportCheck.check(JSON.writeValueAsString(c.get("batch")), env, options);
        JsonNode expect = c.get("expect");
        ArrayNode batchErrors = errors(report.batchErrors());
        if (!batchErrors.equals(expect.get("batch_errors"))) {
            return "batch errors " + batchErrors;
        }
        ArrayNode rows = NODES.arrayNode();
        for (ImportCheck.Row r : report.rows()) {
            ObjectNode o = rows.addObject();
            o.put("verdict", r.isAccepted() ? "accepted" : "rejected");
            o.set("errors", errors(r.errors()));
        }
        if (!rows.equals(expect.get("rows"))) {
            return "rows " + rows;
        }
        JsonNode warnings = c.get("warnings");
        if (warnings != null) {
            for (int i = 0; i < warnings.size(); i++) {
                List<String> got = new ArrayList<>();
                for (Warning w : report.rows().get(i).warnings()) {
                    got.add(w.code());
                }
                if (!strings(warnings.get(i)).equals(got)) {
                    return "row " + i + " warnings " + got;
                }
            }
        }
        JsonNode actions = c.get("actions");
        if (actions != null) {
            for (int i = 0; i < actions.size(); i++) {
                ImportCheck.Row r = report.rows().get(i);
                ObjectNode got = NODES.objectNode();
                got.put("kind", r.action());
                got.set("by", r.actionBy().<JsonNode>map(NODES::textNode).orElse(NODES.nullNode()));
                got.set("oid", r.actionOid().<JsonNode>map(NODES::textNode).orElse(NODES.nullNode()));
                got.set("row", r.actionRow().<JsonNode>map(NODES::numberNode).orElse(NODES.nullNode()));
                got.set("conflict", r.actionConflict().<JsonNode>map(NODES::booleanNode).orElse(NODES.nullNode()));
                for (var it = actions.get(i).fields(); it.hasNext(); ) {
                    var e = it.next();
                    JsonNode want = e.getValue();
                    JsonNode have = got.get(e.getKey());
                    boolean same = want.isNumber() && have.isNumber() ? want.asLong() == have.asLong() : want.equals(have);
                    if (!same) {
                        return "row " + i + " action " + got;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void onrTestCasesAndComputedCases() throws IOException {
        JsonNode doc = JSON.readTree(Vectors.dir().resolve("import_onr.json").toFile());
        JsonNode cases = doc.get("cases");
        assertTrue(cases.size() >= 60, "cases: " + cases.size());
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String why = run(c);
            if (why != null) {
                failures.add(c.get("name").asText() + ": " + why);
            }
        }
        assertEquals(List.of(), failures);
    }

    /** A report's errors in the recorded answers' shape: bean errors sorted, none for a 500. */
    static ObjectNode answer(int status, String stage, List<ImportCheck.VerdictError> errors, String own) {
        List<ObjectNode> list = new ArrayList<>();
        if (stage != null && !stage.equals("server")) {
            for (ImportCheck.VerdictError e : errors) {
                ObjectNode o = NODES.objectNode();
                String field = e.field();
                if (own != null && field.startsWith(own)) {
                    field = "henkilot[0]" + field.substring(own.length());
                }
                o.put("field", field);
                o.put("code", e.key());
                if (e.onrMessage().isPresent()) {
                    o.put("message", e.onrMessage().get());
                } else {
                    o.putNull("message");
                }
                list.add(o);
            }
        }
        if ("bean_validation".equals(stage)) {
            list.sort((a, b) -> (a.get("field").asText() + "\u0000" + a.get("code").asText() + "\u0000"
                            + a.get("message").asText(""))
                    .compareTo(b.get("field").asText() + "\u0000" + b.get("code").asText() + "\u0000"
                            + b.get("message").asText("")));
        }
        ObjectNode out = NODES.objectNode();
        out.put("status", status);
        if (stage == null) {
            out.putNull("stage");
        } else {
            out.put("stage", stage);
        }
        out.set("errors", NODES.arrayNode().addAll(list));
        return out;
    }

    static ObjectNode expected(JsonNode a) {
        ObjectNode out = NODES.objectNode();
        out.set("status", a.get("status"));
        out.set("stage", a.get("stage"));
        out.set("errors", a.get("errors"));
        return out;
    }

    @Test
    void onrRecordedAnswers() throws IOException {
        // tests/vectors/import_onr_recorded.json: ONR's own request stack answered these
        // batches (the whole batch, and each row alone).
        JsonNode doc = JSON.readTree(Vectors.dir().resolve("import_onr_recorded.json").toFile());
        JsonNode cases = doc.get("cases");
        assertTrue(cases.size() >= 1000, "cases: " + cases.size());
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < cases.size(); n++) {
            JsonNode c = cases.get(n);
            Environment env = c.get("env").asText().equals("production") ? Environment.PRODUCTION : Environment.TEST;
            ImportCheck.Report report = ImportCheck.check(c.get("body").asText(), env);
            ObjectNode got = answer(report.httpStatus(), report.stage().orElse(null), report.answer(), null);
            if (!got.equals(expected(c.get("answer")))) {
                mismatches.add(n + " batch " + got);
            }
            JsonNode rows = c.get("rows");
            assertEquals(rows.size(), report.rows().size(), "case " + n);
            for (int i = 0; i < rows.size(); i++) {
                ImportCheck.Row r = report.rows().get(i);
                String stage = r.errors().isEmpty() ? null : r.errors().get(0).stage();
                int status = stage == null ? 200 : stage.equals("server") ? 500 : 400;
                ObjectNode row = answer(status, stage, r.errors(), "henkilot[" + r.index() + "]");
                if (!row.equals(expected(rows.get(i)))) {
                    mismatches.add(n + " row " + i + " " + row);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void laterListsWhatOnrSaysNext() {
        String body = "{\"henkilot\": [{\"henkilo\": {\"syntymaaika\": [2005, 3, 14], \"kansalaisuus\": [\"246\"],"
                + " \"etunimet\": \"\", \"kutsumanimi\": \"A\", \"sukunimi\": \"B\", \"passinumero\": \"X\"}}]}";
        ImportCheck.Report report = ImportCheck.check(body, Environment.PRODUCTION);
        ImportCheck.Row row = report.rows().get(0);
        assertEquals(List.of("henkilot[0].henkilo.syntymaaika"), row.errors().stream().map(ImportCheck.VerdictError::field).toList());
        assertEquals(List.of("deserialization", "bean_validation"), row.later().stream().map(ImportCheck.VerdictError::stage).toList());
        assertEquals(List.of("henkilot[0].henkilo.kansalaisuus[0]", "henkilot[0].henkilo.etunimet"),
                row.later().stream().map(ImportCheck.VerdictError::field).toList());
        assertEquals(Optional.of("deserialization"), report.stage());
        assertEquals(1, report.answer().size());
    }

    @Test
    void emailRules() {
        // tests/vectors/import_email.tsv: `import` is ONR's @Email on import rows.
        int n = 0;
        for (String[] r : Vectors.read("import_email.tsv")) {
            String input = r[0];
            String json = "{\"henkilot\":[{\"henkilo\":{\"etunimet\":\"A\",\"kutsumanimi\":\"A\",\"sukunimi\":\"B\","
                    + "\"sahkoposti\":" + JSON.valueToTree(input) + "}}]}";
            ImportCheck.Report report = ImportCheck.check(json, Environment.TEST);
            boolean emailError = report.rows().get(0).errors().stream().anyMatch(e -> e.key().equals("Email"));
            assertEquals(r[1].equals("true"), !emailError, VectorsTest.escaped(input));
            n++;
        }
        assertTrue(n >= 30);
    }
}
