package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs workers/web-apis-2.js and compares its report with what workerd (npm workerd, 2026-11) answered for the
 * same script (workers/web-apis-2.expected.json): crypto.subtle digest/HMAC/AES-GCM/AES-CBC/ECDSA/RSASSA/RSA-PSS/
 * Ed25519/PBKDF2/HKDF, key import/export in raw/jwk/spki/pkcs8, timingSafeEqual and the DOMException names and
 * messages (RT-7); Event/EventTarget/CustomEvent, AbortController/AbortSignal (abort, timeout, any), scheduler.wait,
 * Blob/File, FormData and Request/Response formData()/blob() (RT-6).
 */
class WebApiConformance2Test {

    @Test
    void cryptoEventsBlobsAndFormDataAnswerLikeWorkerd() throws Exception {
        String expected = new String(FetchHandlerTest.resource("workers/web-apis-2.expected.json"), StandardCharsets.UTF_8).trim();
        WorkerBundle bundle = bundle("web-apis-2.js",
                new WorkerModule("web-apis-2.js", ModuleType.ESM, FetchHandlerTest.resource("workers/web-apis-2.js")));
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, new WorkerRequest("GET", "http://127.0.0.1/", List.of(), new byte[0], "conformance-2"));
            assertEquals(200, response.status());
            String actual = body(response);
            // Compare entry by entry and list every difference.
            String[] exp = expected.substring(1, expected.length() - 1).split(",\"(?=[A-Za-z0-9]+\":)");
            String[] act = actual.substring(1, actual.length() - 1).split(",\"(?=[A-Za-z0-9]+\":)");
            StringBuilder diffs = new StringBuilder();
            for (int i = 0; i < Math.min(exp.length, act.length); i++) {
                if (!exp[i].equals(act[i])) {
                    diffs.append("\n  expected ").append(exp[i]).append("\n  actual   ").append(act[i]);
                }
            }
            assertEquals("", diffs.toString(), "entries that differ from workerd");
            assertEquals(expected, actual);
        }
    }
}
