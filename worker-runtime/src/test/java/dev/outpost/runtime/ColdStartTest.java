package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RT-6 / cold start: fresh isolates still come up and answer after the switch to the ICU (i18n) V8 build. Prints
 * the time of load + first request per fresh isolate for the record (docs/performance.md); it asserts only what
 * the workers answer, never how fast (timings on a shared machine are not a test).
 */
class ColdStartTest {
    private static final int ISOLATES = 15;

    @Test
    void rt6FreshIsolatesAnswerTheirFirstRequest() throws Exception {
        long engineStart = System.nanoTime();
        try (WorkerEngine engine = WorkerEngine.create()) {
            double[] ms = new double[ISOLATES];
            double first = 0;
            for (int i = 0; i < ISOLATES; i++) {
                long start = System.nanoTime();
                try (LoadedWorker worker = engine.load(single("""
                        export default { fetch(request) { return new Response('hello ' + new URL(request.url).pathname); } };
                        """), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
                    WorkerResponse response = call(worker, get("https://x/" + i));
                    assertEquals(200, response.status());
                    assertEquals("hello /" + i, body(response));
                }
                ms[i] = (System.nanoTime() - start) / 1e6;
                if (i == 0) {
                    first = (System.nanoTime() - engineStart) / 1e6;
                }
            }
            double[] warm = Arrays.copyOfRange(ms, 1, ISOLATES);
            Arrays.sort(warm);
            System.out.printf("cold start: first isolate of the JVM (engine, V8 library, ICU) %.1f ms; later fresh "
                    + "isolates load + first request median %.2f ms, max %.2f ms%n", first, warm[warm.length / 2],
                    warm[warm.length - 1]);
        }
    }
}
