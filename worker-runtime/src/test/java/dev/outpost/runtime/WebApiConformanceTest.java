package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs workers/web-apis.js and compares its report with what workerd 2026-11-17 answered for the same script
 * and request (workers/web-apis.expected.json, captured with the npm workerd binary). Covers URL parsing and
 * serialization, URLSearchParams, Headers, Request/Response validation messages, atob/btoa, TextEncoder/Decoder,
 * structuredClone, crypto, navigator and self (RT-6, RT-7).
 */
class WebApiConformanceTest {

    @Test
    void webApisAnswerLikeWorkerd() throws Exception {
        String expected = new String(FetchHandlerTest.resource("workers/web-apis.expected.json"), StandardCharsets.UTF_8).trim();
        WorkerBundle bundle = bundle("web-apis.js",
                new WorkerModule("web-apis.js", ModuleType.ESM, FetchHandlerTest.resource("workers/web-apis.js")));
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, new WorkerRequest("GET", "http://127.0.0.1:18792/",
                    List.of(Map.entry("X-Foo", "Bar")), new byte[0], "conformance"));
            assertEquals(200, response.status());
            String actual = body(response);
            // Compare entry by entry for a readable failure.
            String[] exp = expected.substring(1, expected.length() - 1).split(",\"(?=[A-Za-z0-9]+\":)");
            String[] act = actual.substring(1, actual.length() - 1).split(",\"(?=[A-Za-z0-9]+\":)");
            for (int i = 0; i < Math.min(exp.length, act.length); i++) {
                assertEquals(exp[i], act[i]);
            }
            assertEquals(expected, actual);
        }
    }
}
