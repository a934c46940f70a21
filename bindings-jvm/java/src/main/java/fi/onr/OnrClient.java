package fi.onr;

import fi.onr.ffi.NativeClient;
import fi.onr.ffi.NativeClientException;
import fi.onr.ffi.SendOptionsRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of ONR's service API: sends a batch that onr-core checked ({@code PUT /oppija}, in
 * chunks), follows every import to the end, reads the results and audits them against the
 * prediction, and reads the change feed. The protocol is onr-client's (Rust): CAS or OAuth2
 * login, the {@code Caller-Id} and CSRF headers, resends only where safe. Credentials come from
 * a file of {@code KEY=VALUE} lines or the environment ({@code ONR_CAS_USERNAME} +
 * {@code ONR_CAS_PASSWORD}, or {@code ONR_OAUTH2_CLIENT_ID} + {@code ONR_OAUTH2_CLIENT_SECRET}).
 * Failures throw {@link ClientException}.
 *
 * <pre>{@code
 * try (OnrClient client = OnrClient.qa("1.2.246.562.10.00000000001.my-sis")) {
 *     OnrClient.SendReport report = client.send(batchJson, OnrClient.SendOptions.defaults());
 *     report.chunks().get(0).id();   // ONR's import id
 *     report.audit();                // differences from the prediction
 * }
 * }</pre>
 */
public final class OnrClient implements AutoCloseable {
    static {
        NativeLibrary.ensureLoaded();
    }

    /** The timeout of each call unless told (30 s), from onr-client. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(NativeConstants.VALUES.getClientTimeoutMs());

    private final NativeClient inner;

    private OnrClient(NativeClient inner) {
        this.inner = inner;
    }

    /** OPH's QA environment, checked with the test rules. */
    public static OnrClient qa(String callerId) {
        return open(callerId, "qa", null, null, DEFAULT_TIMEOUT);
    }

    /** OPH's production environment. */
    public static OnrClient production(String callerId) {
        return open(callerId, "production", null, null, DEFAULT_TIMEOUT);
    }

    /**
     * Any ONR: {@code env} is {@code "qa"} or {@code "production"} (the rules of the pre-flight
     * check, and the base URL when {@code baseUrl} is null); {@code credentialsFile} may be null
     * (then the environment variables).
     */
    public static OnrClient open(String callerId, String env, String baseUrl, Path credentialsFile, Duration timeout) {
        return new OnrClient(call(() -> new NativeClient(
                callerId,
                env,
                baseUrl,
                credentialsFile == null ? null : credentialsFile.toString(),
                timeout.toMillis())));
    }

    /** The base URL. */
    public String baseUrl() {
        return call(inner::baseUrl);
    }

    /** An import's progress ({@code OppijaTuontiPerustiedotReadDto}). */
    public record ImportStatus(long id, long kasiteltavia, long kasiteltyja, boolean kasitelty) {
        static ImportStatus of(fi.onr.ffi.ImportStatusRecord r) {
            return new ImportStatus(r.getId(), r.getKasiteltavia(), r.getKasiteltyja(), r.getKasitelty());
        }
    }

    /** A result row: the source's tunniste, the person's OID and creation time, the conflict flag. */
    public record ResultRow(Optional<String> tunniste, Optional<String> oid, long luotuMillis, boolean conflict) {
        static ResultRow of(fi.onr.ffi.ResultRowRecord r) {
            return new ResultRow(Optional.ofNullable(r.getTunniste()), Optional.ofNullable(r.getOid()), r.getLuotu(), r.getConflict());
        }
    }

    /** An import's progress and rows. */
    public record ImportResults(ImportStatus status, List<ResultRow> rows) {}

    /** A row the pre-flight check held back, with ONR's reasons ({@code field: key}). */
    public record HeldBack(long index, Optional<String> tunniste, List<String> reasons) {}

    /** One import of a batch. */
    public record Chunk(long id, List<Long> rows, ImportStatus status, boolean restarted, List<ResultRow> results) {}

    /** A difference between the prediction and ONR's result (code {@code audit.*}). */
    public record AuditDiff(long index, Optional<String> tunniste, String code, String detail) {}

    /** The report over every chunk. */
    public record SendReport(String target, String environment, long rows, long sent, List<HeldBack> heldBack, List<Chunk> chunks, List<AuditDiff> audit) {}

    /** A change-feed entry. */
    public record FeedEntry(String oid, String master, boolean passivoitu) {}

    /** One run of the change feed, and the cursor (JSON text) to save and resume from. */
    public record FeedRun(List<FeedEntry> entries, String cursor) {}

    /** How a batch is sent. */
    public record SendOptions(int chunkSize, boolean onlyAccepted, Optional<String> sahkoposti, boolean resendUnconfirmed,
            Duration pollFirst, Duration pollMax, Duration stallAfter) {
        /** 1000 rows a chunk, refuse a batch ONR would refuse, poll from 1 s to 30 s, stalled after 10 min. */
        public static SendOptions defaults() {
            fi.onr.ffi.Constants c = NativeConstants.VALUES;
            return new SendOptions(c.getImportChunkSize(), false, Optional.empty(), false, Duration.ofMillis(c.getPollFirstMs()),
                    Duration.ofMillis(c.getPollMaxMs()), Duration.ofMillis(c.getPollStallAfterMs()));
        }

        SendOptionsRecord ffi() {
            return new SendOptionsRecord(chunkSize, onlyAccepted, sahkoposti.orElse(null), resendUnconfirmed,
                    pollFirst.toMillis(), pollMax.toMillis(), stallAfter.toMillis());
        }
    }

    /**
     * Checks a batch (ONR's import JSON) with onr-core's import check, sends it, follows every
     * import to the end and audits the results.
     *
     * @throws ClientException {@code client.config} (nothing sent) when {@code json} is not an
     *     import batch or ONR cannot read its own fields ({@code henkilot} not an array,
     *     {@code sahkoposti} an object); {@code client.rejected} (nothing sent) when ONR would
     *     refuse the batch and {@link SendOptions#onlyAccepted()} is off; the codes of the calls
     *     otherwise
     */
    public SendReport send(String json, SendOptions options) {
        fi.onr.ffi.SendReportRecord r = call(() -> inner.send(Text.wellFormed(json), options.ffi()));
        return new SendReport(
                r.getTarget(),
                r.getEnvironment(),
                r.getRows(),
                r.getSent(),
                r.getHeldBack().stream().map(h -> new HeldBack(h.getIndex(), Optional.ofNullable(h.getTunniste()), List.copyOf(h.getReasons()))).toList(),
                r.getChunks().stream().map(c -> new Chunk(c.getId(), List.copyOf(c.getRows()), ImportStatus.of(c.getStatus()), c.getRestarted(),
                        c.getResults().stream().map(ResultRow::of).toList())).toList(),
                r.getAudit().stream().map(d -> new AuditDiff(d.getIndex(), Optional.ofNullable(d.getTunniste()), d.getCode(), d.getDetail())).toList());
    }

    /** {@code GET .../oppija/tuonti={id}/perustiedot}. */
    public ImportStatus importStatus(long id) {
        return ImportStatus.of(call(() -> inner.importStatus(id)));
    }

    /** {@code GET .../oppija/tuonti={id}}. */
    public ImportResults importResults(long id) {
        fi.onr.ffi.ImportResultsRecord r = call(() -> inner.importResults(id));
        return new ImportResults(ImportStatus.of(r.getStatus()), r.getRows().stream().map(ResultRow::of).toList());
    }

    /** {@code POST .../oppija/tuonti={id}}: restarts a stalled import. */
    public ImportStatus restartImport(long id) {
        return ImportStatus.of(call(() -> inner.restartImport(id)));
    }

    /**
     * One run of the change feed from {@code cursor}: the cursor text of an earlier run, or an
     * ISO 8601 time to start from.
     */
    public FeedRun feed(String cursor, int count) {
        fi.onr.ffi.FeedRunRecord r = call(() -> inner.feed(cursor, count));
        return new FeedRun(r.getEntries().stream().map(e -> new FeedEntry(e.getOid(), e.getMaster(), e.getPassivoitu())).toList(), r.getCursor());
    }

    /** What {@link #yleistunnisteHae} answered. */
    public enum HaeKind {
        /** Found or created (200). */
        FOUND,
        /** No person with the hetu and names could be found or created (404). */
        NOT_FOUND,
        /** The names do not match the person of the hetu (409). */
        NAME_MISMATCH,
        /** ONR refused the input (400): the field errors say which field and rule. */
        REJECTED
    }

    /**
     * The answer of {@code POST .../yleistunniste/hae}: the OID and learner number when
     * {@link HaeKind#FOUND}, else ONR's message and field errors (hetus redacted).
     */
    public record HaeOutcome(HaeKind kind, Optional<String> oid, Optional<String> oppijanumero, Optional<String> message,
            List<ClientException.FieldError> fieldErrors) {}

    /** A person by OID: its learner number, passivation and linked OIDs. */
    public record Student(String oid, Optional<String> oppijanumero, boolean passivoitu, List<String> linked) {}

    /**
     * {@code POST .../yleistunniste/hae}: finds or creates the person of a hetu and names. Not
     * found (404), a name mismatch (409) and refused input (400) are outcomes, not exceptions.
     * Never resent once sent.
     *
     * @throws ClientException for any other failure
     * @throws NullPointerException if an argument is null
     */
    public HaeOutcome yleistunnisteHae(String hetu, String etunimet, String kutsumanimi, String sukunimi) {
        Objects.requireNonNull(hetu, "hetu");
        Objects.requireNonNull(etunimet, "etunimet");
        Objects.requireNonNull(kutsumanimi, "kutsumanimi");
        Objects.requireNonNull(sukunimi, "sukunimi");
        fi.onr.ffi.HaeOutcomeRecord r = call(() -> inner.yleistunnisteHae(
                Text.wellFormed(hetu), Text.wellFormed(etunimet), Text.wellFormed(kutsumanimi), Text.wellFormed(sukunimi)));
        HaeKind kind = switch (r.getKind()) {
            case FOUND -> HaeKind.FOUND;
            case NOT_FOUND -> HaeKind.NOT_FOUND;
            case NAME_MISMATCH -> HaeKind.NAME_MISMATCH;
            case REJECTED -> HaeKind.REJECTED;
        };
        return new HaeOutcome(kind, Optional.ofNullable(r.getOid()), Optional.ofNullable(r.getOppijanumero()),
                Optional.ofNullable(r.getMessage()), fieldErrors(r.getFieldErrors()));
    }

    /**
     * {@code GET .../yleistunniste/hae/{oid}}: the person, or empty when ONR has none (404).
     *
     * @throws NullPointerException if {@code oid} is null
     */
    public Optional<Student> yleistunnisteOid(String oid) {
        Objects.requireNonNull(oid, "oid");
        fi.onr.ffi.StudentRecord r = call(() -> inner.yleistunnisteOid(Text.wellFormed(oid)));
        return Optional.ofNullable(r).map(OnrClient::student);
    }

    private static Student student(fi.onr.ffi.StudentRecord s) {
        return new Student(s.getOid(), Optional.ofNullable(s.getOppijanumero()), s.getPassivoitu(), List.copyOf(s.getLinked()));
    }

    /** A row of a yleistunniste batch's results: the source's tunniste, the person's identifiers, ONR's conflict flag (no hetu). */
    public record YleistunnisteRow(Optional<String> tunniste, Optional<Student> henkilo, Optional<Boolean> conflict) {
        static YleistunnisteRow of(fi.onr.ffi.YleistunnisteRowRecord r) {
            return new YleistunnisteRow(Optional.ofNullable(r.getTunniste()), Optional.ofNullable(r.getHenkilo()).map(OnrClient::student),
                    Optional.ofNullable(r.getConflict()));
        }
    }

    /** A yleistunniste batch's progress and rows. */
    public record YleistunnisteResults(ImportStatus status, List<YleistunnisteRow> rows) {}

    /** One {@code PUT .../yleistunniste} of a batch. */
    public record YleistunnisteChunk(long id, List<Long> rows, ImportStatus status, boolean restarted, List<YleistunnisteRow> results) {}

    /** The report of {@link #yleistunnisteSend} over every chunk. */
    public record YleistunnisteReport(String target, String environment, long rows, long sent, List<HeldBack> heldBack,
            List<YleistunnisteChunk> chunks) {}

    /**
     * {@code PUT .../yleistunniste}: checks a batch (ONR's {@code YleistunnisteInput} JSON:
     * {@code {"sahkoposti", "henkilot": [{"tunniste", "henkilo": {"hetu", "etunimet",
     * "kutsumanimi", "sukunimi"}}]}}) with onr-core's rules of that endpoint, sends it in chunks,
     * follows each to the end (a stalled one is restarted once) and reads the rows. The options
     * are {@link #send}'s; their {@code sahkoposti} overrides the JSON's. A {@code PUT} whose body
     * went out is not resent unless {@link SendOptions#resendUnconfirmed()}.
     *
     * @throws ClientException {@code client.rejected} (nothing sent) when ONR would refuse the
     *     batch and {@link SendOptions#onlyAccepted()} is off; {@code client.stalled} after a
     *     second stall; the codes of the calls otherwise
     */
    public YleistunnisteReport yleistunnisteSend(String json, SendOptions options) {
        Objects.requireNonNull(json, "json");
        fi.onr.ffi.YleistunnisteReportRecord r = call(() -> inner.yleistunnisteSend(Text.wellFormed(json), options.ffi()));
        return new YleistunnisteReport(
                r.getTarget(),
                r.getEnvironment(),
                r.getRows(),
                r.getSent(),
                r.getHeldBack().stream().map(h -> new HeldBack(h.getIndex(), Optional.ofNullable(h.getTunniste()), List.copyOf(h.getReasons()))).toList(),
                r.getChunks().stream().map(c -> new YleistunnisteChunk(c.getId(), List.copyOf(c.getRows()), ImportStatus.of(c.getStatus()),
                        c.getRestarted(), c.getResults().stream().map(YleistunnisteRow::of).toList())).toList());
    }

    /** {@code GET .../yleistunniste/tuonti={id}/perustiedot}: a batch's progress. */
    public ImportStatus yleistunnisteStatus(long id) {
        return ImportStatus.of(call(() -> inner.yleistunnisteStatus(id)));
    }

    /** {@code GET .../yleistunniste/tuonti={id}}: a batch's progress and rows. */
    public YleistunnisteResults yleistunnisteResults(long id) {
        fi.onr.ffi.YleistunnisteResultsRecord r = call(() -> inner.yleistunnisteResults(id));
        return new YleistunnisteResults(ImportStatus.of(r.getStatus()), r.getRows().stream().map(YleistunnisteRow::of).toList());
    }

    /** {@code POST .../yleistunniste/tuonti={id}}: restarts a stalled batch. */
    public ImportStatus restartYleistunniste(long id) {
        return ImportStatus.of(call(() -> inner.restartYleistunniste(id)));
    }

    private static List<ClientException.FieldError> fieldErrors(List<fi.onr.ffi.FieldErrorRecord> errors) {
        return errors.stream().map(f -> new ClientException.FieldError(f.getField(), Optional.ofNullable(f.getCode()),
                Optional.ofNullable(f.getMessage()))).toList();
    }

    /** Frees the native client. */
    @Override
    public void close() {
        inner.close();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (NativeClientException.Failed e) {
            Category category = Category.of(e.getCategory());
            if (category == Category.INTERNAL) {
                // A panic caught by the native shield: onr-core's fixed text, no HTTP status.
                throw OnrException.of(e.getCode(), category, e.getMessageEn(), e.getMessageFi(), e.getMessageSv(), -1);
            }
            throw new ClientException(e.getCode(), category, e.getMessageEn(), e.getMessageFi(), e.getMessageSv(), e.getHttpStatus(),
                    e.getBodyMessage(), fieldErrors(e.getFieldErrors()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw OnrException.internal(e);
        }
    }
}
