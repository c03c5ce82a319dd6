package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worker faults never reach the client as Java errors (RT-14): uncaught exceptions, rejections, non-Responses
 * and hangs give workerd's 500, CPU overruns a 503, and the worker keeps serving.
 */
class FaultHandlingTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static final String FAULTY = """
            export default {
              async fetch(request) {
                const path = new URL(request.url).pathname;
                if (path === '/throw') throw new Error('boom');
                if (path === '/reject') return Promise.reject(new TypeError('rejected'));
                if (path === '/not-response') return 'hello';
                if (path === '/never') return new Promise(() => {});
                if (path === '/slow') { await new Promise((r) => setTimeout(r, 60000)); return new Response('late'); }
                if (path === '/loop') { while (true) {} }
                if (path === '/alloc-loop') { let x; for (;;) { x = new Array(1024); } }
                if (path === '/async-loop') { await new Promise((r) => setTimeout(r, 1)); for (;;) {} }
                if (path === '/timer-throws') {
                  setTimeout(() => { throw new Error('in timer'); }, 1);
                  await new Promise((r) => setTimeout(r, 20));
                  return new Response('after timer');
                }
                return new Response('fine');
              },
            };
            """;

    private static void assertWorkerdInternalError(WorkerResponse response) {
        assertEquals(500, response.status());
        assertEquals("Internal Server Error", body(response));
        assertEquals(List.of(), response.headers());
    }

    @Test
    void throwingWorkerGives500AndTheNextRequestStillWorks() throws Exception {
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, new WorkerRequest("GET", "https://x/throw", List.of(), new byte[0], "req-throw"));
            assertWorkerdInternalError(response);
            String text = logs.text();
            assertTrue(text.contains("[worker=test-worker request=req-throw] Uncaught Error: boom"), text);
            assertTrue(text.contains("at Object.fetch (main.js:4:"), text);
            assertEquals("fine", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void rejectionAndNonResponseGive500() throws Exception {
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertWorkerdInternalError(call(worker, get("https://x/reject")));
            assertWorkerdInternalError(call(worker, get("https://x/not-response")));
            String text = logs.text();
            assertTrue(text.contains("Uncaught TypeError: rejected"), text);
            assertTrue(text.contains("Uncaught TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'."), text);
        }
    }

    @Test
    void pendingPromisePastTheWallLimitGives500() throws Exception {
        // RT-11: /slow still has a timer pending, so only the wall limit ends it (NeverRespondsTest: nothing pending)
        RuntimeLimits limits = limits(Duration.ofSeconds(5), Duration.ofMillis(250));
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), limits)) {
            WorkerResponse response = call(worker, get("https://x/slow"));
            assertWorkerdInternalError(response);
            // The wall deadline answers first and logs right after, on the limit thread.
            assertTrue(logs.await("wall time limit of 250 ms exceeded"), logs.text());
            assertEquals("fine", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void infiniteLoopIsTerminatedWith503AndTheWorkerKeepsServing() throws Exception {
        RuntimeLimits limits = limits(Duration.ofMillis(200), Duration.ofSeconds(20));
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), limits)) {
            long start = System.nanoTime();
            WorkerResponse response = call(worker, get("https://x/loop"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, response.status());
            assertEquals("Worker exceeded CPU time limit.", body(response));
            assertTrue(millis < 10_000, "took " + millis + " ms");
            assertTrue(logs.text().contains("exceeded CPU time limit"), logs.text());
            assertEquals("fine", body(call(worker, get("https://x/"))));
            // V8 drops single termination requests in loops around `new Array(n)`; the enforcer repeats them.
            assertEquals(503, call(worker, get("https://x/alloc-loop")).status());
            assertEquals("fine", body(call(worker, get("https://x/"))));
            // A loop that starts after an await (in a timer slice) is caught as well.
            WorkerResponse async = call(worker, get("https://x/async-loop"));
            assertEquals(503, async.status());
            assertEquals("fine", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void uncaughtTimerExceptionIsLoggedAndTheRequestGoesOn() throws Exception {
        // workerd answers 200 "after timer" here and logs the timer's exception.
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/timer-throws"));
            assertEquals(200, response.status());
            assertEquals("after timer", body(response));
            assertTrue(logs.text().contains("Uncaught Error: in timer"), logs.text());
        }
    }

    @Test
    void syntaxErrorIsAWorkerLoadExceptionWithTheJsMessage() {
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("export default {\n  fetch() {\n    let x = ;\n  }\n};"), WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertEquals("Uncaught SyntaxError: Unexpected token ';' at main.js:3", e.getMessage());
    }

    @Test
    void syntaxErrorInAnImportedModuleNamesThatModule() {
        WorkerBundle bundle = bundle("main.js",
                esm("main.js", "import { x } from './lib.js';\nexport default { fetch() { return new Response(x); } };"),
                esm("lib.js", "export const x = ;"));
        WorkerLoadException e = assertThrows(WorkerLoadException.class,
                () -> engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertEquals("Uncaught SyntaxError: Unexpected token ';' at lib.js:1", e.getMessage());
    }

    @Test
    void aThrowingCommonJsModuleFailsTheLoad() {
        WorkerBundle bundle = bundle("main.js",
                esm("main.js", "import legacy from './legacy.cjs';\nexport default { fetch() { return new Response(legacy); } };"),
                new WorkerModule("legacy.cjs", ModuleType.COMMONJS, "throw new TypeError('no config');".getBytes()));
        WorkerLoadException e = assertThrows(WorkerLoadException.class,
                () -> engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(e.getMessage().startsWith("Uncaught TypeError: no config"), e.getMessage());
    }

    @Test
    void topLevelThrowIsAWorkerLoadException() {
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("export default { fetch() { return new Response('x'); } };\nthrow new RangeError('bad config');"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertEquals("Uncaught RangeError: bad config at main.js:2:7", e.getMessage());
    }

    @Test
    void missingModuleIsAWorkerLoadException() {
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("import './missing.js';\nexport default { fetch() { return new Response('x'); } };"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertEquals("Uncaught Error: No such module \"./missing.js\" imported from \"main.js\".", e.getMessage());
    }

    @Test
    void moduleWithoutDefaultExportOrWithoutHandlersIsRejected() {
        WorkerLoadException noDefault = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("export function fetch() { return new Response('x'); }"), WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(noDefault.getMessage().contains("has no default export"), noDefault.getMessage());
        WorkerLoadException noHandlers = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("export default { hello: 1 };"), WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(noHandlers.getMessage().contains("has no handlers"), noHandlers.getMessage());
    }

    @Test
    void workerWithoutFetchHandlerAnswers500() throws Exception {
        try (LoadedWorker worker = engine.load(single("export default { scheduled() {} };"),
                WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            assertWorkerdInternalError(call(worker, get("https://x/")));
        }
    }

    @Test
    void startupInfiniteLoopFailsTheLoad() {
        RuntimeLimits limits = limits(Duration.ofMillis(200), Duration.ofSeconds(20));
        WorkerLoadException e = assertThrows(WorkerLoadException.class, () -> engine.load(
                single("while (true) {}\nexport default { fetch() { return new Response('x'); } };"),
                WorkerEnvironment.empty(), limits));
        assertEquals("Script startup exceeded CPU time limit.", e.getMessage());
    }

    @Test
    void closedWorkerAnswers503() throws Exception {
        LoadedWorker worker = engine.load(single(FAULTY), WorkerEnvironment.empty(), RuntimeLimits.defaults());
        worker.close();
        assertEquals(503, call(worker, get("https://x/")).status());
    }
}
