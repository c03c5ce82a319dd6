package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * RT-6 streaming bodies at the Java boundary: a request body arrives as a ReadableStream pulled chunk by chunk
 * (nothing is read before the worker reads), a ReadableStream response body leaves chunk by chunk as Java
 * pulls it, and an untouched request body passed to {@code new Response(request.body)} goes straight back.
 */
class StreamingBodyTest {

    /** A producer of {@code chunks} chunks of {@code size} bytes that counts how far it was read. */
    static final class CountingBody implements BodyStream {
        final int chunks;
        final int size;
        final AtomicInteger produced = new AtomicInteger();
        volatile String cancelled;
        /** What {@link #length()} announces: -1 (unknown) unless a test sets it. */
        long announced = -1;

        CountingBody(int chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        @Override
        public long length() {
            return announced;
        }

        @Override
        public CompletionStage<byte[]> read() {
            int n = produced.getAndIncrement();
            if (n >= chunks) {
                return CompletableFuture.completedFuture(null);
            }
            byte[] chunk = new byte[size];
            java.util.Arrays.fill(chunk, (byte) ('a' + n % 26));
            // Completes on another thread, like a socket would.
            return CompletableFuture.supplyAsync(() -> chunk);
        }

        @Override
        public void cancel(String reason) {
            cancelled = reason;
        }
    }

    static WorkerRequest streamed(BodyStream body) {
        return new WorkerRequest("POST", "http://127.0.0.1/", List.of(), null, "req-" + System.nanoTime(), null, body);
    }

    @Test
    void requestBodyIsAStreamReadChunkByChunk() throws Exception {
        String source = """
                export default {
                  async fetch(request) {
                    const reader = request.body.getReader();
                    let chunks = 0, bytes = 0, first = '';
                    for (;;) {
                      const { value, done } = await reader.read();
                      if (done) break;
                      if (chunks === 0) first = String.fromCharCode(value[0]);
                      chunks++; bytes += value.byteLength;
                    }
                    return new Response(`${chunks} ${bytes} ${first} ${request.body instanceof ReadableStream}`);
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody body = new CountingBody(100, 1000);
            WorkerResponse response = call(worker, streamed(body));
            assertEquals(200, response.status());
            assertEquals("100 100000 a true", body(response));
        }
    }

    @Test
    void anUnreadBodyIsNotPulledAndIsCancelledWhenTheRequestEnds() throws Exception {
        String source = "export default { fetch(request) { return new Response('ignored'); } };";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody body = new CountingBody(1000, 1000);
            WorkerResponse response = call(worker, streamed(body));
            assertEquals("ignored", body(response));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (body.cancelled == null && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertEquals(0, body.produced.get(), "backpressure: nothing read that the worker did not ask for");
            assertNotNull(body.cancelled);
        }
    }

    @Test
    void responseOfTheUntouchedRequestBodyPassesTheJavaStreamThrough() throws Exception {
        String source = "export default { fetch(request) { return new Response(request.body, { headers: { 'x-echo': '1' } }); } };";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody body = new CountingBody(3, 10);
            WorkerResponse response = worker.fetch(streamed(body)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertFalse(response.bodyStream().getClass().getName().contains("JsBodyStream"), "no JS between the two sockets");
            assertEquals("aaaaaaaaaabbbbbbbbbbcccccccccc", new String(drain(response.bodyStream()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void rt6AnEchoedBodyOfKnownLengthKeepsItsContentLengthOneOfUnknownLengthHasNone() throws Exception {
        String source = "export default { fetch(request) { return new Response(request.body); } };";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody known = new CountingBody(3, 10);
            known.announced = 30;
            WorkerResponse withLength = worker.fetch(streamed(known)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(List.of("30"), values(withLength, "content-length"), "workerd sends it with Content-Length");
            assertEquals(30, drain(withLength.bodyStream()).length);
            WorkerResponse unknown = worker.fetch(streamed(new CountingBody(3, 10))).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), values(unknown, "content-length"), "unknown length: chunked");
            assertEquals(30, drain(unknown.bodyStream()).length);
        }
    }

    static List<String> values(WorkerResponse response, String name) {
        return response.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    @Test
    void aTransformStreamResponseLeavesChunkByChunkAsJavaPulls() throws Exception {
        String source = """
                export default {
                  fetch(request) {
                    const { readable, writable } = new TransformStream({
                      transform(chunk, c) { c.enqueue(new TextEncoder().encode(chunk.toUpperCase())); }
                    });
                    const writer = writable.getWriter();
                    let n = 0;
                    const tick = () => {
                      if (n === 3) { writer.close(); return; }
                      writer.write('part' + n++ + '@' + Date.now() + ';');
                      setTimeout(tick, 50);
                    };
                    tick();
                    return new Response(readable);
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            WorkerResponse response = worker.fetch(get("http://127.0.0.1/")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertNotNull(response.bodyStream());
            List<String> chunks = new ArrayList<>();
            List<Long> received = new ArrayList<>();
            for (byte[] c; (c = response.bodyStream().read().toCompletableFuture().get(10, TimeUnit.SECONDS)) != null; ) {
                chunks.add(new String(c, StandardCharsets.UTF_8));
                received.add(System.currentTimeMillis());
            }
            assertEquals(3, chunks.size(), String.valueOf(chunks));
            for (int i = 0; i < 3; i++) {
                assertTrue(chunks.get(i).startsWith("PART" + i + "@"), chunks.get(i));
            }
            long producedLast = Long.parseLong(chunks.get(2).substring(6, chunks.get(2).length() - 1));
            assertTrue(received.get(0) <= producedLast, "the first chunk left before the last one existed");
        }
    }

    @Test
    void aStreamBodyThatErrorsFailsTheJavaRead() throws Exception {
        String source = """
                export default {
                  fetch() {
                    let n = 0;
                    return new Response(new ReadableStream({
                      pull(c) { if (n++ === 0) c.enqueue(new Uint8Array([65])); else c.error(new Error('producer broke')); }
                    }));
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            WorkerResponse response = worker.fetch(get("http://127.0.0.1/")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertArrayEquals(new byte[]{65}, response.bodyStream().read().toCompletableFuture().get(10, TimeUnit.SECONDS));
            Exception e = assertThrows(Exception.class, () -> response.bodyStream().read().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause()).contains("producer broke"), String.valueOf(e.getCause()));
        }
    }

    @Test
    void aWorkerCanPipeTheRequestBodyThroughATransform() throws Exception {
        String source = """
                export default {
                  fetch(request) {
                    const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.map((b) => b - 32)); } });
                    return new Response(request.body.pipeThrough(upper));
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody body = new CountingBody(26, 4);
            WorkerResponse response = call(worker, streamed(body));
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 26; i++) {
                expected.append(String.valueOf((char) ('A' + i)).repeat(4));
            }
            assertEquals(expected.toString(), body(response));
        }
    }

    /** RT-15: reading a body whole that cannot fit fails like workerd instead of exhausting the isolate. */
    @Test
    void readingAHugeBodyWholeFailsWithWorkerdsError() throws Exception {
        String source = """
                export default {
                  async fetch(request) {
                    try { await request.arrayBuffer(); return new Response('buffered'); }
                    catch (e) { return new Response(`${e.name}: ${e.message}`); }
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            CountingBody body = new CountingBody(200, 1024 * 1024);
            WorkerResponse response = call(worker, streamed(body));
            assertEquals("TypeError: Memory limit would be exceeded before EOF.", body(response));
            assertTrue(body.produced.get() < 200, "reading stopped at the limit");
        }
    }

    /** A client that goes away cancels the worker's response stream (its cancel() runs with the reason). */
    @Test
    void cancellingAStreamedResponseCancelsTheJsStream() throws Exception {
        String source = """
                let cancelled = 'no';
                export default {
                  fetch(request) {
                    if (new URL(request.url).pathname === '/state') return new Response(cancelled);
                    return new Response(new ReadableStream({
                      pull(c) { c.enqueue(new Uint8Array(10)); },
                      cancel(reason) { cancelled = 'yes: ' + reason; },
                    }));
                  }
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            WorkerResponse response = worker.fetch(get("http://127.0.0.1/")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(10, response.bodyStream().read().toCompletableFuture().get(10, TimeUnit.SECONDS).length);
            response.bodyStream().cancel("client disconnected");
            String state = "";
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!state.startsWith("yes") && System.nanoTime() < until) {
                state = body(call(worker, get("http://127.0.0.1/state")));
            }
            assertEquals("yes: client disconnected", state);
        }
    }

    @Test
    void aStreamOfKnownLengthLeavesWithContentLength() throws Exception {
        // RT-6 as workerd answers (conformance/corpus/streams-known-length.js): a string body's stream and a
        // FixedLengthStream's readable carry their length, so the response has Content-Length; a stream made with
        // new ReadableStream() has none.
        String source = """
                export default {
                  async fetch(req) {
                    const path = new URL(req.url).pathname;
                    if (path === '/string') return new Response(new Response('streamed').body);
                    if (path === '/fixed') {
                      const f = new FixedLengthStream(5);
                      new Response('ab').body.pipeTo(f.writable, { preventClose: true })
                        .then(() => { const w = f.writable.getWriter(); w.write(new TextEncoder().encode('cde')); return w.close(); });
                      return new Response(f.readable);
                    }
                    return new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); c.close(); } }));
                  },
                };""";
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null, null)) {
            WorkerResponse string = call(worker, get("http://127.0.0.1/string"));
            assertEquals("streamed", body(string));
            assertEquals(List.of("8"), header(string, "content-length"));
            WorkerResponse fixed = call(worker, get("http://127.0.0.1/fixed"));
            assertEquals("abcde", body(fixed));
            assertEquals(List.of("5"), header(fixed, "content-length"));
            WorkerResponse js = call(worker, get("http://127.0.0.1/js"));
            assertEquals("A", body(js));
            assertEquals(List.of(), header(js, "content-length"));
        }
    }

    private static List<String> header(WorkerResponse response, String name) {
        return response.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .toList();
    }

    @Test
    void aResponseStreamingLongerThanTheAfterResponseGraceIsNotCut() throws Exception {
        // RT-4/RT-6: the 30 s after-response grace (waitUntil work) must not cut a response body that is still
        // streaming: a body fed by timers for longer than the grace arrives whole (R2 gets of large objects).
        long chunks = dev.outpost.runtime.io.WorkerIsolate.AFTER_RESPONSE_GRACE.toSeconds() + 3;
        String source = """
                export default {
                  fetch() {
                    let n = 0;
                    return new Response(new ReadableStream({
                      async pull(c) {
                        await new Promise((r) => setTimeout(r, 1000));
                        if (n++ < CHUNKS) c.enqueue(new TextEncoder().encode('x'));
                        else c.close();
                      },
                    }));
                  },
                };""".replace("CHUNKS", Long.toString(chunks));
        try (WorkerEngine engine = WorkerEngine.create(); LoadedWorker worker = engine.load(single(source), null,
                limits(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(120)))) {
            WorkerResponse response = worker.fetch(get("http://127.0.0.1/")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (byte[] chunk; (chunk = response.bodyStream().read().toCompletableFuture().get(120, TimeUnit.SECONDS)) != null; ) {
                out.write(chunk);
            }
            assertEquals("x".repeat((int) chunks), out.toString(StandardCharsets.UTF_8));
        }
    }
}
