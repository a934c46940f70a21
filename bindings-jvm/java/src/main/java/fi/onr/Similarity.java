package fi.onr;

import fi.onr.ffi.Onr_jvmKt;
import java.util.ArrayList;
import java.util.List;

/**
 * Name similarity exactly as ONR computes it: PostgreSQL's pg_trgm trigram similarity (ONR's
 * duplicate search; see {@link DuplicateIndex} for searching many records), Lucene's
 * Jaro-Winkler (ONR's identification; see {@link NameRules} for ONR's rules) and ONR's
 * comparison form of names.
 *
 * <pre>{@code
 * Similarity.jaroWinkler("Matti", "Mattti");      // 0.96...
 * Similarity.comparisonForm("Äyrämö");            // "ayramo"
 * }</pre>
 */
public final class Similarity {
    private Similarity() {}

    /** PostgreSQL pg_trgm's {@code similarity(a, b)} of the strings as given, bit for bit. */
    public static float trigram(String a, String b) {
        return Ffi.call(() -> Onr_jvmKt.trigram(Text.wellFormed(a), Text.wellFormed(b)));
    }

    /** ONR's name comparison: {@code similarity(lower(unaccent(a)), lower(unaccent(b)))}. */
    public static float trigramOnr(String a, String b) {
        return Ffi.call(() -> Onr_jvmKt.trigramOnr(Text.wellFormed(a), Text.wellFormed(b)));
    }

    /** Lucene's {@code JaroWinklerDistance} of the two strings as given, 0.0..1.0. */
    public static float jaroWinkler(String a, String b) {
        return Ffi.call(() -> Onr_jvmKt.jaroWinkler(Text.wellFormed(a), Text.wellFormed(b)));
    }

    /** Whether {@link #jaroWinkler} reaches ONR's threshold. */
    public static boolean isSimilar(String a, String b) {
        return Ffi.call(() -> Onr_jvmKt.jaroWinklerIsSimilar(Text.wellFormed(a), Text.wellFormed(b)));
    }

    /**
     * pg_trgm's similarity of each pair {@code a.get(i), b.get(i)} in {@code form}
     * ({@link TrigramForm#ONR}: {@link #trigramOnr}, {@link TrigramForm#RAW}: {@link #trigram}),
     * in order, in one native call.
     *
     * @throws IllegalArgumentException when the lists differ in length
     * @throws NullPointerException if {@code form} is {@code null}
     */
    public static float[] trigramAll(List<String> a, List<String> b, TrigramForm form) {
        String code = Args.notNull(form, "form").code();
        List<String> as = clean(a, b);
        List<String> bs = clean(b, a);
        return floats(Ffi.call(() -> Onr_jvmKt.trigramMany(as, bs, code)));
    }

    /**
     * {@link #trigramAll(List, List, TrigramForm)} with {@link TrigramForm#ONR} when
     * {@code fmt}, else {@link TrigramForm#RAW}.
     *
     * @deprecated use {@link #trigramAll(List, List, TrigramForm)}: the flag is a form
     */
    @Deprecated
    public static float[] trigramAll(List<String> a, List<String> b, boolean fmt) {
        return trigramAll(a, b, fmt ? TrigramForm.ONR : TrigramForm.RAW);
    }

    /**
     * {@link #jaroWinkler} of each pair {@code a.get(i), b.get(i)}, in order, in one native call.
     *
     * @throws IllegalArgumentException when the lists differ in length
     */
    public static float[] jaroWinklerAll(List<String> a, List<String> b) {
        List<Float> out = Ffi.call(() -> Onr_jvmKt.jaroWinklerMany(clean(a, b), clean(b, a)));
        return floats(out);
    }

    private static List<String> clean(List<String> xs, List<String> other) {
        Args.notNull(xs, "a list");
        Args.notNull(other, "a list");
        if (xs.size() != other.size()) {
            throw new IllegalArgumentException("the two lists differ in length: " + xs.size() + " and " + other.size());
        }
        List<String> out = new ArrayList<>(xs.size());
        for (String x : xs) {
            out.add(Text.wellFormed(x));
        }
        return out;
    }

    private static float[] floats(List<Float> xs) {
        float[] out = new float[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
    }

    /**
     * A name as ONR compares it: NFD/NFKD with combining marks removed, transliterated to
     * ASCII as Junidecode does it, ASCII lowercase (see {@link NameRules}).
     */
    public static String comparisonForm(String name) {
        return Ffi.call(() -> Onr_jvmKt.nameComparisonForm(Text.wellFormed(name)));
    }
}
