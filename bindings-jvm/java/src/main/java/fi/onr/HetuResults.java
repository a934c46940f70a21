package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The verdicts of {@link Hetu#validateAll}: one {@link HetuResult} per input, in order.
 *
 * <p>The whole batch crosses the native boundary once: the inputs go in as one UTF-8 array
 * and the verdicts come back as one {@code int} per input, so a batch of a million costs no
 * object per item until one is asked for. The per-index methods ({@link #isValid(int)},
 * {@link #code(int)}, {@link #birthDate(int)}, {@link #sex(int)}) read that array directly;
 * {@link #get(int)} wraps one item, and its {@link HetuResult#hetu()} or
 * {@link HetuResult#error()} computes the full value or exception on demand.
 *
 * <p>Immutable and thread-safe.
 */
public final class HetuResults extends AbstractList<HetuResult> implements RandomAccess {
    /** onr-core's hetu error codes, in the order the packed verdicts number them. */
    private static final String[] CODES = Ffi.call(Onr_jvmKt::hetuErrorCodes).toArray(new String[0]);
    /** The packed birth date counts days from 1800-01-01. */
    private static final long EPOCH_DAY_1800 = LocalDate.of(1800, 1, 1).toEpochDay();

    private final String[] inputs;
    private final int[] packed;
    private final Environment environment;
    private final boolean strict;

    private HetuResults(String[] inputs, int[] packed, Environment environment, boolean strict) {
        this.inputs = inputs;
        this.packed = packed;
        this.environment = environment;
        this.strict = strict;
    }

    static HetuResults validate(List<String> inputs, Environment env, boolean strict) {
        String[] copy = nonNull(inputs.toArray(new String[0]));
        // The direct path: the UTF-16 of all inputs in one char[], one JNI call (see FastPath).
        long total = 0;
        for (String s : copy) {
            total += s.length();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("batch too large: split it into batches under 2 G characters");
        }
        char[] chars = new char[(int) total];
        int[] ends = new int[copy.length];
        int at = 0;
        for (int i = 0; i < copy.length; i++) {
            String s = copy[i];
            s.getChars(0, s.length(), chars, at);
            at += s.length();
            ends[i] = at;
        }
        int[] packed = new int[copy.length];
        if (FastPath.hetuValidatePacked(chars, ends, env == Environment.TEST, strict, packed) < 0) {
            packed = viaUniffi(copy, env, strict);
        }
        return new HetuResults(copy, packed, env, strict);
    }

    /** The same verdicts through UniFFI's bindings: the inputs as one UTF-8 array. */
    static int[] viaUniffi(String[] inputs, Environment env, boolean strict) {
        byte[] utf8 = Text.packTerminated(java.util.Arrays.asList(inputs));
        byte[] out = Ffi.call(() -> Onr_jvmKt.hetuValidatePacked(utf8, env.ffi(), strict));
        int[] packed = new int[inputs.length];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(packed);
        return packed;
    }

    private static String[] nonNull(String[] inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                inputs[i] = "";
            }
        }
        return inputs;
    }

    @Override
    public int size() {
        return inputs.length;
    }

    @Override
    public HetuResult get(int index) {
        return new HetuResult(this, index);
    }

    /** The input at {@code index} ({@code null} inputs read as ""). */
    public String input(int index) {
        return inputs[index];
    }

    /** Whether the input at {@code index} is valid. */
    public boolean isValid(int index) {
        return packed[index] >= 0;
    }

    /** The error code of the input at {@code index}, or {@code null} if it is valid. */
    public String code(int index) {
        int v = packed[index];
        return v >= 0 ? null : CODES[-1 - v];
    }

    /** The birth date of the input at {@code index}, or {@code null} if it is invalid. */
    public LocalDate birthDate(int index) {
        int v = packed[index];
        return v < 0 ? null : LocalDate.ofEpochDay(EPOCH_DAY_1800 + (v >>> 4));
    }

    /** The sex of the input at {@code index}, or {@code null} if it is invalid. */
    public Sex sex(int index) {
        int v = packed[index];
        return v < 0 ? null : (v & 1) != 0 ? Sex.FEMALE : Sex.MALE;
    }

    /** Whether the input at {@code index} is a valid temporary (900-999) code. */
    public boolean isTemporary(int index) {
        return packed[index] >= 0 && (packed[index] & 2) != 0;
    }

    /** Whether the input at {@code index} is valid with at least one {@link Warning}. */
    public boolean hasWarnings(int index) {
        return packed[index] >= 0 && (packed[index] & 4) != 0;
    }

    /** The number of valid inputs. */
    public int validCount() {
        int n = 0;
        for (int v : packed) {
            if (v >= 0) {
                n++;
            }
        }
        return n;
    }

    /** The indexes of the invalid inputs, in order. */
    public List<Integer> invalidIndexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < packed.length; i++) {
            if (packed[i] < 0) {
                out.add(i);
            }
        }
        return out;
    }

    Hetu hetu(int index) {
        return strict ? Hetu.parseStrict(inputs[index], environment) : Hetu.parse(inputs[index], environment);
    }

    Environment environment() {
        return environment;
    }
}
