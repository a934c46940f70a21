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

    /**
     * Checks a batch in ONR's JSON with other code lists and/or the persons ONR already has
     * (then each row's action is certain, as with {@code onr check --existing}).
     *
     * @throws ImportException if the text is not a JSON object at all
     */
    public static Report check(String json, Environment env, Options options) {
        return new Report(Ffi.call(() -> Onr_jvmKt.importCheckJsonWith(Text.wellFormed(json), env.ffi(), options.ffi())));
    }

    /**
     * Checks a batch given as CSV, as {@code onr check} checks a CSV file: one row per learner
     * under a header line naming some of the columns {@code tunniste}, {@code oid},
     * {@code hetu}, {@code passinumero}, {@code sahkoposti}, {@code etunimet},
     * {@code kutsumanimi}, {@code sukunimi}, {@code syntymaaika} ({@code yyyy-MM-dd}),
     * {@code sukupuoli}, {@code aidinkieli}, {@code kansalaisuus} (codes separated by
     * {@code ;}); each row is read as the JSON row it stands for and gets the same verdict.
     * The delimiter guessed from the header line as {@code onr check} guesses it ({@code ,}
     * for every header with a comma, else a tab or {@code ;}), empty cells null, no batch
     * e-mail address; see
     * {@link #checkCsv(String, Environment, CsvOptions, Options)}.
     *
     * <pre>{@code
     * ImportCheck.Report r = ImportCheck.checkCsv("tunniste,hetu
S1,010101A900R
", Environment.TEST);
     * r.rows().get(0).line();        // Optional[2]
     * r.unknownColumns();            // []
     * }</pre>
     *
     * @throws ImportException {@code import.csv.no_columns} when the header names no known
     *     column, {@code import.csv.io} when the text is not CSV
     */
    public static Report checkCsv(String csv, Environment env) {
        return checkCsv(csv, env, CsvOptions.defaults(), Options.defaults());
    }

    /**
     * {@link #checkCsv(String, Environment)} with a delimiter, the mapping of empty cells, the
     * batch's e-mail address, other code lists and/or the persons ONR already has.
     *
     * @throws ImportException {@code import.csv.no_columns} when the header names no known
     *     column, {@code import.csv.io} when the text is not CSV, {@code input.csv.delimiter}
     *     when the delimiter is not an ASCII character
     */
    public static Report checkCsv(String csv, Environment env, CsvOptions csvOptions, Options options) {
        return new Report(Ffi.call(() -> Onr_jvmKt.importCheckCsv(Text.wellFormed(csv), env.ffi(), csvOptions.ffi(), options.ffi())));
    }

    /**
     * How a CSV batch is read, and its e-mail address (which CSV has no place for, as
     * {@code onr check --sahkoposti}); immutable.
     *
     * <pre>{@code
     * ImportCheck.CsvOptions.defaults().withDelimiter(';').withEmptyAsEmptyString(true).withSahkoposti("a@b.fi");
     * }</pre>
     */
    public static final class CsvOptions {
        private final char delimiter;
        private final boolean emptyAsEmptyString;
        private final String sahkoposti;

        private CsvOptions(char delimiter, boolean emptyAsEmptyString, String sahkoposti) {
            this.delimiter = delimiter;
            this.emptyAsEmptyString = emptyAsEmptyString;
            this.sahkoposti = sahkoposti;
        }

        /**
         * The delimiter guessed from the header line (onr-core's rule, as {@code onr check}
         * without {@code --delimiter}: {@code ,} whenever the header has a comma, else a tab or
         * {@code ;} when it has one), empty cells null, no e-mail address. (Before 0.2 the
         * default was always {@code ,}; a header with a comma still reads so.)
         */
        public static CsvOptions defaults() {
            return new CsvOptions('\0', false, null);
        }

        /**
         * These options with another field delimiter (e.g. {@code ';'} or {@code '\t'});
         * {@code '\0'} guesses it from the header line, as {@link #defaults()} does. The
         * delimiter must be an ASCII character other than a quote or a line break: onr-core's rule, checked by
         * {@link ImportCheck#checkCsv(String, Environment, CsvOptions, Options)}, which throws
         * an {@link ImportException} {@code input.csv.delimiter} for any other (as
         * {@code onr check --delimiter}).
         */
        public CsvOptions withDelimiter(char delimiter) {
            return new CsvOptions(delimiter, emptyAsEmptyString, sahkoposti);
        }

        /**
         * These options with empty cells of text columns read as {@code ""} and an empty
         * {@code kansalaisuus} as {@code []} (what a converter that writes every column sends),
         * instead of null; an empty {@code syntymaaika}, {@code sukupuoli} or {@code aidinkieli}
         * is null either way.
         */
        public CsvOptions withEmptyAsEmptyString(boolean yes) {
            return new CsvOptions(delimiter, yes, sahkoposti);
        }

        /** These options with the batch's {@code sahkoposti} ({@code null}: none). */
        public CsvOptions withSahkoposti(String sahkoposti) {
            return new CsvOptions(delimiter, emptyAsEmptyString, sahkoposti == null ? null : Text.wellFormed(sahkoposti));
        }

        fi.onr.ffi.ImportCsvOptions ffi() {
            return new fi.onr.ffi.ImportCsvOptions(delimiter, emptyAsEmptyString, sahkoposti);
        }
    }

    /** What a check knows beyond the batch; immutable, built with the {@code with...} methods. */
    public static final class Options {
        private final List<String> kieli;
        private final List<String> maatjavaltiot2;
        private final List<String> sukupuoli;
        private final List<Existing> existing;
        private final String koodistoFile;
        private final fi.onr.ffi.ExistingFileInput existingFile;

        private Options(List<String> kieli, List<String> maatjavaltiot2, List<String> sukupuoli, List<Existing> existing,
                String koodistoFile, fi.onr.ffi.ExistingFileInput existingFile) {
            this.kieli = kieli;
            this.maatjavaltiot2 = maatjavaltiot2;
            this.sukupuoli = sukupuoli;
            this.existing = existing;
            this.koodistoFile = koodistoFile;
            this.existingFile = existingFile;
        }

        /** The bundled code lists, the persons ONR has unknown. */
        public static Options defaults() {
            return new Options(null, null, null, null, null, null);
        }

        /**
         * These options with a code list ({@code kieli}, {@code maatjavaltiot2} or
         * {@code sukupuoli}) instead of the bundled one.
         *
         * @throws IllegalArgumentException for another koodisto
         */
        public Options withCodes(String koodisto, List<String> codes) {
            List<String> c = clean(codes);
            switch (koodisto) {
                case "kieli":
                    return new Options(c, maatjavaltiot2, sukupuoli, existing, koodistoFile, existingFile);
                case "maatjavaltiot2":
                    return new Options(kieli, c, sukupuoli, existing, koodistoFile, existingFile);
                case "sukupuoli":
                    return new Options(kieli, maatjavaltiot2, c, existing, koodistoFile, existingFile);
                default:
                    throw new IllegalArgumentException("unknown koodisto " + koodisto + ": expected kieli, maatjavaltiot2 or sukupuoli");
            }
        }

        /**
         * These options with the persons ONR has (an empty list: ONR has nobody); replaces an
         * {@link #withExistingFile existing-persons file}.
         */
        public Options withExisting(List<Existing> persons) {
            return new Options(kieli, maatjavaltiot2, sukupuoli, List.copyOf(persons), koodistoFile, null);
        }

        /**
         * These options with the persons ONR has from an existing-persons file, as
         * {@code onr check --existing FILE} and Python's {@code check_import(existing=PATH)}
         * read it (by onr-core): a {@code .json} file is an array of ONR person records, any
         * other file a CSV with an {@code oid} column and optional {@code hetu},
         * {@code hetu_history}, {@code passinumerot}, {@code sahkopostit} (lists separated by
         * {@code ;}), {@code etunimet}, {@code sukunimi}, {@code kutsumanimi},
         * {@code syntymaaika}, {@code passivoitu}, {@code duplicate}. With names and birth
         * dates, rows also get the existing persons ONR's duplicate search finds
         * ({@code import.lint.existing_duplicates}). Replaces {@link #withExisting}. The file
         * is read now and parsed when a check runs: a bad file makes the check throw
         * {@link OnrException} ({@code import.existing.*}, {@code input.*} or {@code cell.*}).
         *
         * @throws java.io.UncheckedIOException if the file cannot be read
         */
        public Options withExistingFile(java.nio.file.Path file) {
            fi.onr.ffi.ExistingFileInput input = new fi.onr.ffi.ExistingFileInput(fileName(file), readBytes(file));
            return new Options(kieli, maatjavaltiot2, sukupuoli, null, koodistoFile, input);
        }

        /**
         * These options with the code lists of a koodisto file written by
         * {@code onr koodisto update} (read by onr-core, as {@code onr check --koodisto} and
         * Python's {@code check_import(koodisto=PATH)} read it). A list given with
         * {@link #withCodes} still replaces the file's. The file is read now; it is parsed when
         * a check runs, and a bad file makes the check throw {@link OnrException} with a
         * {@code koodisto.file.*} code.
         *
         * @throws java.io.UncheckedIOException if the file cannot be read
         */
        public Options withKoodistoFile(java.nio.file.Path file) {
            String text;
            try {
                text = java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
            return new Options(kieli, maatjavaltiot2, sukupuoli, existing, Text.wellFormed(text), existingFile);
        }

        fi.onr.ffi.ImportOptions ffi() {
            List<fi.onr.ffi.ExistingPersonValue> e = null;
            if (existing != null) {
                e = new ArrayList<>(existing.size());
                for (Existing p : existing) {
                    e.add(p.ffi());
                }
            }
            return new fi.onr.ffi.ImportOptions(kieli, maatjavaltiot2, sukupuoli, e, koodistoFile, existingFile);
        }
    }

    /** A person ONR already has, as the import looks it up; immutable. */
    public static final class Existing {
        private final String oid;
        private final String hetu;
        private final List<String> hetuHistory;
        private final List<String> passinumerot;
        private final List<String> sahkopostit;
        private final String etunimet;
        private final String sukunimi;

        private Existing(String oid, String hetu, List<String> hetuHistory, List<String> passinumerot,
                List<String> sahkopostit, String etunimet, String sukunimi) {
            this.oid = oid;
            this.hetu = hetu;
            this.hetuHistory = hetuHistory;
            this.passinumerot = passinumerot;
            this.sahkopostit = sahkopostit;
            this.etunimet = etunimet;
            this.sukunimi = sukunimi;
        }

        /** A person with only an OID. */
        public static Existing of(String oid) {
            return new Existing(Text.wellFormed(oid), null, List.of(), List.of(), List.of(), "", "");
        }

        /**
         * The persons of an existing-persons file, in file order, read by onr-core as
         * {@link Options#withExistingFile} reads it (a {@code .json} file: ONR person records;
         * any other: CSV).
         *
         * <pre>{@code
         * List<ImportCheck.Existing> persons = ImportCheck.Existing.readFile(Path.of("persons.csv"));
         * }</pre>
         *
         * @throws OnrException for a file onr-core cannot read ({@code import.existing.*},
         *     {@code input.*}, {@code cell.*}); never quotes a cell
         * @throws java.io.UncheckedIOException if the file cannot be read
         */
        public static List<Existing> readFile(java.nio.file.Path file) {
            byte[] bytes = readBytes(file);
            List<fi.onr.ffi.ExistingPersonValue> values = Ffi.call(() -> Onr_jvmKt.importReadExisting(fileName(file), bytes));
            List<Existing> out = new ArrayList<>(values.size());
            for (fi.onr.ffi.ExistingPersonValue v : values) {
                out.add(new Existing(v.getOid(), v.getHetu(), List.copyOf(v.getHetuHistory()), List.copyOf(v.getPassinumerot()),
                        List.copyOf(v.getSahkopostit()), v.getEtunimet(), v.getSukunimi()));
            }
            return Collections.unmodifiableList(out);
        }

        /** The OID. */
        public String oid() {
            return oid;
        }

        /** The current hetu, if any. */
        public Optional<String> hetu() {
            return Optional.ofNullable(hetu);
        }

        /** Former hetus ({@code kaikkiHetut}). */
        public List<String> hetuHistory() {
            return hetuHistory;
        }

        /** Passport numbers. */
        public List<String> passinumerot() {
            return passinumerot;
        }

        /** E-mail identifications. */
        public List<String> sahkopostit() {
            return sahkopostit;
        }

        /** First names. */
        public String etunimet() {
            return etunimet;
        }

        /** Surname. */
        public String sukunimi() {
            return sukunimi;
        }

        /** This person with a current hetu ({@code null}: none) and former ones ({@code kaikkiHetut}). */
        public Existing withHetu(String hetu, List<String> history) {
            return new Existing(oid, hetu == null ? null : Text.wellFormed(hetu), clean(history), passinumerot, sahkopostit, etunimet, sukunimi);
        }

        /** This person with passport numbers and e-mail identifications. */
        public Existing withIdentifiers(List<String> passinumerot, List<String> sahkopostit) {
            return new Existing(oid, hetu, hetuHistory, clean(passinumerot), clean(sahkopostit), etunimet, sukunimi);
        }

        /** This person with names (compared for name conflicts). */
        public Existing withNames(String etunimet, String sukunimi) {
            return new Existing(oid, hetu, hetuHistory, passinumerot, sahkopostit, Text.wellFormed(etunimet), Text.wellFormed(sukunimi));
        }

        fi.onr.ffi.ExistingPersonValue ffi() {
            return new fi.onr.ffi.ExistingPersonValue(oid, hetu, hetuHistory, passinumerot, sahkopostit, etunimet, sukunimi);
        }

        /** The OID only. */
        @Override
        public String toString() {
            return "Existing(" + oid + ")";
        }
    }

    static String fileName(java.nio.file.Path file) {
        java.util.Objects.requireNonNull(file, "file must not be null");
        java.nio.file.Path name = file.getFileName();
        return name == null ? "" : Text.wellFormed(name.toString());
    }

    static byte[] readBytes(java.nio.file.Path file) {
        java.util.Objects.requireNonNull(file, "file must not be null");
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<String> clean(List<String> xs) {
        List<String> out = new ArrayList<>(xs.size());
        for (String x : xs) {
            out.add(Text.wellFormed(x));
        }
        return Collections.unmodifiableList(out);
    }

    /** The report of a whole batch. */
    public static final class Report {
        private final boolean accepted;
        private final int httpStatus;
        private final List<Row> rows;
        private final List<VerdictError> batchErrors;
        private final List<String> unknownColumns;
        private final String stage;
        private final List<VerdictError> answer;
        private final List<LikelyDuplicate> likelyDuplicates;
        private final boolean duplicatesSkipped;

        Report(fi.onr.ffi.ImportReport r) {
            this.accepted = r.getAccepted();
            this.httpStatus = r.getHttpStatus();
            this.stage = r.getStage();
            this.answer = ImportCheck.errors(r.getAnswer());
            List<Row> rows = new ArrayList<>(r.getRows().size());
            for (fi.onr.ffi.ImportRow row : r.getRows()) {
                rows.add(new Row(row));
            }
            this.rows = Collections.unmodifiableList(rows);
            this.batchErrors = ImportCheck.errors(r.getBatchErrors());
            this.unknownColumns = List.copyOf(r.getUnknownColumns());
            List<LikelyDuplicate> pairs = new ArrayList<>(r.getLikelyDuplicates().size());
            for (fi.onr.ffi.LikelyDuplicate p : r.getLikelyDuplicates()) {
                pairs.add(new LikelyDuplicate(p.getA(), p.getB(), p.getSimilarity()));
            }
            this.likelyDuplicates = Collections.unmodifiableList(pairs);
            this.duplicatesSkipped = r.getDuplicatesSkipped();
        }

        /** Whether ONR accepts the batch. */
        public boolean isAccepted() {
            return accepted;
        }

        /** The HTTP status ONR answers with: 200, 400 or 500. */
        public int httpStatus() {
            return httpStatus;
        }

        /**
         * The stage of ONR's answer: {@code deserialization}, {@code bean_validation},
         * {@code post_validation} or {@code server}; empty when ONR accepts the batch.
         */
        public Optional<String> stage() {
            return Optional.ofNullable(stage);
        }

        /**
         * The errors of ONR's answer to the batch: of values ONR cannot read only the first in
         * document order (as ONR names it), else every error of the stage; none for a 500.
         */
        public List<VerdictError> answer() {
            return answer;
        }

        /** One report per row, in order. */
        public List<Row> rows() {
            return rows;
        }

        /** Errors of the batch itself (e-mail address, number of rows, unreadable fields). */
        public List<VerdictError> batchErrors() {
            return batchErrors;
        }

        /** CSV header names that are not recognised columns (lower-cased), in order; empty for JSON. */
        public List<String> unknownColumns() {
            return unknownColumns;
        }

        /**
         * Rows of the batch that are likely the same person ({@code import.lint.likely_duplicate}):
         * each pair once, {@code a < b}, in row order, as {@code onr check} lists them.
         */
        public List<LikelyDuplicate> likelyDuplicates() {
            return likelyDuplicates;
        }

        /** Whether the in-batch duplicate pass was skipped (a batch over its row limit). */
        public boolean duplicatesSkipped() {
            return duplicatesSkipped;
        }
    }

    /**
     * Two rows of one batch that are likely the same person.
     *
     * @param a the first row (0-based index in the batch)
     * @param b the other row, {@code b > a}
     * @param similarity pg_trgm similarity of the rows' search strings (at least ONR's 0.5)
     */
    public record LikelyDuplicate(long a, long b, float similarity) {}

    /** The report of one row. */
    public static final class Row {
        private final long index;
        private final long line;
        private final String tunniste;
        private final List<VerdictError> errors;
        private final List<VerdictError> later;
        private final List<Warning> warnings;
        private final String action;
        private final String actionOid;
        private final String actionBy;
        private final long actionRow;
        private final Boolean actionConflict;

        Row(fi.onr.ffi.ImportRow r) {
            this.actionBy = r.getActionBy();
            this.actionRow = r.getActionRow();
            this.actionConflict = r.getActionConflict();
            this.index = r.getIndex();
            this.line = r.getLine();
            this.tunniste = r.getTunniste();
            this.errors = ImportCheck.errors(r.getErrors());
            this.later = ImportCheck.errors(r.getLater());
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

        /**
         * ONR's answer for this row, exactly: the errors of the first stage that fails (one
         * value ONR cannot read, or the bean-validation errors, or the post-validator's).
         */
        public List<VerdictError> errors() {
            return errors;
        }

        /**
         * What ONR answers once {@link #errors()} are fixed, stage after stage (see
         * {@link VerdictError#stage()}); never part of ONR's answer.
         */
        public List<VerdictError> later() {
            return later;
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

        /**
         * The identifier that matches, for the matching actions: {@code oid}, {@code hetu},
         * {@code hetu_history}, {@code passinumero} or {@code sahkoposti}.
         */
        public Optional<String> actionBy() {
            return Optional.ofNullable(actionBy);
        }

        /** The earlier row (0-based) whose person this is, for {@code same_as_row} actions. */
        public Optional<Long> actionRow() {
            return actionRow < 0 ? Optional.empty() : Optional.of(actionRow);
        }

        /** Whether ONR will flag the row as a name conflict; empty when unknown. */
        public Optional<Boolean> actionConflict() {
            return Optional.ofNullable(actionConflict);
        }
    }

    /**
     * One error of ONR's verdict: ONR's field path and message key, ONR's own message (if it
     * sends one), the stage of ONR that gives it, and onr-core's problem (stable code, category,
     * messages). (Named {@code Error} before 0.2, which shadowed {@code java.lang.Error}.)
     *
     * @param field ONR's field path, e.g. {@code henkilot[0].henkilo.hetu}
     * @param key ONR's message key
     * @param onrMessage ONR's own message, exactly as ONR sends it (e.g. {@code invalid.hetu})
     * @param stage the stage of ONR that gives the error: {@code deserialization},
     *     {@code bean_validation}, {@code post_validation} or {@code server}
     * @param problem onr-core's problem: code, category and messages
     */
    public record VerdictError(String field, String key, Optional<String> onrMessage, String stage, OnrException problem) {
        static VerdictError of(fi.onr.ffi.ImportError e) {
            return new VerdictError(e.getField(), e.getKey(), Optional.ofNullable(e.getOnrMessage()), e.getStage(),
                    OnrException.of(e.getProblem()));
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

        /** The field and the code, never a value. */
        @Override
        public String toString() {
            return field + ": " + code();
        }
    }

    static List<VerdictError> errors(List<fi.onr.ffi.ImportError> errors) {
        List<VerdictError> out = new ArrayList<>(errors.size());
        for (fi.onr.ffi.ImportError e : errors) {
            out.add(VerdictError.of(e));
        }
        return Collections.unmodifiableList(out);
    }
}
