package dev.outpost.runtime;

import dev.outpost.runtime.bindings.queue.QueueBacklog;
import dev.outpost.runtime.bindings.queue.QueueBatch;
import dev.outpost.runtime.bindings.queue.QueueBatchResult;
import dev.outpost.runtime.bindings.queue.QueueOutgoingMessage;
import dev.outpost.runtime.bindings.queue.QueueProducerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** producer encoding and errors, Q-5/Q-6 the consumer's MessageBatch and its recorded decisions. */
class QueueBindingTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Keeps what was sent, in memory (the gateway's binding is gRPC to queue-service). */
    static final class RecordingProducer implements QueueProducerBinding {
        final List<QueueOutgoingMessage> sent = new ArrayList<>();
        final List<Integer> batchDelays = new ArrayList<>();

        @Override
        public synchronized CompletionStage<QueueBacklog> send(QueueOutgoingMessage message) {
            sent.add(message);
            return CompletableFuture.completedFuture(new QueueBacklog(sent.size(), 10, 1_700_000_000_000L));
        }

        @Override
        public synchronized CompletionStage<QueueBacklog> sendBatch(List<QueueOutgoingMessage> messages, Integer delay) {
            sent.addAll(messages);
            batchDelays.add(delay);
            return CompletableFuture.completedFuture(new QueueBacklog(sent.size(), 20, 0));
        }

        @Override
        public CompletionStage<QueueBacklog> metrics() {
            return CompletableFuture.completedFuture(new QueueBacklog(7, 70, 0));
        }
    }

    private static WorkerBundle dated(String source, String date) {
        return new WorkerBundle("queue-worker", "v1", "main.js", Map.of("main.js", esm("main.js", source)), date, List.of());
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void q2SendEncodesEachContentTypeAndReturnsMetrics() throws Exception {
        RecordingProducer producer = new RecordingProducer();
        String source = """
                export default {
                  async fetch(request, env) {
                    const r = await env.Q.send({ a: 1 });
                    await env.Q.send('hi', { contentType: 'text', delaySeconds: 0 });
                    await env.Q.send(new Uint8Array([1, 2, 3]), { contentType: 'bytes', delaySeconds: 30 });
                    await env.Q.send(new Map([[1, 'x']]), { contentType: 'v8' });
                    const errors = [];
                    for (const [body, opts] of [[1, { contentType: 'text' }], ['s', { contentType: 'bytes' }],
                        [1, { contentType: 'xml' }], [undefined, undefined], [1, { delaySeconds: 43201 }]]) {
                      try { await env.Q.send(body, opts); errors.push('sent'); } catch (e) { errors.push(e.name + ': ' + e.message); }
                    }
                    const m = await env.Q.metrics();
                    return Response.json({ metrics: r.metadata.metrics, oldest: r.metadata.metrics.oldestMessageTimestamp instanceof Date,
                      errors, backlog: m.backlogCount, name: env.Q.constructor.name });
                  }
                };
                """;
        WorkerEnvironment env = WorkerEnvironment.builder().queue("Q", "jobs", producer).build();
        try (LoadedWorker worker = engine.load(dated(source, "2025-01-01"), env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            String body = body(response);
            assertEquals(200, response.status(), body);
            assertTrue(body.contains("\"metrics\":{\"backlogCount\":1,\"backlogBytes\":10,\"oldestMessageTimestamp\""), body);
            assertTrue(body.contains("\"oldest\":true"), body);
            assertTrue(body.contains("\"backlog\":7"), body);
            assertTrue(body.contains("TypeError: Content Type \\\"text\\\" requires a value of type string, but received: number"), body);
            assertTrue(body.contains("TypeError: Content Type \\\"bytes\\\" requires a value of type ArrayBufferView, but received: string"), body);
            assertTrue(body.contains("TypeError: Unsupported queue message content type: xml"), body);
            assertTrue(body.contains("TypeError: Message body cannot be undefined"), body);
            assertTrue(body.contains("delaySeconds must be an integer between 0 and 43200"), body);
            assertFalse(body.contains("sent"), body);
        }
        assertEquals(4, producer.sent.size());
        assertEquals("json", producer.sent.get(0).contentType(), "json is the default from 2024-03-18");
        assertEquals("{\"a\":1}", utf8(producer.sent.get(0).body()));
        assertNull(producer.sent.get(0).delaySeconds());
        assertEquals("text", producer.sent.get(1).contentType());
        assertEquals("hi", utf8(producer.sent.get(1).body()));
        assertEquals(0, producer.sent.get(1).delaySeconds(), "0 is kept: it cancels an inherited delay (Q-4)");
        assertEquals("bytes", producer.sent.get(2).contentType());
        assertEquals(3, producer.sent.get(2).body().length);
        assertEquals(30, producer.sent.get(2).delaySeconds());
        assertEquals("v8", producer.sent.get(3).contentType());
    }

    @Test
    void q2DefaultContentTypeIsV8BeforeTheCompatDate() throws Exception {
        RecordingProducer producer = new RecordingProducer();
        String source = "export default { async fetch(r, env) { await env.Q.send({ a: 1 }); return new Response('ok'); } };";
        try (LoadedWorker worker = engine.load(dated(source, "2024-01-01"),
                WorkerEnvironment.builder().queue("Q", "jobs", producer).build(), RuntimeLimits.defaults())) {
            assertEquals(200, call(worker, get("https://x/")).status());
        }
        assertEquals("v8", producer.sent.get(0).contentType());
    }

    @Test
    void q3SendBatchSendsAllMessagesInOneCall() throws Exception {
        RecordingProducer producer = new RecordingProducer();
        String source = """
                export default {
                  async fetch(request, env) {
                    await env.Q.sendBatch([{ body: 'a', contentType: 'text' }, { body: { b: 2 }, delaySeconds: 5 }],
                      { delaySeconds: 9 });
                    let empty;
                    try { await env.Q.sendBatch([]); } catch (e) { empty = e.message; }
                    return new Response(empty);
                  }
                };
                """;
        try (LoadedWorker worker = engine.load(dated(source, "2025-01-01"),
                WorkerEnvironment.builder().queue("Q", "jobs", producer).build(), RuntimeLimits.defaults())) {
            assertEquals("sendBatch() requires at least one message", body(call(worker, get("https://x/"))));
        }
        assertEquals(2, producer.sent.size());
        assertEquals("text", producer.sent.get(0).contentType());
        assertNull(producer.sent.get(0).delaySeconds());
        assertEquals(5, producer.sent.get(1).delaySeconds());
        assertEquals(List.of(9), producer.batchDelays);
    }

    private static QueueBatch batch(QueueBatch.Message... messages) {
        return new QueueBatch("jobs", List.of(messages), "req-1", null);
    }

    private static QueueBatch.Message message(String id, String contentType, String body, int attempts) {
        return new QueueBatch.Message(id, 1_700_000_000_000L, body.getBytes(StandardCharsets.UTF_8), contentType, attempts);
    }

    @Test
    void q5HandlerSeesDecodedMessagesAndQ6RecordsFirstDecisions() throws Exception {
        String source = """
                export let seen = [];
                export default {
                  async queue(batch, env, ctx) {
                    if (batch.queue !== 'jobs') throw new Error('queue name ' + batch.queue);
                    const [a, b, c] = batch.messages;
                    if (a.body.n !== 1 || a.attempts !== 1 || !(a.timestamp instanceof Date)) throw new Error('a ' + JSON.stringify(a.body));
                    if (b.body !== 'plain' || b.attempts !== 3) throw new Error('b');
                    if (new Uint8Array(c.body)[1] !== 2) throw new Error('c');
                    a.ack();
                    a.retry();
                    b.retry({ delaySeconds: 7 });
                    b.ack();
                    batch.retryAll({ delaySeconds: 4 });
                    batch.ackAll();
                  }
                };
                """;
        try (LoadedWorker worker = engine.load(dated(source, "2025-01-01"), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            QueueBatchResult result = worker.queue(batch(message("m1", "json", "{\"n\":1}", 1),
                    message("m2", "text", "plain", 3),
                    new QueueBatch.Message("m3", 1L, new byte[]{1, 2, 3}, "bytes", 1)), Invocation.DEFAULT)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("ok", result.outcome(), result.toString());
            assertEquals(List.of("m1"), result.acks());
            assertEquals(Map.of("m2", 7), result.retries());
            assertTrue(result.retryAll());
            assertFalse(result.ackAll(), "the first of ackAll/retryAll wins");
            assertEquals(4, result.retryAllDelaySeconds());
        }
    }

    @Test
    void q6AThrowingHandlerIsAnException() throws Exception {
        String source = """
                export default {
                  async queue(batch) {
                    batch.messages[0].ack();
                    throw new Error('boom');
                  }
                };
                """;
        try (LoadedWorker worker = engine.load(dated(source, "2025-01-01"), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            QueueBatchResult result = worker.queue(batch(message("m1", "json", "1", 1), message("m2", "json", "2", 1)),
                    Invocation.DEFAULT).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("exception", result.outcome());
            assertEquals(List.of("m1"), result.acks());
            assertTrue(result.retries().isEmpty());
        }
    }
}
