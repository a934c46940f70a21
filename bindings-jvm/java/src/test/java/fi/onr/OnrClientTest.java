package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OnrClient} against a test stand-in: a real HTTP server on 127.0.0.1 started here, with
 * scripted answers (CAS, the edge's Caller-Id/CSRF checks, an import processed after one poll,
 * the feed). It applies none of ONR's rules.
 */
class OnrClientTest {
    private static final String SVC = "/oppijanumerorekisteri-service";
    private static final String ROW = "{\"tunniste\": \"%s\", \"henkilo\": {\"hetu\": \"%s\", \"etunimet\": \"Aino Maria\","
            + " \"kutsumanimi\": \"Aino\", \"sukunimi\": \"Virtanen\", \"kansalaisuus\": [{\"koodi\": \"246\"}]}}";

    private HttpServer server;
    private String url;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private Path credentials;

    @TempDir
    Path dir;

    private void reply(HttpExchange x, int status, String body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            x.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getRawPath();
        String query = x.getRequestURI().getRawQuery();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path + (query == null ? "" : "?" + query) + " " + body);
        String caller = x.getRequestHeaders().getFirst("Caller-Id");
        String cookie = String.valueOf(x.getRequestHeaders().getFirst("Cookie"));
        String csrf = x.getRequestHeaders().getFirst("CSRF");
        if (caller == null || !caller.matches("[A-Za-z0-9.()-]+") || csrf == null || !cookie.contains("CSRF=" + csrf)) {
            reply(x, 403, "edge refused");
            return;
        }
        String key = method + " " + path;
        switch (key) {
            case "POST /cas/v1/tickets" -> reply(x, 201, "", "Location", "/cas/v1/tickets/TGT-1");
            case "POST /cas/v1/tickets/TGT-1" -> reply(x, 200, "ST-1");
            case "GET " + SVC + "/j_spring_cas_security_check" -> reply(x, 200, "", "Set-Cookie", "JSESSIONID=s1; Path=/");
            case "PUT " + SVC + "/oppija" -> reply(x, 200, "{\"id\":5,\"kasiteltavia\":1,\"kasiteltyja\":0,\"kasitelty\":false}");
            case "GET " + SVC + "/oppija/tuonti=5/perustiedot" -> {
                int n = polls.merge(path, 1, Integer::sum);
                reply(x, 200, "{\"id\":5,\"kasiteltavia\":1,\"kasiteltyja\":" + (n > 1 ? 1 : 0) + ",\"kasitelty\":" + (n > 1) + "}");
            }
            case "GET " + SVC + "/oppija/tuonti=5" -> reply(x, 200, "{\"id\":5,\"kasiteltavia\":1,\"kasiteltyja\":1,\"kasitelty\":true,"
                    + "\"henkilot\":[{\"tunniste\":\"t1\",\"henkilo\":{\"oid\":\"1.2.246.562.24.10000000003\",\"luotu\":0},\"conflict\":true}]}");
            case "GET " + SVC + "/oppija/muuttuneet" -> reply(x, 200, "{\"results\":[{\"oid\":\"S\",\"master\":{\"oid\":\"M\"}}]}");
            case "POST " + SVC + "/yleistunniste/hae" -> {
                // Scripted by the surname: found, not found, name mismatch, invalid input.
                if (body.contains("\"Virtanen\"")) {
                    reply(x, 200, "{\"oid\":\"1.2.246.562.24.10000000003\",\"oppijanumero\":\"1.2.246.562.24.10000000003\"}");
                } else if (body.contains("\"Korhonen\"")) {
                    reply(x, 404, "{\"status\":404,\"message\":\"Henkilöä ei löydy\"}");
                } else if (body.contains("\"Nieminen\"")) {
                    reply(x, 409, "{\"status\":409,\"message\":\"Nimet eivät täsmää hetulle 010101A900R\"}");
                } else {
                    reply(x, 400, "{\"message\":\"invalid\",\"fieldErrors\":[{\"field\":\"hetu\",\"code\":\"ValidateHetu\"}]}");
                }
            }
            case "PUT " + SVC + "/yleistunniste" -> reply(x, 200, "{\"id\":6,\"kasiteltavia\":1,\"kasiteltyja\":0,\"kasitelty\":false}");
            case "GET " + SVC + "/yleistunniste/tuonti=6/perustiedot" -> {
                // No progress until the client restarts the batch.
                boolean restarted = requests.stream().anyMatch(s -> s.startsWith("POST " + SVC + "/yleistunniste/tuonti=6 "));
                reply(x, 200, "{\"id\":6,\"kasiteltavia\":1,\"kasiteltyja\":" + (restarted ? 1 : 0) + ",\"kasitelty\":" + restarted + "}");
            }
            case "POST " + SVC + "/yleistunniste/tuonti=6" -> reply(x, 200, "{\"id\":6,\"kasiteltavia\":1,\"kasiteltyja\":0,\"kasitelty\":false}");
            case "GET " + SVC + "/yleistunniste/tuonti=6" -> reply(x, 200, "{\"id\":6,\"kasiteltavia\":1,\"kasiteltyja\":1,\"kasitelty\":true,"
                    + "\"henkilot\":[{\"tunniste\":\"t1\",\"henkilo\":{\"oid\":\"1.2.246.562.24.20000000008\",\"oppijanumero\":\"1.2.246.562.24.10000000003\","
                    + "\"passivoitu\":false,\"linked\":[\"1.2.246.562.24.10000000003\"]},\"conflict\":true}]}");
            case "GET " + SVC + "/yleistunniste/hae/1.2.246.562.24.10000000003" ->
                    reply(x, 200, "{\"oid\":\"1.2.246.562.24.10000000003\",\"oppijanumero\":null,\"passivoitu\":true}");
            default -> reply(x, 404, "{\"message\":\"no scripted route\",\"fieldErrors\":[{\"field\":\"id\",\"code\":\"NotFound\",\"rejectedValue\":\"010101A900R\"}]}");
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            try {
                handle(x);
            } catch (IOException e) {
                x.close();
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        credentials = dir.resolve("onr.env");
        Files.writeString(credentials, "ONR_CAS_USERNAME=svc\nONR_CAS_PASSWORD=pw-secret\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OnrClient client() {
        return OnrClient.open("1.2.246.562.10.00000000001.jvm", "qa", url, credentials, Duration.ofSeconds(5));
    }

    private static OnrClient.SendOptions fast() {
        OnrClient.SendOptions d = OnrClient.SendOptions.defaults();
        return new OnrClient.SendOptions(d.chunkSize(), false, java.util.Optional.of("kirjaamo@example.fi"), false,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
    }

    @Test
    void sendsFollowsAndReports() {
        try (OnrClient c = client()) {
            OnrClient.SendReport r = c.send("{\"henkilot\": [" + String.format(ROW, "t1", "010101A900R") + "]}", fast());
            assertEquals(1, r.sent());
            assertEquals("test", r.environment());
            assertEquals(5, r.chunks().get(0).id());
            assertTrue(r.chunks().get(0).status().kasitelty());
            assertTrue(r.chunks().get(0).results().get(0).conflict());
            assertTrue(requests.stream().anyMatch(s -> s.startsWith("PUT " + SVC + "/oppija ") && s.contains("\"sahkoposti\":\"kirjaamo@example.fi\"")));
            assertEquals(1, c.importResults(5).rows().size());
            assertTrue(c.importStatus(5).kasitelty());
        }
    }

    @Test
    void aBatchOnrWouldRefuseIsNotSent() {
        try (OnrClient c = client()) {
            ClientException e = assertThrows(ClientException.class,
                    () -> c.send("{\"henkilot\": [" + String.format(ROW, "t1", "010101A900X") + "]}", fast()));
            assertEquals("client.rejected", e.code());
            assertEquals(Category.NETWORK, e.category());
            assertFalse(e.getMessage().contains("010101A900X"));
            assertFalse(requests.stream().anyMatch(s -> s.startsWith("PUT ")));
        }
    }

    @Test
    void errorsCarryStatusAndBodyWithoutPersonalData() {
        try (OnrClient c = client()) {
            ClientException e = assertThrows(ClientException.class, () -> c.importStatus(99));
            assertEquals("client.http", e.code());
            assertEquals(404, e.httpStatus().getAsInt());
            assertEquals("no scripted route", e.bodyMessage().orElseThrow());
            assertEquals("NotFound", e.fieldErrors().get(0).code().orElseThrow());
            assertFalse(e.toString().contains("010101A900R"));
            assertFalse(e.toString().contains("pw-secret"));
        }
        ClientException bad = assertThrows(ClientException.class,
                () -> OnrClient.open("bad id", "qa", url, credentials, Duration.ofSeconds(5)));
        assertEquals("client.caller_id", bad.code());
    }

    @Test
    void yleistunnisteOutcomesAreValuesAndTheHetuStaysHidden() {
        try (OnrClient c = client()) {
            OnrClient.HaeOutcome found = c.yleistunnisteHae("010101A900R", "Aino Maria", "Aino", "Virtanen");
            assertEquals(OnrClient.HaeKind.FOUND, found.kind());
            assertEquals("1.2.246.562.24.10000000003", found.oid().orElseThrow());
            assertEquals(OnrClient.HaeKind.NOT_FOUND, c.yleistunnisteHae("010101A900R", "Aino", "Aino", "Korhonen").kind());
            OnrClient.HaeOutcome mismatch = c.yleistunnisteHae("010101A900R", "Aino", "Aino", "Nieminen");
            assertEquals(OnrClient.HaeKind.NAME_MISMATCH, mismatch.kind());
            assertFalse(mismatch.toString().contains("010101A900R"));
            assertTrue(mismatch.oid().isEmpty());
            OnrClient.HaeOutcome rejected = c.yleistunnisteHae("010101A900R", "Aino", "Aino", "Other");
            assertEquals(OnrClient.HaeKind.REJECTED, rejected.kind());
            assertEquals("ValidateHetu", rejected.fieldErrors().get(0).code().orElseThrow());
            assertFalse(rejected.toString().contains("010101A900R"));
            assertTrue(requests.stream().anyMatch(s -> s.startsWith("POST " + SVC + "/yleistunniste/hae ")
                    && s.contains("\"hetu\":\"010101A900R\"") && s.contains("\"kutsumanimi\":\"Aino\"")));
            OnrClient.Student s = c.yleistunnisteOid("1.2.246.562.24.10000000003").orElseThrow();
            assertTrue(s.passivoitu());
            assertTrue(s.oppijanumero().isEmpty());
            assertTrue(c.yleistunnisteOid("1.2.246.562.24.99999999999").isEmpty());
        }
    }

    private static final String YT_ROW = "{\"tunniste\": \"%s\", \"henkilo\": {\"hetu\": \"%s\", \"etunimet\": \"Aino Maria\","
            + " \"kutsumanimi\": \"Aino\", \"sukunimi\": \"Virtanen\"}}";

    @Test
    void aStalledYleistunnisteBatchIsRestartedOnceAndReadWithoutTheHetu() {
        OnrClient.SendOptions d = fast();
        OnrClient.SendOptions stallFast = new OnrClient.SendOptions(d.chunkSize(), false, d.sahkoposti(), false,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(150));
        try (OnrClient c = client()) {
            OnrClient.YleistunnisteReport r = c.yleistunnisteSend("{\"henkilot\": [" + String.format(YT_ROW, "t1", "010101A900R") + "]}", stallFast);
            assertEquals(1, r.sent());
            OnrClient.YleistunnisteChunk chunk = r.chunks().get(0);
            assertEquals(6, chunk.id());
            assertTrue(chunk.restarted());
            assertTrue(chunk.status().kasitelty());
            OnrClient.YleistunnisteRow row = chunk.results().get(0);
            assertEquals("t1", row.tunniste().orElseThrow());
            assertEquals("1.2.246.562.24.10000000003", row.henkilo().orElseThrow().oppijanumero().orElseThrow());
            assertEquals(java.util.Optional.of(true), row.conflict());
            assertFalse(r.toString().contains("010101A900R"));
            assertEquals(1, requests.stream().filter(s -> s.startsWith("PUT " + SVC + "/yleistunniste ")).count());
            assertEquals(1, requests.stream().filter(s -> s.startsWith("POST " + SVC + "/yleistunniste/tuonti=6 ")).count());
            assertTrue(requests.stream().anyMatch(s -> s.startsWith("PUT " + SVC + "/yleistunniste ")
                    && s.contains("\"sahkoposti\":\"kirjaamo@example.fi\"") && s.contains("\"hetu\":\"010101A900R\"")));
            assertTrue(c.yleistunnisteStatus(6).kasitelty());
            assertEquals(1, c.yleistunnisteResults(6).rows().size());
        }
    }

    @Test
    void aYleistunnisteBatchOnrWouldRefuseIsNotSent() {
        try (OnrClient c = client()) {
            ClientException e = assertThrows(ClientException.class,
                    () -> c.yleistunnisteSend("{\"henkilot\": [" + String.format(YT_ROW, " ", "010101A900X") + "]}", fast()));
            assertEquals("client.rejected", e.code());
            assertFalse(e.toString().contains("010101A900X"));
            assertFalse(requests.stream().anyMatch(s -> s.startsWith("PUT ")));
        }
    }

    @Test
    void theFeedGivesEntriesAndAResumableCursor() {
        try (OnrClient c = client()) {
            OnrClient.FeedRun run = c.feed("2024-01-01T00:00:00Z", 10);
            assertEquals(List.of(new OnrClient.FeedEntry("S", "M", false)), run.entries());
            assertTrue(run.cursor().contains("\"page\":1"));
            OnrClient.FeedRun again = c.feed(run.cursor(), 10);
            assertEquals(1, again.entries().size());
            assertTrue(requests.stream().anyMatch(s -> s.contains("muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=1&count=10")));
        }
    }
}
