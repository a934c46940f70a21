package fi.onr;

import fi.onr.ffi.OidValue;
import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * OID (object identifier of the Finnish education administration, under {@code 1.2.246.562}).
 *
 * <p>A person's OID is {@code 1.2.246.562.<node>.<number><check>}: node 24 for persons in
 * production (check digit by IBM 7-3-1), 98/198/298 in the test environments and 10 for
 * organisations (Luhn). ONR itself accepts any non-empty string as an OID; {@link #parse}
 * checks an OID as ONR generates it and {@link #parseLenient} only the syntax (for special
 * OIDs such as the root organisation {@code 1.2.246.562.10.00000000001}).
 *
 * <pre>{@code
 * Oid oid = Oid.parse("1.2.246.562.24.25909319372");
 * oid.node();                               // 24
 * oid.isPerson(Environment.PRODUCTION);     // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Oid implements Comparable<Oid> {
    /**
     * The root of every OID of the Finnish education administration: {@code 1.2.246.562}
     * (onr-core's {@code oid::ROOT}, read from the native library).
     */
    public static final String ROOT = NativeConstants.VALUES.getOidRoot();

    /**
     * The node of person OIDs in production, the only node checked with IBM 7-3-1: 24
     * (onr-core's {@code oid::PERSON_NODE}).
     */
    public static final long PERSON_NODE = NativeConstants.VALUES.getOidPersonNode();

    /** The node of organisation OIDs: 10 (onr-core's {@code oid::ORGANISATION_NODE}). */
    public static final long ORGANISATION_NODE = NativeConstants.VALUES.getOidOrganisationNode();

    private final String text;
    private final long node;
    private final long number;
    private final int checkDigit;
    private final boolean validCheckDigit;
    private final boolean organisation;
    private final int tailDigits;

    private Oid(OidValue v) {
        this.text = v.getText();
        this.node = v.getNode();
        this.number = v.getNumber();
        this.checkDigit = v.getCheckDigit();
        this.validCheckDigit = v.getHasValidCheckDigit();
        this.organisation = v.getOrganisation();
        this.tailDigits = v.getTailDigits();
    }

    static Oid of(OidValue v) {
        return new Oid(v);
    }

    /**
     * Parses an OID as ONR generates it: the root, a numeric node, an 11-digit tail not
     * starting with 0, and the node's check digit.
     *
     * @throws OidException the first reason why not ({@code null} is {@code oid.empty})
     */
    public static Oid parse(String input) {
        return new Oid(Ffi.call(() -> Onr_jvmKt.oidParse(Text.wellFormed(input))));
    }

    /**
     * Parses only the syntax {@code 1.2.246.562.<node>.<digits>}.
     *
     * @throws OidException the first reason why not
     */
    public static Oid parseLenient(String input) {
        return new Oid(Ffi.call(() -> Onr_jvmKt.oidParseLenient(Text.wellFormed(input))));
    }

    /** Whether {@link #parse} accepts the input. */
    public static boolean isValid(String input) {
        return Ffi.call(() -> Onr_jvmKt.oidIsValid(Text.wellFormed(input)));
    }

    /** {@link #parse} of every input, in order, in one native call; never stops at a bad one. */
    public static List<OidResult> validateAll(List<String> inputs) {
        Args.notNull(inputs, "inputs");
        List<String> clean = new ArrayList<>(inputs.size());
        for (String s : inputs) {
            clean.add(Text.wellFormed(s));
        }
        List<fi.onr.ffi.OidOutcome> outcomes = Ffi.call(() -> Onr_jvmKt.oidValidateAll(clean));
        List<OidResult> out = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            fi.onr.ffi.OidOutcome o = outcomes.get(i);
            out.add(o.getOid() != null
                    ? new OidResult(clean.get(i), new Oid(o.getOid()), Optional.empty())
                    : new OidResult(clean.get(i), null, Optional.of((OidException) OnrException.of(o.getError()))));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The OID of a node and a ten-digit number (1 000 000 000 - 9 999 999 999), with the
     * node's check digit.
     *
     * @throws OidException {@code oid.node} or {@code oid.length} when out of range
     */
    public static Oid of(long node, long number) {
        return new Oid(Ffi.call(() -> Onr_jvmKt.oidNew(node, number)));
    }

    /** The check digit of a number under a node: IBM 7-3-1 for node 24, Luhn for the others. */
    public static int checkDigitOf(long node, long number) {
        return Ffi.call(() -> Onr_jvmKt.oidCheckDigit(node, number));
    }

    /** The node, e.g. 24. */
    public long node() {
        return node;
    }

    /** The last segment without its check digit. */
    public long number() {
        return number;
    }

    /** The last digit of the last segment. */
    public int checkDigit() {
        return checkDigit;
    }

    /** Whether the last digit is the node's check digit (always true after {@link #parse}). */
    public boolean hasValidCheckDigit() {
        return validCheckDigit;
    }

    /** Whether the node is one that ONR uses for persons in the environment. */
    public boolean isPerson(Environment env) {
        Args.notNull(env, "env");
        return Ffi.call(() -> Onr_jvmKt.oidIsPerson(text, env.ffi()));
    }

    /** Whether the node is the organisation node 10. */
    public boolean isOrganisation() {
        return organisation;
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid && ((Oid) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * onr-core's order of OIDs (as Python's {@code onr.Oid} sorts): by node, then by the value
     * of the last segment (the number, then the check digit), then by its length, so that
     * {@code …24.1 < …24.01 < …24.5} among lenient OIDs. The parts come from onr-core.
     */
    @Override
    public int compareTo(Oid o) {
        int c = Long.compare(node, o.node);
        if (c == 0) {
            c = Long.compare(number, o.number);
        }
        if (c == 0) {
            c = Integer.compare(checkDigit, o.checkDigit);
        }
        return c != 0 ? c : Integer.compare(tailDigits, o.tailDigits);
    }
}
