package fi.onr;

import java.util.List;

/**
 * Conversions of Java strings to what crosses the native boundary.
 *
 * <p>A Java {@code String} is UTF-16 and may hold a lone surrogate, which no UTF-8 text can:
 * every lone surrogate is replaced with U+FFFD (one UTF-16 unit for one, so lengths counted
 * the way ONR counts them don't change). No hetu or OID contains either character, so the
 * verdict is "invalid" either way, never a crash. {@code null} is the empty string.
 */
final class Text {
    private Text() {}

    /** The byte that ends each item of a packed batch; UTF-8 never contains it. */
    static final byte TERMINATOR = (byte) 0xFF;

    /** The input as well-formed UTF-16: {@code null} as "", lone surrogates as U+FFFD. */
    static String wellFormed(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return replaceLoneSurrogates(s, i);
            }
        }
        return s;
    }

    private static String replaceLoneSurrogates(String s, int from) {
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, from);
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The UTF-8 of every input, each followed by {@link #TERMINATOR}: the input of a packed
     * batch call. One array for the whole batch; ASCII is copied char by char.
     */
    static byte[] packTerminated(List<String> inputs) {
        int size = inputs.size();
        long estimate = size;
        for (int i = 0; i < size; i++) {
            String s = inputs.get(i);
            estimate += s == null ? 0 : s.length();
        }
        byte[] out = new byte[checkedSize(estimate)];
        int n = 0;
        for (int i = 0; i < size; i++) {
            String s = inputs.get(i);
            int len = s == null ? 0 : s.length();
            if (n + len * 3L + 1 > out.length) {
                out = java.util.Arrays.copyOf(out, checkedSize(Math.max(out.length * 2L, n + len * 3L + 1)));
            }
            for (int j = 0; j < len; j++) {
                char c = s.charAt(j);
                if (c < 0x80) {
                    out[n++] = (byte) c;
                } else if (c < 0x800) {
                    out[n++] = (byte) (0xC0 | c >> 6);
                    out[n++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && j + 1 < len && Character.isLowSurrogate(s.charAt(j + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++j));
                    out[n++] = (byte) (0xF0 | cp >> 18);
                    out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    char d = Character.isSurrogate(c) ? '\uFFFD' : c;
                    out[n++] = (byte) (0xE0 | d >> 12);
                    out[n++] = (byte) (0x80 | d >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | d & 0x3F);
                }
            }
            out[n++] = TERMINATOR;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static int checkedSize(long size) {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("batch too large: split it into batches under 2 GiB of text");
        }
        return (int) size;
    }
}
