package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A heap bomb is stopped by the watchdog (RECIPES: hard V8 limit far above the budget, heap statistics polled
 * from another thread, terminateExecution past the budget): the request gets a 503, the JVM lives, and the
 * worker answers again from a fresh isolate.
 */
class HeapLimitTest {

    @Test
    void heapBombGets503AndTheWorkerRecoversInAFreshIsolate() throws Exception {
        RuntimeLimits limits = new RuntimeLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 64L * 1024 * 1024);
        try (WorkerEngine engine = WorkerEngine.create();
             LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single("""
                     const hoard = [];
                     let served = 0;
                     export default {
                       fetch(request) {
                         served++;
                         if (request.url.endsWith('/bomb')) {
                           for (;;) hoard.push(new Array(1024).fill(served));
                         }
                         return new Response('served ' + served);
                       },
                     };
                     """), WorkerEnvironment.empty(), limits)) {
            assertEquals("served 1", body(call(worker, get("https://x/"))));
            WorkerResponse bomb = call(worker, get("https://x/bomb"));
            assertEquals(503, bomb.status());
            assertEquals("Worker exceeded memory limit.", body(bomb));
            assertTrue(logs.text().contains("exceeded memory limit"), logs.text());
            // A new isolate: module state starts over.
            assertEquals("served 1", body(call(worker, get("https://x/"))));
        }
    }
}
