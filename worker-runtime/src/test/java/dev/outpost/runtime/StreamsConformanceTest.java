package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs workers/streams.js and compares with what workerd (npm workerd, 2026-11) answered for the same script
 * (workers/streams.expected.json, and the two stream-body responses below): ReadableStream readers, tee, pipeTo,
 * pipeThrough, TransformStream, TextEncoderStream/TextDecoderStream, WritableStream, ReadableStream.from,
 * Blob.stream(), Request/Response stream bodies and Response.body.getReader() (RT-6).
 */
class StreamsConformanceTest {

    @Test
    void streamsAnswerLikeWorkerd() throws Exception {
        String expected = new String(FetchHandlerTest.resource("workers/streams.expected.json"), StandardCharsets.UTF_8).trim();
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = load(engine)) {
            WorkerResponse response = call(worker, get("http://127.0.0.1/"));
            assertEquals(200, response.status());
            String actual = body(response);
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

    @Test
    void aResponseMayCarryAReadableStreamFedByPullOrByTimers() throws Exception {
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = load(engine)) {
            WorkerResponse pulled = call(worker, get("http://127.0.0.1/stream-body"));
            assertEquals(200, pulled.status());
            assertEquals("chunk0;chunk1;chunk2;", body(pulled));
            assertEquals("stream", pulled.header("x-kind"));
            WorkerResponse timed = call(worker, get("http://127.0.0.1/timed-body"));
            assertEquals(200, timed.status());
            assertEquals("abc", body(timed));
        }
    }

    private static LoadedWorker load(WorkerEngine engine) throws Exception {
        WorkerBundle bundle = bundle("streams.js",
                new WorkerModule("streams.js", ModuleType.ESM, FetchHandlerTest.resource("workers/streams.js")));
        return engine.load(bundle, WorkerEnvironment.empty(), RuntimeLimits.defaults());
    }
}
