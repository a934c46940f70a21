package fi.onr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * LINKING (linkitys): a registry of persons and ONR's operations that join duplicates under
 * one master ({@link #link}, {@link #forceLink}, {@link #unlink}), with ONR's exact rules:
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
        return new Outcome(Ffi.call(() -> inner.link(Text.wellFormed(oid), clean(candidates))));
    }

    /**
     * ONR's force link: candidates may not be strongly identified nor have a hetu.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome forceLink(String master, List<String> candidates) {
        return new Outcome(Ffi.call(() -> inner.forceLink(Text.wellFormed(master), clean(candidates))));
    }

    /**
     * ONR's unlink: always clears the slave's {@code duplicate} and {@code passivoitu}.
     *
     * @throws LinkException what ONR answers when it refuses
     */
    public Outcome unlink(String master, String slave) {
        return new Outcome(Ffi.call(() -> inner.unlink(Text.wellFormed(master), Text.wellFormed(slave))));
    }

    @Override
    public void close() {
        inner.close();
    }

    private static List<String> clean(List<String> oids) {
        List<String> out = new ArrayList<>(oids.size());
        for (String s : oids) {
            out.add(Text.wellFormed(s));
        }
        return out;
    }

    /** What an operation changed. */
    public static final class Outcome {
        private final fi.onr.ffi.LinkOutcome o;
        private final List<Warning> lints;

        Outcome(fi.onr.ffi.LinkOutcome o) {
            this.o = o;
            this.lints = Collections.unmodifiableList(Hetu.warnings(o.getLints()));
        }

        /** The master after the operation. */
        public String master() {
            return o.getMaster();
        }

        /** The slaves linked or unlinked. */
        public List<String> slaves() {
            return List.copyOf(o.getSlaves());
        }

        /** The persons saved, in order. */
        public List<String> saved() {
            return List.copyOf(o.getSaved());
        }

        /** The OIDs that appear in ONR's change feed, in order. */
        public List<String> changeFeed() {
            return List.copyOf(o.getChangeFeed());
        }

        /** Surprising effects ONR really has (codes {@code link.lint...}). */
        public List<Warning> lints() {
            return lints;
        }
    }
}
