package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queues delivering messages end to end (Q-1..Q-8): a producer worker sends through the gateway to a real
 * queue-service on a real Kafka broker; queue-service pushes batches to a consumer worker through the gateway's
 * WorkerDispatchService; the consumer writes what it received into KV, which the test reads through the API.
 * Covers delivery with decoded bodies of each content type, retry then ack (attempts counted), running out of
 * retries into the dead-letter queue (same id) and a delivery delay.
 */
class QueueDeliveryEndToEndTest {
    static final int OFFSET = 7500;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KAFKA, Component.KV, Component.QUEUE,
                Component.GATEWAY)
                .build();
        stack.start();
        controlPlane = ItStack.controlPlane(stack, JSON);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static JsonNode api(String method, String path, String body) throws Exception {
        HttpResponse<String> response = ItStack.api(stack, method, ItStack.account(stack, path), body, true);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body()).path("result");
    }

    /** A KV value read through the API, or null while it is not there. */
    static String kv(String namespace, String key) throws Exception {
        HttpResponse<String> response = ItStack.api(stack, "GET",
                ItStack.account(stack, "/storage/kv/namespaces/" + namespace + "/values/" + key), null, true);
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** Waits (up to two minutes: Kafka, the group join and the batch timeout) for the consumer to write a key. */
    static JsonNode awaitKv(String namespace, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String value = kv(namespace, key);
            if (value != null) {
                return JSON.readTree(value);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the consumer never wrote " + key);
    }

    static void upload(String name, String source, ArrayNode bindings) throws Exception {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        Files.writeString(file, source);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        metadata.set("bindings", bindings);
        controlPlane.uploadScript(name, bundle, metadata);
    }

    static JsonNode worker(String name, String path) throws Exception {
        HttpResponse<String> answer = ItStack.getWorker(stack, name, path);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    static final String CONSUMER = """
            export default {
              async queue(batch, env) {
                for (const m of batch.messages) {
                  const body = m.body;
                  const n = body instanceof ArrayBuffer ? 'bytes' : typeof body === 'string' ? body : body.n;
                  // Q-6/Q-7: "flaky" asks for one retry, "poison" never succeeds
                  if (n === 'flaky' && m.attempts < 2) { m.retry(); continue; }
                  if (n === 'poison' && batch.queue === 'work') {
                    await env.KV.put('poisoned-' + m.attempts, m.id);
                    m.retry();
                    continue;
                  }
                  await env.KV.put(PREFIX + n, JSON.stringify({
                    id: m.id, attempts: m.attempts, queue: batch.queue, sentAt: m.timestamp.getTime(),
                    waitedMs: Date.now() - m.timestamp.getTime(),
                    body: body instanceof ArrayBuffer ? Array.from(new Uint8Array(body)) : body,
                  }));
                  m.ack();
                }
              }
            };
            """;

    /** Q-1..Q-8 in one flow, since a stack with Kafka is slow to start. */
    @Test
    void messagesAreDeliveredRetriedDeadLetteredAndDelayed() throws Exception {
        String ns = api("POST", "/storage/kv/namespaces", "{\"title\":\"queue-results\"}").path("id").asText();
        String work = api("POST", "/queues", "{\"queue_name\":\"work\"}").path("queue_id").asText();
        String dlq = api("POST", "/queues", "{\"queue_name\":\"work-dlq\"}").path("queue_id").asText();

        ArrayNode consumerBindings = JSON.createArrayNode();
        consumerBindings.addObject().put("type", "kv_namespace").put("name", "KV").put("namespace_id", ns);
        upload("consumer", CONSUMER.replace("PREFIX", "'seen:'"), consumerBindings);
        upload("dlq-consumer", CONSUMER.replace("PREFIX", "'dead:'"), consumerBindings);
        // small batches that wait at most 500 ms; one retry, then the dead-letter queue
        api("POST", "/queues/" + work + "/consumers", "{\"type\":\"worker\",\"script_name\":\"consumer\","
                + "\"settings\":{\"batch_size\":10,\"max_wait_time_ms\":500,\"max_retries\":1},"
                + "\"dead_letter_queue\":\"work-dlq\"}");
        api("POST", "/queues/" + dlq + "/consumers", "{\"type\":\"worker\",\"script_name\":\"dlq-consumer\","
                + "\"settings\":{\"batch_size\":10,\"max_wait_time_ms\":500}}");

        ArrayNode producerBindings = JSON.createArrayNode();
        producerBindings.addObject().put("type", "queue").put("name", "Q").put("queue_name", "work");
        upload("producer", """
                export default {
                  async fetch(request, env) {
                    const url = new URL(request.url);
                    const out = {};
                    if (url.pathname === '/send') {
                      const r = await env.Q.send({ n: 'json-1' });
                      out.metrics = r.metadata.metrics;
                      await env.Q.send('text-1', { contentType: 'text' });
                      await env.Q.send(new Uint8Array([7, 8, 9]), { contentType: 'bytes' });
                      await env.Q.send({ n: 'flaky' });
                      await env.Q.send({ n: 'poison' });
                      await env.Q.send({ n: 'delayed' }, { delaySeconds: 2 });
                    } else if (url.pathname === '/batch') {
                      await env.Q.sendBatch([{ body: { n: 'batch-1' } }, { body: { n: 'batch-2' } }]);
                    } else if (url.pathname === '/limits') {
                      try { await env.Q.send('x'.repeat(128000), { contentType: 'text' }); out.big = 'sent'; }
                      catch (e) { out.big = e.message; }
                      try { await env.Q.sendBatch(Array.from({ length: 101 }, (_, i) => ({ body: i }))); out.many = 'sent'; }
                      catch (e) { out.many = e.message; }
                    }
                    return Response.json(out);
                  }
                };
                """, producerBindings);

        JsonNode sent = worker("producer", "/send");
        assertTrue(sent.path("metrics").path("backlogCount").asLong() >= 1, "Q-2: send answers the backlog: " + sent);
        worker("producer", "/batch");

        // each content type arrives decoded, with its queue's name and a first attempt
        JsonNode json = awaitKv(ns, "seen:json-1");
        assertEquals("work", json.path("queue").asText());
        assertEquals(1, json.path("attempts").asInt());
        assertTrue(json.path("id").asText().matches("[0-9a-f]{32}"), json.toString());
        assertEquals("text-1", awaitKv(ns, "seen:text-1").path("body").asText());
        assertEquals("[7,8,9]", awaitKv(ns, "seen:bytes").path("body").toString());
        assertEquals("batch-2", awaitKv(ns, "seen:batch-2").path("body").path("n").asText(), "Q-3");
        // retried once, then acked on the second attempt
        assertEquals(2, awaitKv(ns, "seen:flaky").path("attempts").asInt());
        // out of retries (max_retries 1) → the dead-letter queue, same message id, never seen by the consumer
        JsonNode dead = awaitKv(ns, "dead:poison");
        assertEquals("work-dlq", dead.path("queue").asText());
        assertEquals(1, dead.path("attempts").asInt(), "a first attempt on the dead-letter queue");
        assertEquals(kv(ns, "poisoned-1"), dead.path("id").asText());
        assertEquals(kv(ns, "poisoned-2"), dead.path("id").asText(), "the retry kept the id");
        assertEquals(null, kv(ns, "seen:poison"));
        // a delayed message is not delivered before its delay
        JsonNode delayed = awaitKv(ns, "seen:delayed");
        assertTrue(delayed.path("waitedMs").asLong() >= 2000, delayed.toString());

        // Cloudflare's limits, checked by queue-service
        JsonNode limits = worker("producer", "/limits");
        assertTrue(limits.path("big").asText().startsWith("Queue send failed: 400 Message too large"), limits.toString());
        assertTrue(limits.path("many").asText().contains("too many messages"), limits.toString());
    }
}
