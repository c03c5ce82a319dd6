package dev.outpost.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Helpers to build bundles and requests for tests. */
final class TestWorkers {
    private TestWorkers() {
    }

    static WorkerModule esm(String name, String source) {
        return new WorkerModule(name, ModuleType.ESM, source.getBytes(StandardCharsets.UTF_8));
    }

    static WorkerBundle bundle(String main, WorkerModule... modules) {
        Map<String, WorkerModule> map = new LinkedHashMap<>();
        for (WorkerModule m : modules) {
            map.put(m.name(), m);
        }
        return new WorkerBundle("test-worker", "v1", main, map, "2024-09-01", List.of());
    }

    static WorkerBundle single(String source) {
        return bundle("main.js", esm("main.js", source));
    }

    static WorkerRequest get(String url) {
        return new WorkerRequest("GET", url, List.of(), new byte[0], "req-" + System.nanoTime());
    }

    static WorkerRequest request(String method, String url, List<Map.Entry<String, String>> headers, String body) {
        return new WorkerRequest(method, url, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                "req-" + System.nanoTime());
    }

    /** Calls the worker; a streamed response body is read to its end into {@code body()}. */
    static WorkerResponse call(LoadedWorker worker, WorkerRequest request) {
        try {
            WorkerResponse response = worker.fetch(request).toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (response.bodyStream() == null) {
                return response;
            }
            return new WorkerResponse(response.status(), response.statusText(), response.headers(),
                    drain(response.bodyStream()));
        } catch (Exception e) {
            throw new AssertionError("fetch did not complete", e);
        }
    }

    /** Reads a body stream to its end. */
    static byte[] drain(BodyStream stream) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] chunk; (chunk = stream.read().toCompletableFuture().get(30, TimeUnit.SECONDS)) != null; ) {
            out.write(chunk);
        }
        return out.toByteArray();
    }

    static String body(WorkerResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static RuntimeLimits limits(Duration cpu, Duration wall) {
        return new RuntimeLimits(cpu, wall, 128L * 1024 * 1024);
    }
}
