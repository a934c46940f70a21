package fi.onr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared vectors of {@code tests/vectors/*.tsv}, read exactly as the Rust suite reads them
 * (onr-core/tests/vectors.rs): lines starting with {@code #} are comments, the first other line
 * is the header, columns are split on tabs, and the escapes are {@code \\}, {@code \t},
 * {@code \}{@code uXXXX} and {@code \}{@code UXXXXXXXX}.
 */
final class Vectors {
    private Vectors() {}

    static Path dir() {
        String dir = System.getProperty("onr.vectors.dir");
        return dir != null ? Path.of(dir) : Path.of("..", "tests", "vectors");
    }

    static List<String[]> read(String name) {
        String text;
        try {
            text = Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shared vectors " + name, e);
        }
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(Arrays.stream(line.split("\t", -1)).map(Vectors::unescape).toArray(String[]::new));
        }
        return rows;
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case '\\':
                    out.append('\\');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                case 'U': {
                    int n = k == 'u' ? 4 : 8;
                    out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + n), 16));
                    i += n;
                    break;
                }
                default:
                    throw new IllegalArgumentException("bad escape \\" + k);
            }
        }
        return out.toString();
    }
}
