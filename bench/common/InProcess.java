package outpost.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load inside the bench JVM, for the floors (raw sqlite-jdbc, embedded Infinispan) and direct gRPC
 * calls: {@code threads} threads each running a blocking operation back to back, every latency recorded.
 */
public final class InProcess {
    /** One operation; {@code i} is its index in the run. */
    public interface Op {
        void run(long i) throws Exception;
    }

    private InProcess() {
    }

    /**
     * Warm-up for {@code warmupSeconds}, then {@code threads} threads running the operation back to back for
     * {@code seconds}; every latency is recorded.
     */
    public static Stats measure(String name, int threads, double warmupSeconds, double seconds, Op op) throws Exception {
        run(threads, warmupSeconds, op);
        long started = System.nanoTime();
        long[] latencies = run(threads, seconds, op);
        return of(name, threads, latencies, (System.nanoTime() - started) / 1e9);
    }

    /** Stats of a finished run from its latencies (sorted here). */
    public static Stats of(String name, int concurrency, long[] latencies, double seconds) {
        Arrays.sort(latencies);
        int n = latencies.length;
        return new Stats(name, concurrency, n, seconds, latencies[n / 2], latencies[(int) Math.min(n - 1, n * 0.99)]);
    }

    private static long[] run(int threads, double seconds, Op op) throws Exception {
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    long t0 = System.nanoTime();
                    while (t0 < deadline) {
                        op.run(next.getAndIncrement());
                        long t1 = System.nanoTime();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t1 - t0;
                        t0 = t1;
                    }
                    return Arrays.copyOf(mine, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : futures) {
                long[] part = f.get();
                int at = all.length;
                all = Arrays.copyOf(all, at + part.length);
                System.arraycopy(part, 0, all, at, part.length);
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
