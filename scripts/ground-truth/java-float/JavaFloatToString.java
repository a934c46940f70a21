// Prints "bits<TAB>Float.toString(value)" for a set of floats in [0, 1]: the reference for the
// `onr similarity` output format (Lucene's tool prints its floats with Float.toString).
// The set: special values, a dense sample of [1/8, 1], a sample of every binade down to the
// smallest subnormal, random floats, and every float in [0, 1] whose exact decimal expansion has
// at most 11 significant digits (where a shortest representation can be a tie between two
// candidates: Java then prints the one whose last digit is even).
// Run: java JavaFloatToString.java > tests/vectors/java_float.tsv (scripts/ground-truth/java-float.sh)
import java.math.BigInteger;
import java.util.*;

public class JavaFloatToString {
    public static void main(String[] args) {
        TreeSet<Integer> bits = new TreeSet<>();
        for (float f : new float[] {0f, 1f, 0.5f, 0.85f, 0.84999996f, 0.7f, 0.1f, 1e-3f, 9.999999e-4f,
                Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(1f), Math.nextUp(0.85f), Math.nextDown(0.85f)}) {
            bits.add(Float.floatToIntBits(f));
        }
        int one = Float.floatToIntBits(1f);
        for (int b = Float.floatToIntBits(0.125f); b <= one; b += 4001) bits.add(b);
        for (int b = 0; b <= one; b += 262147) bits.add(b);
        for (int k = 1; k <= 127; k++) {
            for (int d = -2; d <= 2; d++) bits.add(Math.min(Math.max((k << 23) + d, 0), one));
        }
        Random rnd = new Random(11);
        for (int i = 0; i < 5000; i++) bits.add(rnd.nextInt(one + 1));
        // m * 2^-k with m odd and m * 5^k < 10^11: exact expansions of at most 11 digits.
        BigInteger limit = BigInteger.TEN.pow(11);
        for (int k = 1; k <= 149; k++) {
            BigInteger five = BigInteger.valueOf(5).pow(k);
            for (long m = 1; m < (1L << 24) && m <= (1L << Math.min(k, 40)); m += 2) {
                if (five.multiply(BigInteger.valueOf(m)).compareTo(limit) >= 0) break;
                float f = (float) (m * Math.pow(2, -k));
                if ((double) f == m * Math.pow(2, -k) && f <= 1f) bits.add(Float.floatToIntBits(f));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Java's Float.toString for floats in [0, 1] (bits as hex)\n");
        out.append("# source: java ").append(System.getProperty("java.version")).append(", scripts/ground-truth/java-float/JavaFloatToString.java\n");
        out.append("# regenerate: scripts/ground-truth/java-float.sh\n");
        for (int b : bits) {
            out.append(Integer.toHexString(b)).append('\t').append(Float.toString(Float.intBitsToFloat(b))).append('\n');
        }
        System.out.print(out);
    }
}
