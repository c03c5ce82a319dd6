package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One isolate serves many requests at once, interleaved on its event loop (RT-11). */
class ConcurrencyTest {

    @Test
    void fiftyConcurrentRequestsWithAnAwaitedTimerAllCompleteCorrectly() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(single("""
                     let inFlight = 0;
                     let maxInFlight = 0;
                     export default {
                       async fetch(request) {
                         const n = Number(new URL(request.url).searchParams.get('n'));
                         inFlight++;
                         maxInFlight = Math.max(maxInFlight, inFlight);
                         await new Promise((resolve) => setTimeout(resolve, 50 - (n % 10)));
                         inFlight--;
                         return Response.json({ n, square: n * n, maxInFlight });
                       },
                     };
                     """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            List<CompletableFuture<WorkerResponse>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                futures.add(worker.fetch(get("https://x/?n=" + i)).toCompletableFuture());
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int maxSeen = 0;
            for (int i = 0; i < 50; i++) {
                WorkerResponse response = futures.get(i).get();
                assertEquals(200, response.status());
                String json = body(response);
                assertTrue(json.startsWith("{\"n\":" + i + ",\"square\":" + (i * i) + ","), json);
                maxSeen = Math.max(maxSeen, Integer.parseInt(json.replaceAll(".*\"maxInFlight\":(\\d+).*", "$1")));
            }
            // The timers overlapped: requests were in flight together, not one after another.
            assertTrue(maxSeen > 1, "max in flight " + maxSeen);
            assertTrue(millis < 50 * 40, "took " + millis + " ms");
        }
    }

    @Test
    void requestsFromManyThreadsAgainstOneWorker() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(single("""
                     export default { async fetch(request) { return new Response(await request.text()); } };
                     """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(CompletableFuture.supplyAsync(() -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 200; i++) {
                        String expected = thread + ":" + i;
                        String got = body(call(worker, request("POST", "https://x/", List.of(), expected)));
                        if (!expected.equals(got)) {
                            sb.append(expected).append("!=").append(got).append(' ');
                        }
                    }
                    return sb.toString();
                }));
            }
            for (CompletableFuture<String> r : results) {
                assertEquals("", r.get(60, TimeUnit.SECONDS));
            }
        }
    }
}
