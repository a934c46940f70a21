package fi.onr;

import fi.onr.ffi.NativeTrigramSet;
import java.util.List;

/**
 * TRIGRAM SET (PostgreSQL pg_trgm's set of trigrams of one string, computed once).
 *
 * <p>pg_trgm splits a string into words of letters and digits, pads each word with two spaces
 * in front and one behind, and takes every run of three characters; the similarity of two
 * strings is the number of trigrams their sets share divided by the number in either
 * ({@link Similarity#trigram}). A {@code TrigramSet} holds one string's set, so that one
 * record is compared with many without splitting it again, bit for bit the same float.
 *
 * <pre>{@code
 * try (TrigramSet q = TrigramSet.onr("Eino Eino Testiäinen 1911-11-11")) {
 *     q.size();                                           // 22
 *     q.similarityTo("Eino Testiainen 1911-11-11", TrigramForm.RAW);  // as Similarity.trigram would say
 *     try (TrigramSet other = TrigramSet.of("eino testiainen")) {
 *         q.similarity(other);  q.common(other);
 *     }
 * }
 * TrigramSet.of("Ab").trigrams();                         // ["  a", " ab", "ab "]
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the size only: the trigrams spell
 * out the text, and texts are names. {@link #close()} frees the native set (the garbage
 * collector does too, later).
 */
public final class TrigramSet implements AutoCloseable {
    private final NativeTrigramSet inner;
    private final int size;

    private TrigramSet(NativeTrigramSet inner) {
        this.inner = inner;
        this.size = Ffi.call(inner::size);
    }

    /** The trigram set of the text as given (pg_trgm's {@code show_trgm(text)}); {@code null} is "". */
    public static TrigramSet of(String text) {
        return of(text, TrigramForm.RAW);
    }

    /**
     * The trigram set of {@code lower(unaccent(text))}, ONR's comparison form (as
     * {@link Similarity#trigramOnr} compares); {@code null} is "".
     */
    public static TrigramSet onr(String text) {
        return of(text, TrigramForm.ONR);
    }

    /**
     * The trigram set of the text in {@code form}; {@code null} text is "".
     *
     * @throws NullPointerException if {@code form} is {@code null}
     */
    public static TrigramSet of(String text, TrigramForm form) {
        String code = Args.notNull(form, "form").code();
        return new TrigramSet(Ffi.call(() -> new NativeTrigramSet(Text.wellFormed(text), code)));
    }

    /** The number of distinct trigrams; 0 when the text has no letters or digits. */
    public int size() {
        return size;
    }

    /** Whether the set is empty: such a text is similar to nothing, not even itself. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The trigrams as pg_trgm's {@code show_trgm} prints them, in its order: three characters
     * when all are ASCII letters, digits or spaces, else {@code 0x} and six hex digits.
     */
    public List<String> trigrams() {
        return List.copyOf(Ffi.call(inner::show));
    }

    /** The number of trigrams both sets contain. */
    public int common(TrigramSet other) {
        NativeTrigramSet o = Args.notNull(other, "other").inner;
        return Ffi.call(() -> inner.common(o));
    }

    /** pg_trgm's {@code similarity} of the two texts the sets came from (single precision, exactly). */
    public float similarity(TrigramSet other) {
        NativeTrigramSet o = Args.notNull(other, "other").inner;
        return Ffi.call(() -> inner.similarity(o));
    }

    /**
     * pg_trgm's {@code similarity} with another text taken in {@code form} ({@code null} text
     * is "").
     *
     * @throws NullPointerException if {@code form} is {@code null}
     */
    public float similarityTo(String other, TrigramForm form) {
        String code = Args.notNull(form, "form").code();
        return Ffi.call(() -> inner.similarityStr(Text.wellFormed(other), code));
    }

    /**
     * {@link #similarityTo(String, TrigramForm)} with {@link TrigramForm#ONR} when {@code fmt},
     * else {@link TrigramForm#RAW}.
     *
     * @deprecated use {@link #similarityTo(String, TrigramForm)}: the flag is a form
     */
    @Deprecated
    public float similarityTo(String other, boolean fmt) {
        return similarityTo(other, fmt ? TrigramForm.ONR : TrigramForm.RAW);
    }

    NativeTrigramSet ffi() {
        return inner;
    }

    @Override
    public void close() {
        inner.close();
    }

    /** The size only, e.g. {@code TrigramSet[size=12]}: never the text. */
    @Override
    public String toString() {
        return "TrigramSet[size=" + size + "]";
    }
}
