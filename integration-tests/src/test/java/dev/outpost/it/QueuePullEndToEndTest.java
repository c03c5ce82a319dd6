package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Q-9 HTTP pull consumers and API-8 message endpoints end to end: a real queue-service on a real Kafka broker behind
 * the gateway's control-plane API. Messages published over HTTP (and by a worker's {@code send()}) are pulled with
 * leases, acked, retried with a delay, made visible again when their visibility timeout passes (attempts 2), moved
 * to the dead-letter queue when out of retries, refused as v8, and purged; bad input gets Cloudflare's envelope.
 */
class QueuePullEndToEndTest {
    static final int OFFSET = 5500;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KAFKA, Component.QUEUE, Component.GATEWAY)
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

    static HttpResponse<String> call(String method, String path, Object body, boolean auth) throws Exception {
        return ItStack.api(stack, method, ItStack.account(stack, path), body == null ? null : JSON.writeValueAsString(body),
                auth);
    }

    static JsonNode ok(String method, String path, Object body) throws Exception {
        HttpResponse<String> response = call(method, path, body, true);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.path("success").asBoolean(), response.body());
        return json.path("result");
    }

    /** A refused call: its status, and the envelope's first error message, which must mention {@code says}. */
    static void refused(int status, String says, String method, String path, Object body) throws Exception {
        HttpResponse<String> response = call(method, path, body, true);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        JsonNode json = JSON.readTree(response.body());
        assertFalse(json.path("success").asBoolean(), response.body());
        assertTrue(json.path("errors").path(0).path("code").asInt() > 0, response.body());
        assertTrue(json.path("errors").path(0).path("message").asText().contains(says), response.body());
    }

    static List<JsonNode> pull(String queue, int batchSize, long visibilityMs) throws Exception {
        JsonNode result = ok("POST", "/queues/" + queue + "/messages/pull",
                Map.of("batch_size", batchSize, "visibility_timeout_ms", visibilityMs));
        List<JsonNode> out = new ArrayList<>();
        result.path("messages").forEach(out::add);
        return out;
    }

    /**
     * Pulls (short polling: an empty answer comes at once) until a message matching {@code which} comes, up to a
     * minute; every message pulled meanwhile is kept in {@code seen}.
     */
    static JsonNode pullUntil(String queue, int batchSize, long visibilityMs, Predicate<JsonNode> which,
            List<JsonNode> seen) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : pull(queue, batchSize, visibilityMs)) {
                seen.add(m);
            }
            for (JsonNode m : seen) {
                if (which.test(m)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never pulled from " + queue + "; pulled " + seen);
    }

    static Predicate<JsonNode> text(String body) {
        return m -> "text".equals(m.path("metadata").path("CF-Content-Type").asText()) && body.equals(m.path("body").asText());
    }

    static JsonNode ack(String queue, List<String> acks, List<Map<String, Object>> retries) throws Exception {
        return ok("POST", "/queues/" + queue + "/messages/ack", Map.of(
                "acks", acks.stream().map(l -> Map.of("lease_id", l)).toList(), "retries", retries));
    }

    static Map<String, Object> message(String body) {
        return Map.of("body", body, "content_type", "text");
    }

    @Test
    void pullConsumersLeaseAckRetryExpireDeadLetterAndPurge() throws Exception {
        String q = ok("POST", "/queues", Map.of("queue_name", "pulled")).path("queue_id").asText();
        String dlq = ok("POST", "/queues", Map.of("queue_name", "pulled-dlq")).path("queue_id").asText();

        // no consumer yet, unknown queue, no token
        refused(400, "has no HTTP pull consumer", "POST", "/queues/" + q + "/messages/pull", Map.of());
        refused(404, "Queue does not exist", "POST", "/queues/0123456789abcdef/messages/pull", Map.of());
        assertEquals(401, call("POST", "/queues/" + q + "/messages/pull", Map.of(), false).statusCode());

        // wrangler's `queues consumer http add` shape
        JsonNode consumer = ok("POST", "/queues/" + q + "/consumers", Map.of("type", "http_pull", "settings",
                Map.of("batch_size", 10, "max_retries", 1, "visibility_timeout_ms", 60_000, "retry_delay", 0),
                "dead_letter_queue", "pulled-dlq"));
        assertEquals("http_pull", consumer.path("type").asText());
        assertEquals(60_000, consumer.path("settings").path("visibility_timeout_ms").asLong());
        refused(400, "visibility_timeout_ms", "PUT", "/queues/" + q + "/consumers/" + consumer.path("consumer_id").asText(),
                Map.of("type", "http_pull", "settings", Map.of("visibility_timeout_ms", 43_200_001)));

        // API-8 HTTP publish: one message of each content type, and a batch
        ok("POST", "/queues/" + q + "/messages", message("hello"));
        ok("POST", "/queues/" + q + "/messages", Map.of("body", Map.of("n", 1)));
        ok("POST", "/queues/" + q + "/messages", Map.of("body", "AQID", "content_type", "bytes"));
        ok("POST", "/queues/" + q + "/messages/batch", Map.of("messages", List.of(message("b1"), message("b2"))));
        // limits and bad bodies, as the binding meets them
        refused(413, "Message too large", "POST", "/queues/" + q + "/messages", message("x".repeat(128_000)));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(message("m"));
        }
        refused(413, "too many messages", "POST", "/queues/" + q + "/messages/batch", Map.of("messages", many));
        refused(400, "delaySeconds must be an integer between 0 and 43200", "POST", "/queues/" + q + "/messages",
                Map.of("body", "late", "content_type", "text", "delay_seconds", 43_201));
        refused(400, "v8", "POST", "/queues/" + q + "/messages", Map.of("body", "x", "content_type", "v8"));
        refused(400, "body is required", "POST", "/queues/" + q + "/messages/batch", Map.of("messages", List.of(Map.of())));
        refused(400, "batch_size", "POST", "/queues/" + q + "/messages/pull", Map.of("batch_size", 101));

        // pulled with leases; text as the string, json and bytes base64
        List<JsonNode> seen = new ArrayList<>();
        for (String body : List.of("hello", "b1", "b2")) {
            pullUntil(q, 10, 60_000, text(body), seen);
        }
        JsonNode json = pullUntil(q, 10, 60_000, m -> "json".equals(m.path("metadata").path("CF-Content-Type").asText()), seen);
        assertEquals("{\"n\":1}", new String(Base64.getDecoder().decode(json.path("body").asText())));
        JsonNode bytes = pullUntil(q, 10, 60_000, m -> "bytes".equals(m.path("metadata").path("CF-Content-Type").asText()), seen);
        assertEquals("AQID", bytes.path("body").asText());
        assertEquals(5, seen.size(), "each message leased once: " + seen);
        for (JsonNode m : seen) {
            assertEquals(1, m.path("attempts").asInt(), m.toString());
            assertEquals("api", m.path("metadata").path("CF-sourceMessageSource").asText(), m.toString());
            assertTrue(m.path("id").asText().matches("[0-9a-f]{32}"), m.toString());
            assertTrue(m.path("timestamp_ms").asLong() > 0, m.toString());
        }
        assertTrue(pull(q, 10, 60_000).isEmpty(), "Q-9: everything is leased; short polling answers nothing at once");

        // ack four, retry b2 after a second
        JsonNode b2 = pullUntil(q, 10, 60_000, text("b2"), seen);
        List<String> acks = seen.stream().filter(m -> m != b2).map(m -> m.path("lease_id").asText()).toList();
        JsonNode acked = ack(q, acks, List.of(Map.of("lease_id", b2.path("lease_id").asText(), "delay_seconds", 1)));
        assertEquals(4, acked.path("ackCount").asInt(), acked.toString());
        assertEquals(1, acked.path("retryCount").asInt(), acked.toString());
        assertEquals(0, acked.path("warnings").size(), acked.toString());
        JsonNode again = ack(q, List.of(acks.get(0)), List.of());
        assertEquals(0, again.path("ackCount").asInt(), "a lease settles once: " + again);
        assertTrue(again.path("warnings").path(0).asText().contains("not held"), again.toString());
        refused(400, "Invalid lease_id", "POST", "/queues/" + q + "/messages/ack",
                Map.of("acks", List.of(Map.of("lease_id", "forged"))));

        // the retry comes back as attempt 2, same id and timestamp; leased for 500 ms and never acked, it runs
        // out of retries (max_retries 1) when the lease expires and moves to the dead-letter queue
        JsonNode b2Again = pullUntil(q, 10, 500, text("b2").and(m -> m.path("attempts").asInt() == 2), new ArrayList<>());
        assertEquals(b2.path("id").asText(), b2Again.path("id").asText());
        assertEquals(b2.path("timestamp_ms").asLong(), b2Again.path("timestamp_ms").asLong());

        // an unacked lease becomes visible again after its visibility timeout, as attempt 2
        ok("POST", "/queues/" + q + "/messages", message("vis"));
        JsonNode vis = pullUntil(q, 10, 500, text("vis"), new ArrayList<>());
        JsonNode visAgain = pullUntil(q, 10, 60_000, text("vis").and(m -> m.path("attempts").asInt() == 2), new ArrayList<>());
        assertEquals(vis.path("id").asText(), visAgain.path("id").asText());
        assertEquals(1, ack(q, List.of(visAgain.path("lease_id").asText()), List.of()).path("ackCount").asInt());

        ok("POST", "/queues/" + dlq + "/consumers", Map.of("type", "http_pull"));
        JsonNode dead = pullUntil(dlq, 10, 60_000, text("b2"), new ArrayList<>());
        assertEquals(b2.path("id").asText(), dead.path("id").asText(), "Q-7: same id on the dead-letter queue");
        assertEquals(b2.path("timestamp_ms").asLong(), dead.path("timestamp_ms").asLong());
        assertEquals(1, dead.path("attempts").asInt());

        // a worker's send() is pulled over HTTP; v8 cannot be, so the binding refuses it for this queue
        ArrayNode bindings = JSON.createArrayNode();
        bindings.addObject().put("type", "queue").put("name", "Q").put("queue_name", "pulled");
        upload("producer", """
                export default {
                  async fetch(request, env) {
                    await env.Q.send('from-worker', { contentType: 'text' });
                    let v8;
                    try { await env.Q.send({ a: 1 }, { contentType: 'v8' }); v8 = 'sent'; } catch (e) { v8 = e.message; }
                    return Response.json({ v8 });
                  }
                };
                """, bindings);
        JsonNode answer = worker("producer");
        assertTrue(answer.path("v8").asText().startsWith("Queue send failed: 400") && answer.path("v8").asText()
                .contains("v8"), answer.toString());
        JsonNode fromWorker = pullUntil(q, 10, 60_000, text("from-worker"), new ArrayList<>());
        assertEquals("worker", fromWorker.path("metadata").path("CF-sourceMessageSource").asText());
        ack(q, List.of(fromWorker.path("lease_id").asText()), List.of());

        // a queue with a worker (push) consumer cannot be pulled
        String pushed = ok("POST", "/queues", Map.of("queue_name", "pushed")).path("queue_id").asText();
        ok("POST", "/queues/" + pushed + "/consumers", Map.of("type", "worker", "script_name", "producer"));
        refused(409, "push", "POST", "/queues/" + pushed + "/messages/pull", Map.of());

        // API-8 purge: what was stored before it is gone (leased or not), what comes after it is kept
        ok("POST", "/queues/" + q + "/messages/batch", Map.of("messages", List.of(message("p1"), message("p2"))));
        JsonNode p1 = pullUntil(q, 1, 60_000, text("p1"), new ArrayList<>());
        refused(400, "delete_messages_permanently", "POST", "/queues/" + q + "/purge", Map.of());
        JsonNode purged = ok("POST", "/queues/" + q + "/purge", Map.of("delete_messages_permanently", true));
        assertEquals("pulled", purged.path("queue_name").asText());
        JsonNode status = ok("GET", "/queues/" + q + "/purge", null);
        assertTrue(status.path("completed").asBoolean(), status.toString());
        assertFalse(status.path("started_at").isNull(), status.toString());
        ok("POST", "/queues/" + q + "/messages", message("after-purge"));
        List<JsonNode> afterPurge = new ArrayList<>();
        pullUntil(q, 10, 60_000, text("after-purge"), afterPurge);
        assertEquals(1, afterPurge.size(), "p2 was purged: " + afterPurge);
        JsonNode late = ack(q, List.of(p1.path("lease_id").asText()), List.of());
        assertEquals(0, late.path("ackCount").asInt(), "p1 was purged while leased: " + late);
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

    static JsonNode worker(String name) throws Exception {
        HttpResponse<String> answer = ItStack.getWorker(stack, name, "/");
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
