package fi.onr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One JVM run, the same one million inputs: ONR's hetu verdict by
 * <ul>
 *   <li>a straightforward pure-Java validator ({@link PlainJavaHetu}), the baseline;</li>
 *   <li>{@link Hetu#validateAll}: one native call per chunk of 4096 inputs, on the common
 *       ForkJoinPool's threads (the default for a large batch) and on one thread;</li>
 *   <li>{@link Hetu#isValid}: one native call per input.</li>
 * </ul>
 * Each is warmed up, then timed over several rounds; the best round counts. Prints the ratios
 * (how many times faster than the pure-Java loop; above 1 is faster).
 *
 * <p>Run: {@code mvn -f bindings-jvm/pom.xml -Pbench verify} or {@code benches/jvm-hetu-ratio.sh}.
 */
public final class HetuBench {
    private static final String SIGNS_1800 = "+";
    private static final String SIGNS_1900 = "-YXWVU";
    private static final String SIGNS_2000 = "ABCDEF";
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private HetuBench() {}

    public static void main(String[] args) {
        int n = Integer.getInteger("onr.bench.n", 1_000_000);
        int rounds = Integer.getInteger("onr.bench.rounds", 5);
        Environment env = Environment.PRODUCTION;
        List<String> inputs = inputs(n, 2026);

        // The three must agree on every input, or the comparison means nothing.
        HetuResults batch = Hetu.validateAll(inputs, env);
        int valid = 0;
        for (int i = 0; i < n; i++) {
            String s = inputs.get(i);
            boolean plain = PlainJavaHetu.isValid(s, false);
            if (plain != batch.isValid(i) || (i % 97 == 0 && plain != Hetu.isValid(s, env))) {
                throw new AssertionError("the pure-Java validator disagrees with onr-core on input " + i);
            }
            valid += plain ? 1 : 0;
        }
        System.out.printf("inputs: %,d (%.1f%% valid in production), rounds: %d%n", n, 100.0 * valid / n, rounds);

        Run plainRun = () -> {
            int c = 0;
            for (int i = 0; i < inputs.size(); i++) {
                c += PlainJavaHetu.isValid(inputs.get(i), false) ? 1 : 0;
            }
            return c;
        };
        Run batchRun = () -> Hetu.validateAll(inputs, env).validCount();
        Run batchOneThreadRun = () -> HetuResults.validate(inputs, env, false, false).validCount();
        Run perCallRun = () -> {
            int c = 0;
            for (int i = 0; i < inputs.size(); i++) {
                c += Hetu.isValid(inputs.get(i), env) ? 1 : 0;
            }
            return c;
        };
        // Interleaved: each timed round runs all four, so a change in the machine's load (other
        // processes share its cores) affects them alike; the best round of each counts.
        long[] bests = interleaved(rounds, valid, plainRun, batchRun, batchOneThreadRun, perCallRun);
        long plain = bests[0];
        long batchNs = bests[1];
        long batchOneThread = bests[2];
        long perCall = bests[3];

        report("pure-Java loop (baseline)", plain, plain, n);
        report("Hetu.validateAll (default, parallel)", batchNs, plain, n);
        report("Hetu.validateAll on one thread", batchOneThread, plain, n);
        report("Hetu.isValid per call (JNI)", perCall, plain, n);

        // For the record: the same through UniFFI's generated bindings (JNA) alone.
        String[] array = inputs.toArray(new String[0]);
        long uniffiBatch = best(rounds, () -> {
            int c = 0;
            for (int v : HetuResults.viaUniffi(array, env, false)) {
                c += v >= 0 ? 1 : 0;
            }
            return c;
        }, valid);
        report("UniFFI batch (UTF-8 bytes in, ints out)", uniffiBatch, plain, n);
        int m = Math.min(n, Integer.getInteger("onr.bench.uniffi.n", 5_000));
        List<String> sub = inputs.subList(0, m);
        int subValid = (int) sub.stream().filter(x -> PlainJavaHetu.isValid(x, false)).count();
        long uniffiPerCall = best(Math.max(1, rounds / 2), () -> {
            int c = 0;
            for (String x : sub) {
                c += Ffi.call(() -> fi.onr.ffi.Onr_jvmKt.hetuIsValid(x, env.ffi())) ? 1 : 0;
            }
            return c;
        }, subValid);
        report("UniFFI per call (first " + m + " inputs)", uniffiPerCall * n / m, plain, n);

        System.out.printf("cores available: %d; the parallel batch runs on the calling thread + %d common-pool thread(s); the pure-Java loop on one thread%n",
                Runtime.getRuntime().availableProcessors(), java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        System.out.printf("RATIO batch: Hetu.validateAll is %.2fx as fast as the pure-Java loop (target >= 3x)%n", (double) plain / batchNs);
        System.out.printf("RATIO batch, one thread: Hetu.validateAll is %.2fx as fast as the pure-Java loop%n", (double) plain / batchOneThread);
        System.out.printf("RATIO per-call: Hetu.isValid takes %.2fx the pure-Java loop's time (target <= 3x)%n", (double) perCall / plain);
    }

    private static void report(String what, long ns, long baseline, int n) {
        System.out.printf("%-40s %9.1f ms  %7.1f ns/input  %6.2fx the baseline's time%n",
                what, ns / 1e6, (double) ns / n, (double) ns / baseline);
    }

    interface Run {
        int run();
    }

    /** Warm-up rounds, then {@code rounds} timed rounds of all runs in turn; the best of each, in ns. */
    private static long[] interleaved(int rounds, int expected, Run... runs) {
        for (int i = 0; i < Math.max(2, rounds / 2); i++) {
            for (Run run : runs) {
                check(run.run(), expected);
            }
        }
        long[] best = new long[runs.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < runs.length; k++) {
                long t0 = System.nanoTime();
                int r = runs[k].run();
                long t = System.nanoTime() - t0;
                check(r, expected);
                best[k] = Math.min(best[k], t);
            }
        }
        return best;
    }

    /** Warm-up rounds, then the best of {@code rounds} timed rounds, in nanoseconds. */
    private static long best(int rounds, Run run, int expected) {
        for (int i = 0; i < Math.max(2, rounds / 2); i++) {
            check(run.run(), expected);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            int r = run.run();
            long t = System.nanoTime() - t0;
            check(r, expected);
            best = Math.min(best, t);
        }
        return best;
    }

    private static void check(int got, int expected) {
        if (got != expected) {
            throw new AssertionError("expected " + expected + " valid, got " + got);
        }
    }

    /**
     * Deterministic inputs: about three quarters well-formed codes (individual numbers
     * 002-999, so some temporary ones that production rejects), the rest with a typo: a wrong
     * check character, two swapped characters, a dropped or extra character, lowercase.
     */
    static List<String> inputs(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        LocalDate start = LocalDate.of(1850, 1, 1);
        for (int i = 0; i < n; i++) {
            LocalDate d = start.plusDays(r.nextInt(365 * 170));
            int year = d.getYear();
            String signs = year < 1900 ? SIGNS_1800 : year < 2000 ? SIGNS_1900 : SIGNS_2000;
            int individual = 2 + r.nextInt(998);
            int number = d.getDayOfMonth() * 10_000_000 + d.getMonthValue() * 100_000 + year % 100 * 1000 + individual;
            String s = String.format("%02d%02d%02d%c%03d%c", d.getDayOfMonth(), d.getMonthValue(), year % 100,
                    signs.charAt(r.nextInt(signs.length())), individual, CHECK_CHARS.charAt(number % 31));
            switch (r.nextInt(16)) {
                case 0:
                    s = s.substring(0, 10) + CHECK_CHARS.charAt(r.nextInt(31));
                    break;
                case 1: {
                    int p = r.nextInt(10);
                    char[] c = s.toCharArray();
                    char t = c[p];
                    c[p] = c[p + 1];
                    c[p + 1] = t;
                    s = new String(c);
                    break;
                }
                case 2:
                    s = s.substring(1);
                    break;
                case 3:
                    s = s + " ";
                    break;
                default:
                    break;
            }
            out.add(s);
        }
        return out;
    }
}
