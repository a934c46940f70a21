package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.IntStream;

/**
 * The verdicts of {@link Hetu#validateAll}: one {@link HetuResult} per input, in order.
 *
 * <p>The batch crosses the native boundary once per chunk of a few thousand inputs (the chunks
 * of a large batch on several threads): the inputs go in as one {@code char[]} per chunk and the
 * verdicts come back as one {@code int} per input, so a batch of a million costs no object per
 * item until one is asked for. The per-index methods ({@link #isValid(int)},
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

    /** Inputs per native call: a chunk's characters fit in a core's cache. */
    static final int CHUNK = 4096;
    /** Batches at least this large are checked on several threads. */
    public static final int PARALLEL_THRESHOLD = 4 * CHUNK;

    static HetuResults validate(List<String> inputs, Environment env, boolean strict) {
        return validate(inputs, env, strict, inputs.size() >= PARALLEL_THRESHOLD);
    }

    /**
     * The direct path (see FastPath): each chunk of {@link #CHUNK} inputs is packed into one
     * {@code char[]} and checked by one JNI call, which writes the chunk's verdicts into its own
     * region of the result; with {@code parallel}, the chunks run on the common ForkJoinPool.
     */
    static HetuResults validate(List<String> inputs, Environment env, boolean strict, boolean parallel) {
        String[] copy = nonNull(inputs.toArray(new String[0]));
        int[] out = new int[copy.length];
        boolean test = env == Environment.TEST;
        // In long: a list near Integer.MAX_VALUE items must not overflow into zero chunks.
        int chunks = (int) ((copy.length + (long) CHUNK - 1) / CHUNK);
        IntStream range = IntStream.range(0, chunks);
        boolean ok = (parallel ? range.parallel() : range)
                .allMatch(c -> validateChunk(copy, (int) ((long) c * CHUNK),
                        (int) Math.min(copy.length, (long) (c + 1) * CHUNK), test, strict, out));
        // After a native panic, the whole batch again through UniFFI, which raises it.
        int[] packed = ok ? out : viaUniffi(copy, env, strict);
        return new HetuResults(copy, packed, env, strict);
    }

    private static boolean validateChunk(String[] inputs, int from, int to, boolean test, boolean strict, int[] out) {
        // One pass over the strings, room for 12 characters each. A longer string's characters
        // are left out: its length decides (see FastPath), so a huge one is never copied.
        char[] chars = new char[(to - from) * FastPath.SHORT_UNITS];
        int[] ends = new int[to - from];
        int[] leftOut = new int[to - from];
        int at = 0;
        for (int i = from; i < to; i++) {
            String s = inputs[i];
            int len = s.length();
            if (len > FastPath.SHORT_UNITS) {
                leftOut[i - from] = len;
                ends[i - from] = at;
                continue;
            }
            s.getChars(0, len, chars, at);
            at += len;
            ends[i - from] = at;
        }
        return FastPath.hetuValidatePacked(chars, ends, leftOut, test, strict, out, from) == 0;
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
