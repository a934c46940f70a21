// Ground truth for ONR's name normalisation, from the real libraries ONR uses.
//
// ONR (oppijanumerorekisteri-service) normalises names with
//   TextUtils.normalize(s).toLowerCase(), where TextUtils.normalize(s) =
//   Junidecode.unidecode(StringUtils.stripAccents(
//       Normalizer.normalize(s, NFD).replaceAll("\\p{InCombiningDiacriticalMarks}+", "")))
// with commons-lang3 3.20.0 and junidecode 0.5.2 (versions from ONR's pom.xml). This program
// calls exactly those public APIs; run it through ../onr-normalize.sh, which fetches the jars
// from Maven Central.
//
// Modes:
//   table      print the Rust data file onr-core/src/similarity/name_match/java_data.rs:
//              Junidecode's output for every UTF-16 unit and the code points this JDK leaves
//              unassigned. Fails loudly if Junidecode is not the per-code-point map the Rust
//              code assumes (checked over every code point).
//   fixture    print tests/vectors/onr_normalize.tsv: escaped input <TAB> escaped normalize.
//   normalize  read escaped lines on stdin, print "escaped input <TAB> escaped normalize".
//
// Escapes (both directions): a doubled backslash, backslash-t, -n, -r, and backslash-u{HEX} for any code point
// that is not printed as itself (controls, marks, spaces, format, unassigned...).
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.*;
import net.gcardone.junidecode.Junidecode;
import org.apache.commons.lang3.StringUtils;

public class OnrNormalize {
    /** ONR's YksilointiServiceImpl.normalize: TextUtils.normalize(input).toLowerCase(). */
    static String onrNormalize(String s) {
        String result = Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{InCombiningDiacriticalMarks}+", "");
        return Junidecode.unidecode(StringUtils.stripAccents(result)).toLowerCase();
    }

    static boolean printable(int cp) {
        if (cp >= 0x20 && cp < 0x7f) return cp != '\\';
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER: case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER: case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
            case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION: case Character.CONNECTOR_PUNCTUATION:
            case Character.OTHER_PUNCTUATION: case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL: case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') b.append("\\\\");
            else if (cp == '\t') b.append("\\t");
            else if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (printable(cp)) b.appendCodePoint(cp);
            else b.append("\\u{").append(Integer.toHexString(cp).toUpperCase()).append('}');
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') { b.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case '\\': b.append('\\'); break;
                case 't': b.append('\t'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 'u': {
                    int end = s.indexOf('}', i);
                    b.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
                    i = end;
                    break;
                }
                default: throw new IllegalArgumentException("bad escape in " + s);
            }
        }
        return b.toString();
    }

    static String junidecodeUnit(int unit) {
        return Junidecode.unidecode(String.valueOf((char) unit));
    }

    static String rustString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static void table(PrintStream out) {
        String[] units = new String[0x10000];
        for (int u = 0; u < 0x10000; u++) {
            String t = junidecodeUnit(u);
            for (char c : t.toCharArray()) {
                if (c > 0x7f) throw new AssertionError("non-ASCII output for U+" + Integer.toHexString(u));
            }
            if (u < 0x7f && !t.equals(String.valueOf((char) u))) throw new AssertionError("ASCII not kept: " + u);
            if (u >= 0xD800 && u <= 0xDFFF && !t.isEmpty()) throw new AssertionError("surrogate output: " + u);
            units[u] = t;
        }
        // Junidecode reads code points but indexes its tables by the low 16 bits, and then also
        // visits the low surrogate on its own: check that model for every supplementary code point.
        for (int cp = 0x10000; cp <= 0x10FFFF; cp++) {
            String got = Junidecode.unidecode(new String(Character.toChars(cp)));
            if (!got.equals(units[cp & 0xFFFF])) throw new AssertionError("supplementary U+" + Integer.toHexString(cp));
        }
        // And that it is a plain concatenation over a string.
        Random rnd = new Random(7);
        for (int k = 0; k < 100000; k++) {
            StringBuilder s = new StringBuilder(), want = new StringBuilder();
            int n = rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                int cp = rnd.nextBoolean() ? rnd.nextInt(0x3000) : rnd.nextInt(0x110000);
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                s.appendCodePoint(cp);
                want.append(units[cp & 0xFFFF]);
            }
            if (!Junidecode.unidecode(s.toString()).equals(want.toString())) throw new AssertionError("not per code point");
        }

        out.println("// @generated by scripts/ground-truth/onr-normalize.sh table -- do not edit.");
        out.println("// source: net.gcardone.junidecode:junidecode:0.5.2 (Junidecode.unidecode, one UTF-16 unit at a time)");
        out.println("//         and java.lang.Character.getType == UNASSIGNED of java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ")");
        out.println("// regenerate: scripts/ground-truth/onr-normalize.sh table > onr-core/src/similarity/name_match/java_data.rs");
        out.println();
        out.println("/// The Java version whose Unicode data [`JAVA_UNASSIGNED`] describes.");
        out.println("pub(super) const JAVA_VERSION: &str = \"" + System.getProperty("java.version") + "\";");
        out.println();
        out.println("/// Junidecode's ASCII output, indexed by the high byte and then the low byte of a UTF-16");
        out.println("/// unit (trailing empty outputs omitted; a missing entry is empty).");
        out.println("pub(super) static JUNIDECODE: [&[&str]; 256] = [");
        for (int hi = 0; hi < 256; hi++) {
            int len = 256;
            while (len > 0 && units[(hi << 8) + len - 1].isEmpty()) len--;
            if (len == 0) {
                out.printf("    &[], // %02X%n", hi);
                continue;
            }
            out.printf("    &[ // %02X%n", hi);
            for (int lo = 0; lo < len; lo += 8) {
                StringBuilder line = new StringBuilder("        ");
                for (int k = lo; k < Math.min(lo + 8, len); k++) line.append(rustString(units[(hi << 8) + k])).append(", ");
                out.println(line.toString().stripTrailing());
            }
            out.println("    ],");
        }
        out.println("];");
        out.println();
        out.println("/// Inclusive ranges of the code points that this Java leaves unassigned: its normaliser");
        out.println("/// neither decomposes nor reorders them.");
        out.println("pub(super) static JAVA_UNASSIGNED: &[(u32, u32)] = &[");
        int start = -1;
        StringBuilder line = new StringBuilder("    ");
        for (int cp = 0; cp <= 0x110000; cp++) {
            boolean un = cp <= 0x10FFFF && Character.getType(cp) == Character.UNASSIGNED;
            if (un && start < 0) start = cp;
            if (!un && start >= 0) {
                String item = String.format("(0x%X, 0x%X), ", start, cp - 1);
                if (line.length() + item.length() > 100) { out.println(line.toString().stripTrailing()); line = new StringBuilder("    "); }
                line.append(item);
                start = -1;
            }
        }
        out.println(line.toString().stripTrailing());
        out.println("];");
    }

    static void addRange(List<String> in, int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            in.add(new String(Character.toChars(cp)));
        }
    }

    static void fixture(PrintStream out) {
        List<String> in = new ArrayList<>();
        // Every BMP character on its own (surrogates cannot appear in a Rust string).
        addRange(in, 0, 0xFFFF);
        // Supplementary characters of interest: math alphanumerics (NFKD to ASCII), enclosed
        // alphanumerics, emoji, CJK extension B, historic scripts and planes' edges.
        addRange(in, 0x1D400, 0x1D7FF);
        addRange(in, 0x1F100, 0x1F1FF);
        addRange(in, 0x1F300, 0x1F64F);
        addRange(in, 0x10780, 0x107BF);
        addRange(in, 0x1E030, 0x1E08F);
        addRange(in, 0x20000, 0x2007F);
        addRange(in, 0x10000, 0x1007F);
        addRange(in, 0x10FF80, 0x10FFFF);
        // Names and sequences.
        String[] names = {
            "", " ", "a", "A", "ä", "á", "=-_.:!#/()", "Éva Nõmm Noël Hélène Ðông Bùi",
            "Eva Nomm Noel Helene Dong Bui", "Äyrämö", "Amélie", "Renée Nöel Zoë", "Søren",
            "Eva-Kaarina", "Nyrkki-Kyllikki", "Halla-aho", "Hanna-Leena  Maija", "Åsa Öberg",
            "Jääskeläinen", "Ääkkönen", "Björn Ångström", "Ánte Áilu Gáddja", "Sáme Čárjá Đđ Ŋŋ Šš Ŧŧ Žž",
            "Ǯǯ Ʒʒ Ǥǥ Ǧǧ Ǩǩ Ǒǒ", "Jüri Õunapuu Šaržanov Žukov", "Łukasz Żółć Jędrzej Ścibor",
            "Dvořák Řehoř Ťuťák Ůžasný", "François Cœur Œdipe Ægir", "Straße Groß ẞ", "Þór Ðuríður Æsa",
            "Иван Ёлкин Щукин", "Юлия Яковлева", "Ελένη Ζωή Άρης", "Ωμέγα ΐ ΰ", "王小明", "김민준",
            "やまだ たろう", "Ｆｕｌｌ　Ｗｉｄｔｈ", "ﬁne ﬂow ﬀ", "Ĳsbrand", "ǅemal ǈuba ǋiva", "İsmail ığdır",
            "a\u0308", "A\u030A", "e\u0301\u0327", "o\u0328\u0301", "a\u0323\u0302", "q\u0307\u0323",
            "\u0301a", "a\u20DD", "a\u0483", "a\u1AB0b", "a\u1DC0\u0316", "a\u05B0\u0591", "x\u0338y",
            "\u00A8\u00B4\u02DD", "\u1FED\u1FEE", "n\u0303\u0303", "😀 Emoji 👍🏽", "𝐀𝐧𝐧𝐚", "ⓐⓝⓝⓐ", "①②",
            "Ⅳ Ⅻ", "½ ² ³", "\u2028", "\u2029", "a\u00A0b", "a\u2009b", "a\u3000b", "tab\there",
            "Kalle\u00ADVille", "\u200Bx\u200D", "\uFEFF", "Z\u0335", "L\u0337", "Ø ø", "Ħ ħ", "Ŀ ŀ",
            "Ɨ ɨ Ʉ ʉ Ŧ ŧ", "ᵻ ᶤ ᶧ ᵾ ᶶ", "Ꞌ ꞌ", "ʼ ʻ ’ ‘", "Ǆ ǆ", "ŉ", "ſ ẛ", "Ⓐ", "㍱", "℡ ™ ℃",
        };
        in.addAll(Arrays.asList(names));
        // Random strings over the characters that matter, with combining marks mixed in.
        Random rnd = new Random(20240611);
        int[][] pools = {
            {0x41, 0x7A}, {0xC0, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x1E00, 0x1FFF},
            {0x20, 0x40}, {0x2000, 0x206F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
            {0xFE20, 0xFE2F}, {0x591, 0x5C7}, {0x3040, 0x30FF}, {0xAC00, 0xD7A3}, {0x4E00, 0x9FFF},
            {0x1F300, 0x1F6FF}, {0x1D400, 0x1D7FF}, {0xFB00, 0xFB4F}, {0xFF00, 0xFFEF},
        };
        for (int k = 0; k < 4000; k++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                int[] p = pools[rnd.nextInt(pools.length)];
                s.appendCodePoint(p[0] + rnd.nextInt(p[1] - p[0] + 1));
            }
            in.add(s.toString());
        }
        printHeader(out);
        for (String s : in) out.println(escape(s) + "\t" + escape(onrNormalize(s)));
    }

    static void printHeader(PrintStream out) {
        out.println("# ONR's name normalisation: YksilointiServiceImpl.normalize(s) = TextUtils.normalize(s).toLowerCase()");
        out.println("# source: commons-lang3 3.20.0 + junidecode 0.5.2 (ONR's pom.xml) on java " + System.getProperty("java.version")
                + ", run through their public API by scripts/ground-truth/onr-normalize/OnrNormalize.java");
        out.println("# regenerate: scripts/ground-truth/onr-normalize.sh fixture > tests/vectors/onr_normalize.tsv");
        out.println("# columns: input<TAB>normalized; escapes: \\\\ \\t \\n \\r and \\u{HEX}");
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        switch (args.length == 0 ? "" : args[0]) {
            case "table": table(out); break;
            case "fixture": fixture(out); break;
            case "normalize": {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    String s = unescape(line);
                    out.println(escape(s) + "\t" + escape(onrNormalize(s)));
                }
                break;
            }
            default:
                System.err.println("usage: OnrNormalize table|fixture|normalize");
                System.exit(2);
        }
        out.flush();
    }
}
