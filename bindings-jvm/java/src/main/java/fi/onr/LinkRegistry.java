package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * LINKING (linkitys): a registry of persons and ONR's operations that join duplicates under
 * one master ({@link #link}, {@link #forceLink}, {@link #unlink}), ONR's hetu operations
 * that resolve two persons holding one hetu ({@link #linkWithVtjHetu},
 * {@link #forceUpdateHetu}, {@link #removeDuplicateHetuAndLink}), {@link #identifyWithoutHetu}
 * and {@link #passivate}, and ONR's queries over the links, with ONR's exact rules:
 * two levels only; an identified person or one with a hetu becomes master; two identified
 * persons are refused; slaves are flagged {@code duplicate} and {@code passivoitu}. Every
 * operation is atomic: it returns what changed or throws a {@link LinkException} and leaves
 * the registry untouched. Thread-safe (operations are serialised).
 *
 * <pre>{@code
 * try (LinkRegistry reg = new LinkRegistry(Environment.PRODUCTION)) {
 *     reg.insertPerson(Person.of("M"));
 *     reg.insertPerson(Person.of("S"));
 *     reg.link("M", List.of("S")).master();   // "M"
 *     reg.person("S").orElseThrow().isDuplicate();   // true
 * }
 * }</pre>
 */
public final class LinkRegistry implements AutoCloseable {
    private final fi.onr.ffi.LinkRegistry inner;

    /** An empty registry for the environment. */
    public LinkRegistry(Environment env) {
        this.inner = Ffi.call(() -> new fi.onr.ffi.LinkRegistry(env.ffi()));
    }

    /** Adds a person, or replaces the one with the same OID. */
    public void insertPerson(Person person) {
        Ffi.call(() -> {
            inner.insertPerson(person.ffi());
            return null;
        });
    }

    /** The person with this OID, as the operations have left it. */
    public Optional<Person> person(String oid) {
        fi.onr.ffi.PersonValue v = Ffi.call(() -> inner.person(Text.wellFormed(oid)));
        return v == null ? Optional.empty() : Optional.of(Person.of(v));
    }

    /** The master of a slave, if it is one. */
    public Optional<String> masterOf(String oid) {
        return Optional.ofNullable(Ffi.call(() -> inner.masterOf(Text.wellFormed(oid))));
    }

    /** The slaves of a master. */
    public List<String> slavesOf(String oid) {
        return List.copyOf(Ffi.call(() -> inner.slavesOf(Text.wellFormed(oid))));
    }

    /**
     * ONR's {@code link(oid, candidates)}.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome link(String oid, List<String> candidates) {
        return Outcome.of(Ffi.call(() -> inner.link(Text.wellFormed(oid), clean(candidates))));
    }

    /**
     * ONR's force link: candidates may not be strongly identified nor have a hetu.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome forceLink(String master, List<String> candidates) {
        return Outcome.of(Ffi.call(() -> inner.forceLink(Text.wellFormed(master), clean(candidates))));
    }

    /**
     * ONR's unlink: always clears the slave's {@code duplicate} and {@code passivoitu}.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome unlink(String master, String slave) {
        return Outcome.of(Ffi.call(() -> inner.unlink(Text.wellFormed(master), Text.wellFormed(slave))));
    }

    // ---- ONR's hetu operations (hetu collisions) --------------------------------------------

    /**
     * ONR's VTJ identification with a hetu: the person's hetu was confirmed by VTJ (the
     * population register) as {@code vtjHetu}; a person already holding that hetu is linked
     * as ONR links it.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome linkWithVtjHetu(String oid, String vtjHetu) {
        return Outcome.of(Ffi.call(() -> inner.linkWithVtjHetu(Text.wellFormed(oid), Text.wellFormed(vtjHetu))));
    }

    /**
     * ONR's forced hetu update: gives the person {@code newHetu} and links the person who held
     * it under this one.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome forceUpdateHetu(String oid, String newHetu) {
        return Outcome.of(Ffi.call(() -> inner.forceUpdateHetu(Text.wellFormed(oid), Text.wellFormed(newHetu))));
    }

    /**
     * ONR's removal of a duplicate hetu: takes {@code hetu} (and its history) from the person
     * who holds it, gives it to {@code oid} and links the two.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome removeDuplicateHetuAndLink(String oid, String hetu) {
        return Outcome.of(Ffi.call(() -> inner.removeDuplicateHetuAndLink(Text.wellFormed(oid), Text.wellFormed(hetu))));
    }

    /**
     * ONR's manual identification of a person without a hetu: sets {@code yksiloity} and clears
     * {@code duplicate}, without removing a link to a master (a lint says so).
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome identifyWithoutHetu(String oid) {
        return Outcome.of(Ffi.call(() -> inner.identifyWithoutHetu(Text.wellFormed(oid))));
    }

    /**
     * ONR's {@code DELETE /henkilo/{oid}}: passivates the person and its user account.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome passivate(String oid) {
        return Outcome.of(Ffi.call(() -> inner.passivate(Text.wellFormed(oid))));
    }

    // ---- loading and queries -------------------------------------------------------------

    /** Loads a link row as it is, without applying any rule (e.g. from ONR's table). */
    public void addLink(String master, String slave) {
        Ffi.call(() -> {
            inner.addLink(Text.wellFormed(master), Text.wellFormed(slave));
            return null;
        });
    }

    /** Every link row, in insertion order. */
    public List<Link> links() {
        return Link.of(Ffi.call(inner::links));
    }

    /** The number of persons. */
    public long personCount() {
        return Ffi.call(inner::personCount);
    }

    /** The number of link rows. */
    public long linkCount() {
        return Ffi.call(inner::linkCount);
    }

    /** The master of a slave, else the OID itself. */
    public String resolve(String oid) {
        return Ffi.call(() -> inner.resolve(Text.wellFormed(oid)));
    }

    /** Every master of the OID (more than one only in broken data), in row order. */
    public List<String> mastersOf(String oid) {
        return List.copyOf(Ffi.call(() -> inner.mastersOf(Text.wellFormed(oid))));
    }

    /** The whole link group of the OID: its master first, then the slaves. */
    public List<String> group(String oid) {
        return List.copyOf(Ffi.call(() -> inner.group(Text.wellFormed(oid))));
    }

    /** The other OIDs of the OID's group. */
    public List<String> linked(String oid) {
        return List.copyOf(Ffi.call(() -> inner.linked(Text.wellFormed(oid))));
    }

    /**
     * The master person of the OID (the person itself if it has no master), as ONR resolves it.
     *
     * @throws LinkException {@code link.person_not_found} and the like
     */
    public Person masterPerson(String oid) {
        return Person.of(Ffi.call(() -> inner.masterPerson(Text.wellFormed(oid))));
    }

    /**
     * The oppijanumero (learner number) of the OID: its master's OID if the master is
     * identified.
     *
     * @throws LinkException {@code link.person_not_found} and the like
     */
    public Optional<String> oppijanumero(String oid) {
        return Optional.ofNullable(Ffi.call(() -> inner.oppijanumero(Text.wellFormed(oid))));
    }

    /**
     * ONR's {@code GET /yleistunniste/hae/{oid}}.
     *
     * @throws LinkException {@code link.person_not_found} and the like
     */
    public Yleistunniste yleistunniste(String oid) {
        return Yleistunniste.of(Ffi.call(() -> inner.yleistunniste(Text.wellFormed(oid))));
    }

    /**
     * ONR's {@code masterHenkilosByOidList}: for each OID asked, its master person's OID
     * (as {@link Link#slave()} the OID asked, as {@link Link#master()} its master).
     *
     * @throws LinkException when too many OIDs are asked at once
     */
    public List<Link> mastersByOids(List<String> oids) {
        return Link.of(Ffi.call(() -> inner.mastersByOids(clean(oids))));
    }

    /**
     * ONR's {@code /s2s/duplicateHenkilos}: the (master, slave) rows of every link of the groups
     * of the given OIDs (given a master: all its slaves; given a slave: its master's slaves), in
     * link order; every link when {@code oids} is {@code null}, none for an empty list.
     */
    public List<Link> duplicateHenkilos(List<String> oids) {
        return Link.of(Ffi.call(() -> inner.duplicateHenkilos(oids == null ? null : clean(oids))));
    }

    /** The broken invariants of the links and flags (chains, cycles, unflagged slaves...). */
    public List<Violation> check() {
        List<fi.onr.ffi.ViolationValue> values = Ffi.call(inner::check);
        List<Violation> out = new ArrayList<>(values.size());
        for (fi.onr.ffi.ViolationValue v : values) {
            out.add(new Violation(v.getKind(), List.copyOf(v.getOids())));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The broken invariants of a link table loaded from elsewhere (e.g. an export of ONR's
     * {@code henkiloviite}), with the persons' flags where the table has them.
     */
    public static List<Violation> checkTable(List<TableRow> rows) {
        List<fi.onr.ffi.LinkRowValue> values = new ArrayList<>(rows.size());
        for (TableRow r : rows) {
            values.add(new fi.onr.ffi.LinkRowValue(r.master(), r.slave(), r.masterPassivoitu().orElse(null),
                    r.masterDuplicate().orElse(null), r.slavePassivoitu().orElse(null), r.slaveDuplicate().orElse(null)));
        }
        List<fi.onr.ffi.ViolationValue> found = Ffi.call(() -> Onr_jvmKt.linkingCheckLinks(values));
        List<Violation> out = new ArrayList<>(found.size());
        for (fi.onr.ffi.ViolationValue v : found) {
            out.add(new Violation(v.getKind(), List.copyOf(v.getOids())));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The broken invariants of a link table given as text, a header and data rows (e.g. a CSV
     * file split by any CSV parser), read as {@code onr links check} reads it: the header
     * names the columns ({@link TableLayout}), a blank row (every cell empty or whitespace, or
     * no cell) is skipped, every other row is read, and a table with an unusable row is
     * refused with all of them ({@link LinkTableException#badRows()}, the same rows as
     * {@link TableLayout#readAll}).
     *
     * <pre>{@code
     * LinkRegistry.checkTable(List.of("master_oid", "slave_oid", "slave_duplicate"),
     *         List.of(List.of("M", "S", "false"), List.of("", "", "")));   // [slave_not_duplicate[S]]
     * }</pre>
     *
     * @throws LinkException {@code link.table.missing_column} or {@code link.table.repeated_column}
     *     for the header
     * @throws LinkTableException for unusable rows: a {@code LinkException} with the first
     *     unusable row's code ({@code link.table.missing_field}, {@code link.table.empty_oid},
     *     {@code link.table.bad_flag}) and messages, its index ({@link LinkTableException#row()})
     *     and every unusable row ({@link LinkTableException#badRows()})
     */
    public static List<Violation> checkTable(List<String> header, List<List<String>> rows) {
        TableLayout.Read read = TableLayout.fromHeader(header).readAll(rows);
        if (!read.errors().isEmpty()) {
            throw new LinkTableException(read.errors());
        }
        return checkTable(read.rows());
    }

    @Override
    public void close() {
        inner.close();
    }

    /**
     * Where the columns of a link table are, found from its header row: {@code master_oid} and
     * {@code slave_oid} (required) and the optional flags {@code master_passivoitu},
     * {@code master_duplicate}, {@code slave_passivoitu}, {@code slave_duplicate}. Names are
     * matched trimmed and case-insensitively (a leading byte-order mark is ignored); other
     * columns are ignored. Immutable.
     *
     * <pre>{@code
     * LinkRegistry.TableLayout layout = LinkRegistry.TableLayout.fromHeader(List.of("slave_oid", "MASTER_OID"));
     * layout.row(List.of("S", "M"));                  // M -> S
     * layout.row(List.of("S", ""));                   // throws LinkException link.table.empty_oid
     * }</pre>
     */
    public static final class TableLayout {
        private final List<String> header;
        private final boolean hasFlags;

        private TableLayout(List<String> header, boolean hasFlags) {
            this.header = header;
            this.hasFlags = hasFlags;
        }

        /**
         * Finds the columns in a header row.
         *
         * @throws LinkException {@code link.table.missing_column} without {@code master_oid} or
         *     {@code slave_oid}, {@code link.table.repeated_column} when a known column appears twice
         */
        public static TableLayout fromHeader(List<String> header) {
            List<String> h = clean(header);
            boolean flags = Ffi.call(() -> Onr_jvmKt.linkingTableLayout(h));
            return new TableLayout(List.copyOf(h), flags);
        }

        /** Whether the table has any flag column. */
        public boolean hasFlags() {
            return hasFlags;
        }

        /**
         * Reads one data row: OIDs trimmed, flags {@code true}/{@code false}, {@code t}/{@code f},
         * {@code 1}/{@code 0}, {@code yes}/{@code no} in any case, or empty for unknown.
         *
         * @throws LinkException {@code link.table.missing_field}, {@code link.table.empty_oid} or
         *     {@code link.table.bad_flag}
         */
        public TableRow row(List<String> fields) {
            // One row read strictly: a blank row is unusable here (only a table skips it).
            List<List<String>> one = List.of(LinkRegistry.clean(fields));
            fi.onr.ffi.TableRowRead read = Ffi.call(() -> Onr_jvmKt.linkingTableRows(header, one)).get(0);
            if (read.getRow() == null) {
                throw (LinkException) OnrException.of(read.getError());
            }
            return TableRow.of(read.getRow());
        }

        /**
         * Reads every data row in one native call, as {@code onr links check} reads them: a blank
         * row (every cell empty or whitespace, or no cell) is skipped (it is in neither
         * {@link Read#rows()} nor {@link Read#errors()}), and an unusable row doesn't stop the
         * others.
         */
        public Read readAll(List<List<String>> rows) {
            List<List<String>> clean = new ArrayList<>(rows.size());
            for (List<String> r : rows) {
                clean.add(LinkRegistry.clean(r));
            }
            fi.onr.ffi.LinkTableValue read = Ffi.call(() -> Onr_jvmKt.linkingReadTable(header, clean));
            List<TableRow> good = new ArrayList<>(read.getRows().size());
            for (fi.onr.ffi.LinkRowValue v : read.getRows()) {
                good.add(TableRow.of(v));
            }
            java.util.SortedMap<Integer, LinkException> bad = new java.util.TreeMap<>();
            for (fi.onr.ffi.BadRowValue b : read.getBadRows()) {
                bad.put(Math.toIntExact(b.getIndex()), (LinkException) OnrException.of(b.getError()));
            }
            return new Read(good, bad);
        }

        /**
         * The data rows of a table as read: the usable rows, and why the others are not.
         *
         * @param rows the usable rows, in order (for {@link LinkRegistry#checkTable(List)})
         * @param errors the unusable rows: 0-based index among the data rows given, and the error
         *     (blank rows are in neither)
         */
        public record Read(List<TableRow> rows, java.util.SortedMap<Integer, LinkException> errors) {
            /** Copies both (unmodifiable). */
            public Read {
                rows = List.copyOf(rows);
                errors = Collections.unmodifiableSortedMap(new java.util.TreeMap<>(errors));
            }
        }
    }

    /**
     * One row of a link table: a master, a slave and, if known, both persons' flags (OIDs:
     * {@code null} reads as "", lone surrogates as U+FFFD).
     *
     * @param master the master's OID
     * @param slave the slave's OID
     * @param masterPassivoitu the master's {@code passivoitu}, if known
     * @param masterDuplicate the master's {@code duplicate}, if known
     * @param slavePassivoitu the slave's {@code passivoitu}, if known
     * @param slaveDuplicate the slave's {@code duplicate}, if known
     */
    public record TableRow(String master, String slave, Optional<Boolean> masterPassivoitu, Optional<Boolean> masterDuplicate,
            Optional<Boolean> slavePassivoitu, Optional<Boolean> slaveDuplicate) {
        /** @throws NullPointerException if a flag is {@code null} (use {@code Optional.empty()}) */
        public TableRow {
            master = Text.wellFormed(master);
            slave = Text.wellFormed(slave);
            java.util.Objects.requireNonNull(masterPassivoitu, "masterPassivoitu");
            java.util.Objects.requireNonNull(masterDuplicate, "masterDuplicate");
            java.util.Objects.requireNonNull(slavePassivoitu, "slavePassivoitu");
            java.util.Objects.requireNonNull(slaveDuplicate, "slaveDuplicate");
        }

        /** A row without flags. */
        public static TableRow of(String master, String slave) {
            return new TableRow(master, slave, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static TableRow of(fi.onr.ffi.LinkRowValue v) {
            return of(v.getMasterOid(), v.getSlaveOid()).withFlags(v.getMasterPassivoitu(), v.getMasterDuplicate(),
                    v.getSlavePassivoitu(), v.getSlaveDuplicate());
        }

        /** This row with the flags ({@code null}: unknown): master's and slave's passivoitu and duplicate. */
        public TableRow withFlags(Boolean masterPassivoitu, Boolean masterDuplicate, Boolean slavePassivoitu, Boolean slaveDuplicate) {
            return new TableRow(master, slave, Optional.ofNullable(masterPassivoitu), Optional.ofNullable(masterDuplicate),
                    Optional.ofNullable(slavePassivoitu), Optional.ofNullable(slaveDuplicate));
        }

        /** {@code master -> slave} (OIDs only). */
        @Override
        public String toString() {
            return master + " -> " + slave;
        }
    }

    private static List<String> clean(List<String> oids) {
        List<String> out = new ArrayList<>(oids.size());
        for (String s : oids) {
            out.add(Text.wellFormed(s));
        }
        return out;
    }

    /**
     * What an operation changed.
     *
     * @param master the master after the operation
     * @param slaves the slaves linked or unlinked
     * @param saved the persons saved, in order
     * @param changeFeed the OIDs that appear in ONR's change feed, in order
     * @param lints surprising effects ONR really has (codes {@code link.lint...})
     * @param linksCreated the link rows inserted
     * @param linksDeleted the link rows deleted
     * @param accountsPassivated the persons whose user account ONR passivates
     */
    public record Outcome(String master, List<String> slaves, List<String> saved, List<String> changeFeed, List<Warning> lints,
            List<Link> linksCreated, List<Link> linksDeleted, List<String> accountsPassivated) {
        /** Copies every list (unmodifiable); @throws NullPointerException on a {@code null} */
        public Outcome {
            java.util.Objects.requireNonNull(master, "master");
            slaves = List.copyOf(slaves);
            saved = List.copyOf(saved);
            changeFeed = List.copyOf(changeFeed);
            lints = List.copyOf(lints);
            linksCreated = List.copyOf(linksCreated);
            linksDeleted = List.copyOf(linksDeleted);
            accountsPassivated = List.copyOf(accountsPassivated);
        }

        static Outcome of(fi.onr.ffi.LinkOutcome o) {
            return new Outcome(o.getMaster(), o.getSlaves(), o.getSaved(), o.getChangeFeed(), Hetu.warnings(o.getLints()),
                    Link.of(o.getLinksCreated()), Link.of(o.getLinksDeleted()), o.getAccountsPassivated());
        }
    }

    /**
     * A link row: a master and its slave.
     *
     * @param master the master
     * @param slave the slave
     */
    public record Link(String master, String slave) {
        /** A row from {@code master} to {@code slave}; @throws NullPointerException on a {@code null} */
        public Link {
            java.util.Objects.requireNonNull(master, "master");
            java.util.Objects.requireNonNull(slave, "slave");
        }

        static List<Link> of(List<fi.onr.ffi.LinkValue> values) {
            List<Link> out = new ArrayList<>(values.size());
            for (fi.onr.ffi.LinkValue v : values) {
                out.add(new Link(v.getMaster(), v.getSlave()));
            }
            return Collections.unmodifiableList(out);
        }

        /** {@code master -> slave} (OIDs only). */
        @Override
        public String toString() {
            return master + " -> " + slave;
        }
    }

    /**
     * A broken invariant of the link table: its kind and the OIDs involved, the subject first.
     *
     * @param kind {@code self_link}, {@code several_masters}, {@code chain}, {@code cycle},
     *     {@code slave_not_duplicate}, {@code slave_not_passivated}, {@code master_passivated},
     *     {@code master_duplicate} or {@code inconsistent_flags}
     * @param oids the OIDs involved, the subject first
     */
    public record Violation(String kind, List<String> oids) {
        /** Copies the OIDs (unmodifiable); @throws NullPointerException on a {@code null} */
        public Violation {
            java.util.Objects.requireNonNull(kind, "kind");
            oids = List.copyOf(oids);
        }

        /** The kind and the OIDs, e.g. {@code chain[A, B, C]}. */
        @Override
        public String toString() {
            return kind + oids;
        }
    }

    /**
     * ONR's answer to {@code GET /yleistunniste/hae/{oid}}.
     *
     * @param oid the OID asked for
     * @param oppijanumero the master's oppijanumero, if the master is identified
     * @param passivoitu the person's own {@code passivoitu}
     * @param linked every other OID of the group, sorted
     */
    public record Yleistunniste(String oid, Optional<String> oppijanumero, boolean passivoitu, List<String> linked) {
        /** Copies the OIDs (unmodifiable); @throws NullPointerException on a {@code null} */
        public Yleistunniste {
            java.util.Objects.requireNonNull(oid, "oid");
            java.util.Objects.requireNonNull(oppijanumero, "oppijanumero");
            linked = List.copyOf(linked);
        }

        static Yleistunniste of(fi.onr.ffi.YleistunnisteValue v) {
            return new Yleistunniste(v.getOid(), Optional.ofNullable(v.getOppijanumero()), v.getPassivoitu(), v.getLinked());
        }

        /** The person's own {@code passivoitu} (the same as {@link #passivoitu()}). */
        public boolean isPassivoitu() {
            return passivoitu;
        }
    }
}
