// Prints the zero digit of every run of BMP characters that Java's Character.digit(c, 10)
// accepts (Java's Integer.parseInt uses it, and so ONR's hetu checksum does). Each run is ten
// consecutive code points with the values 0..9; the program checks that and fails otherwise.
// Used to regenerate JAVA_DIGIT_ZEROS in onr-core/src/hetu/mod.rs: `java JavaDigits.java`.
public class JavaDigits {
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            int d = Character.digit((char) c, 10);
            if (d < 0) continue;
            if (d == 0) {
                for (int k = 0; k < 10; k++) {
                    if (Character.digit((char) (c + k), 10) != k) throw new AssertionError("run at " + c);
                }
                out.append(String.format("0x%04X, ", c));
            } else if (Character.digit((char) (c - d), 10) != 0) {
                throw new AssertionError("digit outside a run at " + c);
            }
        }
        System.out.println("// java " + System.getProperty("java.version"));
        System.out.println(out.toString().trim());
    }
}
