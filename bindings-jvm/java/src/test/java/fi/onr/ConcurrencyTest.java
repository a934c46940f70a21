package fi.onr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many threads at once give the same answers as one thread. */
class ConcurrencyTest {
    @Test
    void manyThreadsAgreeWithOneThread() throws Exception {
        List<String> inputs = Vectors.read("hetu_onr.tsv").stream().map(r -> r[0]).limit(4000).collect(Collectors.toList());
        String expected = summary(inputs, Environment.TEST);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> summary(inputs, Environment.TEST)));
            }
            for (Future<String> f : futures) {
                assertEquals(expected, f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneGeneratorSharedByThreadsGivesDistinctStates() throws Exception {
        try (HetuGenerator g = new HetuGenerator(9)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Hetu>> futures = new ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    futures.add(pool.submit(() -> g.temporary(java.time.LocalDate.of(2000, 1, 1))));
                }
                for (Future<Hetu> f : futures) {
                    assertEquals(true, f.get(1, TimeUnit.MINUTES).isTemporary());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Per-call and batch verdicts of every input, as one string. */
    private static String summary(List<String> inputs, Environment env) {
        StringBuilder b = new StringBuilder();
        HetuResults batch = Hetu.validateAll(inputs, env);
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            b.append(Hetu.isValid(input, env) ? 'v' : 'i').append(batch.code(i)).append(batch.birthDate(i));
            if (i % 10 == 0) {
                try {
                    b.append(Hetu.parse(input, env).birthDate());
                } catch (HetuException e) {
                    b.append(e.code()).append(e.position());
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
