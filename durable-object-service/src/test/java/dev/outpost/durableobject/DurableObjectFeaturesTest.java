package dev.outpost.durableobject;

import static dev.outpost.durableobject.DurableObjectServiceTest.NO_ARGS;
import static dev.outpost.durableobject.DurableObjectServiceTest.address;
import static dev.outpost.durableobject.DurableObjectServiceTest.call;
import static dev.outpost.durableobject.DurableObjectServiceTest.idOwnedBy;
import static dev.outpost.durableobject.DurableObjectServiceTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alarms (DO-12), the synchronous storage API (DO-9) and bindings inside objects (DO-5 stubs in this.env, KV and D1
 * bindings) over the service's real gRPC socket, with objects/counter.js. The test profile shortens the alarm retry
 * delay to 200 ms (doubling), so retries are observed in seconds.
 */
@QuarkusTest
@QuarkusTestResource(TestCodeServer.class)
class DurableObjectFeaturesTest {
    @BeforeAll
    static void connect() {
        if (DurableObjectServiceTest.channel == null || DurableObjectServiceTest.channel.isShutdown()) {
            DurableObjectServiceTest.connect();
        }
    }

    static String args(Object... values) {
        StringBuilder sb = new StringBuilder("{\"$\":\"arr\",\"v\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i] instanceof String s ? "\"" + s + "\"" : values[i]);
        }
        return sb.append("]}").toString();
    }

    static JsonNode ok(ObjectAddress address, String method, String args) throws Exception {
        JsonNode outcome = call(address, method, args);
        assertTrue(outcome.get("ok").asBoolean(), outcome.toString());
        return plain(outcome.get("value"));
    }

    /** Reads the object's alarm state until {@code runs} alarm() calls were recorded (bounded, not timed). */
    static JsonNode awaitRuns(ObjectAddress address, int runs) throws Exception {
        JsonNode state = ok(address, "alarmState", NO_ARGS);
        for (int i = 0; i < 300 && (state.get("runs").size() < runs || !state.get("alarm").isNull()); i++) {
            Thread.sleep(100);
            state = ok(address, "alarmState", NO_ARGS);
        }
        return state;
    }

    @Test
    void alarmApiKeepsOneAlarmInStorage() throws Exception {
        // DO-12: getAlarm/setAlarm(Date|ms)/deleteAlarm; setAlarm replaces; deleteAll keeps it; transactions
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode r = ok(counter, "alarmApi", NO_ARGS);
        assertTrue(r.get("none").isNull(), r.toString());
        assertTrue(r.get("replaced").asBoolean(), r.toString());
        assertTrue(r.get("keptByDeleteAll").asBoolean(), r.toString());
        assertTrue(r.get("rolledBack").asBoolean(), r.toString());
        assertTrue(r.get("deletedInTxn").isNull(), r.toString());
        assertEquals("TypeError", r.get("badType").asText());
    }

    @Test
    void alarmFiresAndSuccessClearsIt() throws Exception {
        // DO-12: alarm() runs at >= the scheduled time on an object that is not called meanwhile
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), "alarm-room");
        assertTrue(ok(counter, "armAlarm", args(300, 0)).asBoolean());
        JsonNode state = awaitRuns(counter, 1);
        assertEquals(1, state.get("runs").size(), state.toString());
        JsonNode run = state.get("runs").get(0);
        assertEquals(0, run.get("retryCount").asInt());
        assertFalse(run.get("isRetry").asBoolean());
        assertEquals("alarm-room", run.get("name").asText(), "ctx.id.name of the woken object");
        assertTrue(state.get("alarm").isNull(), "success clears the alarm: " + state);
    }

    @Test
    void failingAlarmIsRetriedWithRetryCount() throws Exception {
        // DO-12: a throw is retried with backoff; retryCount/isRetry tell the handler
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        assertTrue(ok(counter, "armAlarm", args(0, 2)).asBoolean());
        JsonNode state = awaitRuns(counter, 3);
        JsonNode runs = state.get("runs");
        assertEquals(3, runs.size(), state.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, runs.get(i).get("retryCount").asInt(), state.toString());
            assertEquals(i > 0, runs.get(i).get("isRetry").asBoolean(), state.toString());
        }
        assertTrue(state.get("alarm").isNull(), state.toString());
    }

    @Test
    void alarmSetInTheHandlerIsKeptAndPastTimesRunAtOnce() throws Exception {
        // DO-12: a past time runs as soon as possible; an alarm set inside alarm() is not cleared by its success
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        ok(counter, "rearmOnce", NO_ARGS);
        JsonNode state = awaitRuns(counter, 2);
        assertEquals(2, state.get("runs").size(), state.toString());
        assertTrue(state.get("alarm").isNull(), state.toString());
    }

    @Test
    void pendingAlarmsAreIndexedPerNode() throws Exception {
        // DO-12: the node-level index lets a restarted service find pending alarms without opening every object
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        assertTrue(ok(counter, "armAlarm", args(3_600_000, 0)).asBoolean());
        Path index = Path.of(ConfigProvider.getConfig().getValue("outpost.durableobject.data-dir", String.class))
                .toAbsolutePath().resolve("_alarms.sqlite");
        assertTrue(Files.exists(index), index.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + index);
             ResultSet rs = c.createStatement().executeQuery("SELECT account_id, scheduled FROM alarms WHERE object_id = '"
                     + counter.getObjectId() + "'")) {
            assertTrue(rs.next(), "the alarm is in the node's index");
            assertEquals(TestCodeServer.ACCOUNT, rs.getString(1));
        }
        ok(counter, "alarmApi", NO_ARGS); // ends with deleteAlarm() in a transaction
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + index);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM alarms WHERE object_id = '"
                     + counter.getObjectId() + "'")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "a deleted alarm leaves the index");
        }
    }

    @Test
    void syncKvAndTransactionSync() throws Exception {
        // DO-9: ctx.storage.kv get/put/delete/list without promises; transactionSync commits or rolls back
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode r = ok(counter, "syncTour", NO_ARGS);
        assertEquals(1, r.get("a").get("x").asInt(), r.toString());
        assertEquals("[\"sync-a\",\"sync-b\"]", r.get("listed").toString());
        assertTrue(r.get("deleted").asBoolean());
        assertTrue(r.get("rolledBack").asBoolean(), r.toString());
        assertEquals("done", r.get("committed").asText());
        assertEquals(4, r.get("d").asInt());
        // the async API reads the same keys
        assertEquals(4, ok(counter, "asyncSeesSync", NO_ARGS).asInt());
    }

    @Test
    void objectCallsAnotherObjectThroughItsEnv() throws Exception {
        // DO-5 inside an object: env.COUNTER stubs reach another object (RPC, fetch, remote errors)
        ObjectAddress caller = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        // a callee this shard owns (the test profile's shard 1 is down; see the next test)
        String target = nameOwnedBy(0, "callee-" + System.nanoTime() + "-");
        JsonNode r = ok(caller, "callOther", args(target, 5));
        assertEquals(5, r.get("viaRpc").asInt(), r.toString());
        assertEquals(6, r.get("viaFetch").asInt(), r.toString());
        assertEquals(target, r.get("name").asText());
        assertEquals("TypeError", r.get("remote").get("name").asText(), r.toString());
        assertEquals("nope", r.get("remote").get("message").asText());
        assertTrue(r.get("remote").get("remote").asBoolean(), r.toString());
        // state of the callee persisted: a second call continues from it
        assertEquals(11, ok(caller, "callOther", args(target, 5)).get("viaRpc").asInt());
    }

    /** A name whose idFromName id (durable-objects.js: name hash, then a MAC under the namespace) {@code shard} owns. */
    static String nameOwnedBy(int shard, String prefix) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (int i = 0; ; i++) {
            String name = prefix + i;
            byte[] part = java.util.Arrays.copyOf(sha.digest(("outpost-do-name\0" + TestCodeServer.COUNTER_NS + "\0" + name)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
            sha.update(("outpost-do-id\0" + TestCodeServer.COUNTER_NS + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] mac = java.util.Arrays.copyOf(sha.digest(part), 16);
            String id = hex.formatHex(part) + hex.formatHex(mac);
            if (dev.outpost.contracts.placement.RendezvousHash.ownerIndex(id, 2) == shard) {
                return name;
            }
        }
    }

    @Test
    void stubToAnotherShardGoesOverGrpcAndFailsRetryably() throws Exception {
        // DO-5/DO-15: shard 1 of the test profile (127.0.0.1:1) is down: the stub's call fails on the way
        ObjectAddress caller = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode r = ok(caller, "callElsewhere", args(nameOwnedBy(1, "elsewhere-")));
        assertTrue(r.get("value") == null || r.get("value").isNull(), r.toString());
        assertTrue(r.get("message").asText().contains("Durable Object service unavailable"), r.toString());
        assertFalse(r.get("remote").asBoolean(true), r.toString());
        assertTrue(r.get("retryable").asBoolean(), r.toString());
    }

    @Test
    void bindingsGoToTheirServicesAndFailClearlyWhenTheyAreDown() throws Exception {
        // DO-6 this.env: KV, D1 (D1-12), R2 and queue bindings inside objects are the gateway's clients, calling
        // their services directly; none runs in this test (port 1 refuses), so each fails as a worker's would
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode r = ok(counter, "bindingErrors", NO_ARGS);
        assertEquals("function", r.get("kvType").asText(), r.toString());
        assertEquals("function", r.get("d1Type").asText(), r.toString());
        assertTrue(r.get("kv").asText().startsWith("KV GET failed: 503"), r.toString());
        assertTrue(r.get("d1").asText().startsWith("D1_ERROR: D1 QUERY failed: 503"), r.toString());
        assertTrue(r.get("r2").asText().startsWith("get: Network connection lost. (R2 service unavailable"), r.toString());
        assertTrue(r.get("queue").asText().startsWith("Queue send failed: 503"), r.toString());
    }

    @Test
    void serviceBindingGoesThroughTheGatewaysWorkerDispatch() throws Exception {
        // SVC-2: fetch from an object reaches WorkerDispatchService.Fetch with the account, target worker, binding,
        // entrypoint, props, method, URL, body and headers; the answer's status, text and headers come back
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode r = ok(counter, "serviceCalls", NO_ARGS);
        assertEquals(201, r.get("status").asInt(), r.toString());
        assertEquals("Created", r.get("statusText").asText(), r.toString());
        assertEquals("yes", r.get("echo").asText(), r.toString());
        assertEquals(TestCodeServer.ACCOUNT + " helper-worker HELPER Named {\"p\":1} PUT https://helper/path?q=1 payload"
                + " x-from=object", r.get("text").asText());
        // SVC-3: RPC arguments travel in the runtime's encoding and the outcome comes back decoded
        assertEquals("[2,{\"n\":3}]", r.get("sum").toString());
        // a target the gateway cannot serve: its message reaches the object's code
        assertEquals("Service binding 'HELPER' points at worker 'helper-worker', which is not deployed.",
                r.get("gone").asText(), r.toString());
    }
}
