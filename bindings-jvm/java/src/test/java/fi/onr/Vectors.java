package fi.onr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one reader of the shared vectors {@code tests/vectors/*.tsv} for the Java tests, reading
 * them exactly as the Rust suite does (onr-core/tests/common/mod.rs): lines starting with
 * {@code #} are comments, columns are split on tabs, and fields are unescaped in the one dialect
 * of CONTRIBUTING.md ({@code \\\\}, {@code \\t}, {@code \\n}, {@code \\r} and
 * {@code \\}{@code u{HEX}}; any other escape is an error). {@link #read} skips the header
 * line of a vector file; {@link #fixture} reads a ground-truth fixture, which has none.
 */
final class Vectors {
    private Vectors() {}

    static Path dir() {
        String dir = System.getProperty("onr.vectors.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "tests", "vectors");
    }

    /** The rows of a vector file, its header line skipped. */
    static List<String[]> read(String name) {
        List<String[]> rows = fixture(name);
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }

    /** Every row of a vector file (a header line included, if it has one). */
    static List<String[]> fixture(String name) {
        String text;
        try {
            text = Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shared vectors " + name, e);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            rows.add(Arrays.stream(line.split("\t", -1)).map(Vectors::unescape).toArray(String[]::new));
        }
        return rows;
    }

    /** Undoes the one escape dialect; any other escape (e.g. the retired short form) throws. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == s.length()) {
                throw new IllegalArgumentException("a lone backslash ends the vector field " + quoted(s));
            }
            char k = s.charAt(++i);
            switch (k) {
                case '\\':
                    out.append('\\');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 'u': {
                    int close = s.indexOf('}', i);
                    String hex = i + 1 < s.length() && s.charAt(i + 1) == '{' && close > i + 2
                            ? s.substring(i + 2, close) : null;
                    int cp = hex == null || hex.length() > 6 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)
                            ? -1 : Integer.parseInt(hex, 16);
                    if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw new IllegalArgumentException("bad \\u escape in the vector field " + quoted(s)
                                + ": the form is \\u{HEX} of a Unicode scalar value (the old \\uXXXX form is retired)");
                    }
                    out.appendCodePoint(cp);
                    i = close;
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown escape \\" + k + " in the vector field " + quoted(s)
                            + ": the vectors know \\\\ \\t \\n \\r and \\u{HEX}");
            }
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
