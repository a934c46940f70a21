package fi.onr;

import fi.onr.ffi.Onr_jvmKt;

/**
 * Name similarity exactly as ONR computes it: PostgreSQL's pg_trgm trigram similarity (ONR's
 * duplicate search), Lucene's Jaro-Winkler (ONR's identification) and ONR's comparison form
 * of names.
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

    /** A name as ONR compares it (lowercase, accents removed as PostgreSQL's unaccent does). */
    public static String comparisonForm(String name) {
        return Ffi.call(() -> Onr_jvmKt.nameComparisonForm(Text.wellFormed(name)));
    }
}
