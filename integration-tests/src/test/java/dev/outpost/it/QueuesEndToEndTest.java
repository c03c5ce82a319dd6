package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.ControlPlaneException;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API-8 and API-3 (queue bindings): queues and consumers managed through the gateway's control-plane API, kept by
 * a real queue-service in a real Kafka broker (KRaft), with PostgreSQL and the gateway as processes; a worker
 * binds a queue that exists and is refused one that does not.
 */
class QueuesEndToEndTest {
    static final int OFFSET = 10500;
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

    static String base() {
        return "/accounts/" + stack.credentials().accountId() + "/queues";
    }

    static HttpResponse<String> call(String method, String path, Object body) throws Exception {
        return ItStack.api(stack, method, path, body == null ? null : JSON.writeValueAsString(body), true);
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.path("success").asBoolean(), response.body());
        return json.path("result");
    }

    static int error(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertFalse(json.path("success").asBoolean(true), response.body());
        return json.path("errors").path(0).path("code").asInt();
    }

    static void upload(String name, String source, String queueName) throws Exception {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        Files.writeString(file, source);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        if (queueName != null) {
            metadata.putArray("bindings").addObject().put("type", "queue").put("name", "Q").put("queue_name", queueName);
        }
        controlPlane.uploadScript(name, bundle, metadata);
    }

    @Test
    void queuesAreCreatedListedUpdatedAndDeleted() throws Exception {
        JsonNode created = ok(call("POST", base(), JSON.readTree(
                "{\"queue_name\":\"orders\",\"settings\":{\"delivery_delay\":5}}")));
        String id = created.path("queue_id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), created.toString());
        assertEquals("orders", created.path("queue_name").asText());
        assertEquals(5, created.path("settings").path("delivery_delay").asInt());
        assertEquals(345600, created.path("settings").path("message_retention_period").asInt(), "4 days by default");
        assertEquals(0, created.path("consumers_total_count").asInt());

        assertEquals(11009, error(call("POST", base(), JSON.readTree("{\"queue_name\":\"orders\"}")), 409));
        assertEquals(10014, error(call("POST", base(), JSON.readTree("{\"queue_name\":\"Bad_Name\"}")), 400));
        assertEquals(10014, error(call("POST", base(), JSON.readTree(
                "{\"queue_name\":\"slow\",\"settings\":{\"delivery_delay\":86401}}")), 400));
        ok(call("POST", base(), JSON.readTree("{\"queue_name\":\"other\"}")));

        JsonNode named = ok(call("GET", base() + "?name=orders", null));
        assertEquals(1, named.size(), named.toString());
        assertEquals(id, named.path(0).path("queue_id").asText());
        assertEquals(2, ok(call("GET", base() + "?name=orders&name=other", null)).size());
        assertEquals("orders", ok(call("GET", base() + "/" + id, null)).path("queue_name").asText());

        JsonNode paused = ok(call("PATCH", base() + "/" + id, JSON.readTree("{\"settings\":{\"delivery_paused\":true}}")));
        assertTrue(paused.path("settings").path("delivery_paused").asBoolean(), paused.toString());
        assertEquals(5, paused.path("settings").path("delivery_delay").asInt(), "PATCH keeps what it does not name");
        JsonNode replaced = ok(call("PUT", base() + "/" + id, JSON.readTree(
                "{\"queue_name\":\"orders\",\"settings\":{\"message_retention_period\":3600}}")));
        assertEquals(0, replaced.path("settings").path("delivery_delay").asInt(), "PUT replaces the settings");
        assertEquals(3600, replaced.path("settings").path("message_retention_period").asInt());

        ok(call("DELETE", base() + "/" + id, null));
        assertEquals(11000, error(call("GET", base() + "/" + id, null), 404));
        assertEquals(0, ok(call("GET", base() + "?name=orders", null)).size());
    }

    @Test
    void consumersAndQueueBindingsNeedWhatTheyNameToExist() throws Exception {
        String id = ok(call("POST", base(), JSON.readTree("{\"queue_name\":\"jobs\"}"))).path("queue_id").asText();
        String source = """
                export default {
                  async fetch(request, env) {
                    let sent;
                    try { await env.Q.send({ job: 1 }); sent = 'sent'; } catch (e) { sent = e.message; }
                    return Response.json({ type: env.Q.constructor.name, sent });
                  },
                  async queue(batch, env) {}
                };
                """;
        upload("jobs-worker", source, "jobs");
        ControlPlaneException missing = assertThrows(ControlPlaneException.class,
                () -> upload("lost-worker", source, "no-such-queue"));
        assertTrue(missing.getMessage().contains("no-such-queue"), missing.getMessage());

        HttpResponse<String> answer = ItStack.getWorker(stack, "jobs-worker", "/");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode worker = JSON.readTree(answer.body());
        assertEquals("WorkerQueue", worker.path("type").asText());
        assertEquals("sent", worker.path("sent").asText(), "Q-2: the send is stored by queue-service");

        JsonNode consumer = ok(call("POST", base() + "/" + id + "/consumers", JSON.readTree(
                "{\"type\":\"worker\",\"script_name\":\"jobs-worker\",\"settings\":{\"batch_size\":20,\"max_retries\":0}}")));
        String consumerId = consumer.path("consumer_id").asText();
        assertEquals("jobs-worker", consumer.path("script").asText());
        assertEquals(20, consumer.path("settings").path("batch_size").asInt());
        assertEquals(0, consumer.path("settings").path("max_retries").asInt(), "0 retries is kept, not defaulted");
        assertEquals(5000, consumer.path("settings").path("max_wait_time_ms").asInt(), "default");

        assertEquals(11004, error(call("POST", base() + "/" + id + "/consumers", JSON.readTree(
                "{\"type\":\"worker\",\"script_name\":\"jobs-worker\"}")), 409));
        assertEquals(10007, error(call("POST", base() + "/" + id + "/consumers", JSON.readTree(
                "{\"type\":\"worker\",\"script_name\":\"nobody\"}")), 404));
        assertEquals(10014, error(call("PUT", base() + "/" + id + "/consumers/" + consumerId, JSON.readTree(
                "{\"type\":\"worker\",\"script_name\":\"jobs-worker\",\"settings\":{\"batch_size\":101}}")), 400));

        JsonNode changed = ok(call("PUT", base() + "/" + id + "/consumers/" + consumerId, JSON.readTree(
                "{\"type\":\"worker\",\"script_name\":\"jobs-worker\",\"settings\":{\"batch_size\":50},"
                        + "\"dead_letter_queue\":\"jobs-dlq\"}")));
        assertEquals(consumerId, changed.path("consumer_id").asText());
        assertEquals(50, changed.path("settings").path("batch_size").asInt());
        assertEquals("jobs-dlq", changed.path("dead_letter_queue").asText());
        JsonNode listed = ok(call("GET", base() + "/" + id + "/consumers", null));
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(1, ok(call("GET", base() + "/" + id, null)).path("consumers_total_count").asInt());

        ok(call("DELETE", base() + "/" + id + "/consumers/" + consumerId, null));
        assertEquals(11000, error(call("DELETE", base() + "/" + id + "/consumers/" + consumerId, null), 404));
        assertEquals(0, ok(call("GET", base() + "/" + id + "/consumers", null)).size());

        assertEquals(403, call("GET", "/accounts/ffffffffffffffffffffffffffffffff/queues", null).statusCode());
    }
}
