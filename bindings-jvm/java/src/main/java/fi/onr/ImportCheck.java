package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IMPORT (oppijoiden tuonti, ONR's batch import of learners, {@code PUT /oppija}): ONR's
 * verdict on a whole batch before it is sent, with ONR's own field paths, keys and messages,
 * plus warnings about data ONR accepts but loses or mixes up, and what ONR will do with
 * each row. One bad row makes ONR reject the whole batch.
 *
 * <pre>{@code
 * ImportCheck.Report report = ImportCheck.check(json, Environment.PRODUCTION);
 * report.isAccepted();            // false
 * report.rows().get(0).errors();  // field "henkilot[0].henkilo.hetu", key, code, messages
 * }</pre>
 */
public final class ImportCheck {
    private ImportCheck() {}

    /**
     * Checks a batch in ONR's JSON with the bundled code lists.
     *
     * @throws ImportException if the text is not a JSON object at all
     */
    public static Report check(String json, Environment env) {
        return new Report(Ffi.call(() -> Onr_jvmKt.importCheckJson(Text.wellFormed(json), env.ffi())));
    }

    /** {@link #check(String, Environment)} for {@link Environment#PRODUCTION}. */
    public static Report check(String json) {
        return check(json, Environment.PRODUCTION);
    }

    /** The report of a whole batch. */
    public static final class Report {
        private final boolean accepted;
        private final int httpStatus;
        private final List<Row> rows;
        private final List<Error> batchErrors;

        Report(fi.onr.ffi.ImportReport r) {
            this.accepted = r.getAccepted();
            this.httpStatus = r.getHttpStatus();
            List<Row> rows = new ArrayList<>(r.getRows().size());
            for (fi.onr.ffi.ImportRow row : r.getRows()) {
                rows.add(new Row(row));
            }
            this.rows = Collections.unmodifiableList(rows);
            this.batchErrors = ImportCheck.errors(r.getBatchErrors());
        }

        /** Whether ONR accepts the batch. */
        public boolean isAccepted() {
            return accepted;
        }

        /** The HTTP status ONR answers with: 200, 400 or 500. */
        public int httpStatus() {
            return httpStatus;
        }

        /** One report per row, in order. */
        public List<Row> rows() {
            return rows;
        }

        /** Errors of the batch itself (e-mail address, number of rows, unreadable fields). */
        public List<Error> batchErrors() {
            return batchErrors;
        }
    }

    /** The report of one row. */
    public static final class Row {
        private final long index;
        private final long line;
        private final String tunniste;
        private final List<Error> errors;
        private final List<Warning> warnings;
        private final String action;
        private final String actionOid;

        Row(fi.onr.ffi.ImportRow r) {
            this.index = r.getIndex();
            this.line = r.getLine();
            this.tunniste = r.getTunniste();
            this.errors = ImportCheck.errors(r.getErrors());
            this.warnings = Hetu.warnings(r.getWarnings());
            this.action = r.getAction();
            this.actionOid = r.getActionOid();
        }

        /** The 0-based index of the row in the batch. */
        public long index() {
            return index;
        }

        /** The 1-based line of the row in the input, if known. */
        public Optional<Long> line() {
            return line < 0 ? Optional.empty() : Optional.of(line);
        }

        /** The sender's own identifier of the row ({@code tunniste}), if any. */
        public Optional<String> tunniste() {
            return Optional.ofNullable(tunniste);
        }

        /** Whether ONR accepts this row. */
        public boolean isAccepted() {
            return errors.isEmpty();
        }

        /** ONR's errors on this row. */
        public List<Error> errors() {
            return errors;
        }

        /** Problems ONR does not reject but that lose or mix up data. */
        public List<Warning> warnings() {
            return warnings;
        }

        /** What ONR will do with the row: {@code none}, {@code match}, {@code create}, ... */
        public String action() {
            return action;
        }

        /** The existing person's OID, for {@code match}. */
        public Optional<String> actionOid() {
            return Optional.ofNullable(actionOid);
        }
    }

    /** One error of ONR's verdict: ONR's field path and message key, and onr-core's code. */
    public static final class Error {
        private final String field;
        private final String key;
        private final OnrException problem;

        Error(fi.onr.ffi.ImportError e) {
            this.field = e.getField();
            this.key = e.getKey();
            this.problem = OnrException.of(e.getProblem());
        }

        /** ONR's field path, e.g. {@code henkilot[0].henkilo.hetu}. */
        public String field() {
            return field;
        }

        /** ONR's message key. */
        public String key() {
            return key;
        }

        /** onr-core's stable code. */
        public String code() {
            return problem.code();
        }

        /** The category. */
        public Category category() {
            return problem.category();
        }

        /** The message in Finnish, Swedish or English. */
        public String message(Locale locale) {
            return problem.message(locale);
        }

        @Override
        public String toString() {
            return field + ": " + code();
        }
    }

    static List<Error> errors(List<fi.onr.ffi.ImportError> errors) {
        List<Error> out = new ArrayList<>(errors.size());
        for (fi.onr.ffi.ImportError e : errors) {
            out.add(new Error(e));
        }
        return Collections.unmodifiableList(out);
    }
}
