import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.ModuleType;
import dev.outpost.runtime.RuntimeLimits;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerEngine;
import dev.outpost.runtime.WorkerEnvironment;
import dev.outpost.runtime.WorkerModule;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.D1ExecResult;
import dev.outpost.runtime.bindings.D1Meta;
import dev.outpost.runtime.bindings.D1QueryResult;
import dev.outpost.runtime.bindings.D1Result;
import dev.outpost.runtime.bindings.D1Statement;
import dev.outpost.runtime.bindings.D1Value;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The isolate's share of a worker select (issue 7), without the network, d1-service or the gateway: bench/d1's
 * worker script in one isolate against an in-memory D1 binding that answers on another thread (as a gRPC answer
 * does), 16 requests in flight, and the isolate thread's CPU per request from ThreadMXBean. Thread CPU of one
 * thread in one JVM moves far less with the machine's load than the services' CPU per request in bench/d1, so
 * before/after pairs of worker-runtime changes can be told apart on a busy box. Run: bench/d1/isolate-cost.sh.
 */
public class IsolateCost {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        ExecutorService answers = Executors.newSingleThreadExecutor();
        D1Meta meta = new D1Meta(0.05, 0, 0, false, 16384, 1, 0, "outpost-d1", true, null);
        D1DatabaseBinding db = new D1DatabaseBinding() {
            @Override
            public CompletionStage<D1QueryResult> query(List<D1Statement> statements, String session) {
                long id = ((D1Value.Integer) statements.get(0).params().get(0)).value();
                D1QueryResult result = new D1QueryResult(List.of(new D1Result(List.of("v"),
                        List.of(List.of(D1Value.of("value-" + id))), meta)), null);
                return CompletableFuture.supplyAsync(() -> result, answers);
            }

            @Override
            public CompletionStage<D1ExecResult> exec(String sql) {
                throw new UnsupportedOperationException();
            }
        };
        String script = """
                export default {
                  async fetch(request, env) {
                    const url = new URL(request.url);
                    const id = Number(url.searchParams.get('id'));
                    const row = await env.DB.prepare('SELECT v FROM kv WHERE id = ?').bind(id).first();
                    if (row === null) return new Response('no row ' + id, { status: 404 });
                    return new Response(row.v);
                  }
                };""";
        WorkerBundle bundle = new WorkerBundle("bench", "v1", "bench.js",
                Map.of("bench.js", new WorkerModule("bench.js", ModuleType.ESM, script.getBytes(StandardCharsets.UTF_8))),
                "2025-01-01", List.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(bundle, WorkerEnvironment.builder().d1("DB", db).build(), RuntimeLimits.defaults())) {
            for (int round = 1; round <= rounds; round++) {
                Semaphore inFlight = new Semaphore(16);
                AtomicLong failed = new AtomicLong();
                long cpu0 = isolateCpu(threads);
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    inFlight.acquire();
                    worker.fetch(new WorkerRequest("GET", "http://bench.localhost/get?id=" + (i % 10_000 + 1), List.of(),
                            new byte[0], "r" + i)).whenComplete((r, e) -> {
                        if (e != null || r.status() != 200) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
                }
                inFlight.acquire(16);
                long t1 = System.nanoTime();
                long cpu1 = isolateCpu(threads);
                System.out.printf("round %2d: isolate thread CPU %6.2f us per select, %7.0f selects/s, %d failed%n", round,
                        (cpu1 - cpu0) / 1000.0 / perRound, perRound / ((t1 - t0) / 1e9), failed.get());
                if (failed.get() > 0) {
                    throw new IllegalStateException(failed.get() + " selects failed");
                }
            }
        } finally {
            answers.shutdownNow();
        }
    }

    private static long isolateCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("outpost-isolate")) {
                total += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return total;
    }
}
