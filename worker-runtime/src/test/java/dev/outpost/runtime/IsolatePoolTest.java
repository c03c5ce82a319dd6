package dev.outpost.runtime;

import dev.outpost.runtime.io.IsolateWorker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3's execution model: a pool of isolates per worker version, grown under CPU load and shrunk when idle. */
class IsolatePoolTest {
    /** Each isolate names itself once, at load; a request answers with that name after burning some CPU. */
    private static final String BUSY_WORKER = """
            let isolate; // random values are refused in global scope: named by the first request
            export default {
              fetch(request) {
                isolate ??= crypto.randomUUID();
                const spinMs = Number(new URL(request.url).searchParams.get('spin') ?? '0');
                const end = Date.now() + spinMs;
                let x = 0;
                while (Date.now() < end) { x++; }
                return new Response(isolate);
              },
            };
            """;

    private static IsolatePoolSettings pool(int max, Duration idle) {
        return new IsolatePoolSettings(max, idle, 0.5, 0);
    }

    /** Sends rounds of concurrent requests until {@code until} holds or the time runs out; returns isolate names. */
    private static Set<String> load(LoadedWorker worker, String url, int concurrency, Duration maxTime,
                                    java.util.function.BooleanSupplier until) throws Exception {
        Set<String> names = new HashSet<>();
        long deadline = System.nanoTime() + maxTime.toNanos();
        while (System.nanoTime() < deadline && !until.getAsBoolean()) {
            List<CompletableFuture<WorkerResponse>> round = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                round.add(worker.fetch(get(url)).toCompletableFuture());
            }
            for (CompletableFuture<WorkerResponse> f : round) {
                WorkerResponse r = f.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.status());
                names.add(body(r));
            }
        }
        return names;
    }

    @Test
    void cpuBoundLoadGrowsThePoolAndRequestsSpreadOverItsIsolates() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create(pool(2, Duration.ofSeconds(60)));
             LoadedWorker worker = engine.load(single(BUSY_WORKER), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            IsolateWorker pooled = (IsolateWorker) worker;
            assertEquals(1, pooled.isolateCount(), "a version starts with the isolate compiled at load");
            load(worker, "https://x/?spin=20", 4, Duration.ofSeconds(20), () -> pooled.isolateCount() == 2);
            assertEquals(2, pooled.isolateCount(), "saturated isolate threads add an isolate");
            // The new isolate takes requests once loaded: both names show up.
            Set<String> names = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (names.size() < 2 && System.nanoTime() < deadline) {
                names.addAll(load(worker, "https://x/?spin=5", 4, Duration.ofMillis(200), () -> false));
            }
            assertEquals(2, names.size(), "requests go to both isolates: " + names);
            load(worker, "https://x/?spin=20", 4, Duration.ofSeconds(2), () -> false);
            assertEquals(2, pooled.isolateCount(), "never beyond the configured maximum");
        }
    }

    @Test
    void idleExtraIsolatesAreClosedAndTheFirstStaysWarm() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create(pool(2, Duration.ofMillis(500)));
             LoadedWorker worker = engine.load(single(BUSY_WORKER), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            IsolateWorker pooled = (IsolateWorker) worker;
            load(worker, "https://x/?spin=20", 4, Duration.ofSeconds(20), () -> pooled.isolateCount() == 2);
            assertEquals(2, pooled.isolateCount());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pooled.isolateCount() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, pooled.isolateCount(), "the idle extra isolate was closed");
            assertEquals(200, call(worker, get("https://x/")).status(), "the remaining isolate still serves");
        }
    }

    @Test
    void concurrentRequestsWaitingOnIoShareOneIsolate() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create(pool(4, Duration.ofSeconds(60)));
             LoadedWorker worker = engine.load(single("""
                     let isolate;
                     export default {
                       async fetch() {
                         isolate ??= crypto.randomUUID();
                         await new Promise((resolve) => setTimeout(resolve, 30));
                         return new Response(isolate);
                       },
                     };
                     """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            Set<String> names = load(worker, "https://x/", 32, Duration.ofSeconds(2), () -> false);
            assertEquals(1, names.size(), "an isolate waiting on timers is not saturated: " + names);
            assertEquals(1, ((IsolateWorker) worker).isolateCount());
        }
    }

    @Test
    void aPoolOfOneNeverGrows() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create(IsolatePoolSettings.single());
             LoadedWorker worker = engine.load(single(BUSY_WORKER), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            Set<String> names = load(worker, "https://x/?spin=20", 4, Duration.ofSeconds(2), () -> false);
            assertEquals(1, names.size());
            assertTrue(((IsolateWorker) worker).isolateCount() == 1);
        }
    }
}
