package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable Object alarms (DO-12) and bindings inside objects (DO-5 stubs, KV) end to end, all real processes over
 * real sockets: PostgreSQL, kv-service, durable-object-service and the gateway started by the local-stack launcher.
 * The alarm handler reports each run to KV, and the test reads KV through the control-plane API, so it sees alarms
 * fire without waking the object itself — including one that was pending while durable-object-service was killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableObjectAlarmsEndToEndTest {
    static final int OFFSET = 4500;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;
    static String kvNamespace;

    static final String WORKER = """
            import { DurableObject } from 'cloudflare:workers';

            export class Room extends DurableObject {
              async arm(delayMs, failTimes) {
                await this.ctx.storage.put('failTimes', failTimes);
                await this.ctx.storage.setAlarm(Date.now() + delayMs);
                return this.ctx.storage.getAlarm();
              }
              async alarm(info) {
                const runs = (await this.ctx.storage.get('runs')) ?? [];
                runs.push({ retryCount: info.retryCount, isRetry: info.isRetry });
                await this.ctx.storage.put('runs', runs);
                // reported through the object's own KV binding, so the test never has to wake the object
                await this.env.KV.put('alarm-' + this.ctx.id.name, JSON.stringify(runs));
                if (runs.length <= ((await this.ctx.storage.get('failTimes')) ?? 0)) throw new Error('failing on purpose');
              }
              async state() {
                return { runs: (await this.ctx.storage.get('runs')) ?? [], alarm: await this.ctx.storage.getAlarm() };
              }
              async bump() {
                const n = ((await this.ctx.storage.get('n')) ?? 0) + 1;
                await this.ctx.storage.put('n', n);
                return n;
              }
              async callOther(name) {
                const other = this.env.ROOM.getByName(name);
                const viaRpc = await other.bump();
                const viaFetch = await (await other.fetch('https://other/')).text();
                return { viaRpc, viaFetch };
              }
              async fetch(request) {
                return new Response('bumped ' + (await this.bump()));
              }
              async kvRoundTrip(key, value) {
                await this.env.KV.put(key, value);
                return this.env.KV.get(key);
              }
            }

            export default {
              async fetch(request, env) {
                const url = new URL(request.url);
                const p = url.searchParams;
                const stub = env.ROOM.getByName(p.get('name') ?? 'a');
                try {
                  switch (url.pathname) {
                    case '/arm': return Response.json({ alarm: await stub.arm(Number(p.get('delay')), Number(p.get('fail') ?? '0')) });
                    case '/state': return Response.json(await stub.state());
                    case '/call-other': return Response.json(await stub.callOther(p.get('other')));
                    case '/kv': return Response.json({ value: await stub.kvRoundTrip(p.get('key'), p.get('value')) });
                    default: return new Response('not found', { status: 404 });
                  }
                } catch (e) {
                  return Response.json({ error: e.name, message: e.message, remote: e.remote ?? null }, { status: 500 });
                }
              }
            };""";

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KV, Component.DURABLE_OBJECT,
                Component.GATEWAY)
                .build();
        stack.start();
        controlPlane = ItStack.controlPlane(stack, JSON);
        kvNamespace = controlPlane.ensureKvNamespace("do-alarms-kv");
        Path file = Files.createDirectories(state.resolve("scripts")).resolve("rooms.js");
        Files.writeString(file, WORKER);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        var bindings = metadata.putArray("bindings");
        bindings.addObject().put("type", "durable_object_namespace").put("name", "ROOM").put("class_name", "Room");
        bindings.addObject().put("type", "kv_namespace").put("name", "KV").put("namespace_id", kvNamespace);
        ObjectNode migrations = metadata.putObject("migrations").put("new_tag", "v1");
        migrations.putArray("steps").addObject().putArray("new_sqlite_classes").add("Room");
        controlPlane.uploadScript("do-rooms", bundle, metadata);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static HttpResponse<String> call(String path) throws Exception {
        return ItStack.getWorker(stack, "do-rooms", path);
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = call(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** The KV value the alarm handler wrote, read through the control-plane API (not through the object). */
    static JsonNode reported(String name) throws Exception {
        HttpResponse<String> response = ItStack.api(stack, "GET",
                ItStack.account(stack, "/storage/kv/namespaces/" + kvNamespace + "/values/alarm-" + name), null, true);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    /** Waits (bounded, by attempts rather than by asserting a duration) until {@code runs} alarm runs are reported. */
    static JsonNode awaitReported(String name, int runs) throws Exception {
        JsonNode seen = reported(name);
        for (int attempt = 0; attempt < 240 && seen.size() < runs; attempt++) {
            Thread.sleep(500);
            seen = reported(name);
        }
        return seen;
    }

    @Test
    @Order(1)
    void objectCallsAnotherObjectThroughItsEnv() throws Exception {
        // DO-5 inside an object: a stub from this.env (RPC and fetch) reaches another object, whose state persists
        JsonNode first = ok("/call-other?name=caller&other=callee");
        assertEquals(1, first.path("viaRpc").asInt(), first.toString());
        assertEquals("bumped 2", first.path("viaFetch").asText(), first.toString());
        assertEquals(3, ok("/call-other?name=caller&other=callee").path("viaRpc").asInt());
    }

    @Test
    @Order(2)
    void objectReadsAndWritesKvThroughItsEnv() throws Exception {
        // KV binding inside an object (DO-6 this.env): the write reaches kv-service, visible to the API too
        JsonNode r = ok("/kv?name=kv-user&key=from-object&value=written-inside");
        assertEquals("written-inside", r.path("value").asText(), r.toString());
        HttpResponse<String> viaApi = ItStack.api(stack, "GET",
                ItStack.account(stack, "/storage/kv/namespaces/" + kvNamespace + "/values/from-object"), null, true);
        assertEquals(200, viaApi.statusCode(), viaApi.body());
        assertEquals("written-inside", viaApi.body());
    }

    @Test
    @Order(3)
    void alarmFiresAndIsRetriedOnThrow() throws Exception {
        // DO-12: alarm() runs after the scheduled time; throws are retried (2 s, 4 s) with retryCount/isRetry
        JsonNode armed = ok("/arm?name=retrier&delay=500&fail=2");
        assertTrue(armed.path("alarm").isNumber(), armed.toString());
        JsonNode runs = awaitReported("retrier", 3);
        assertEquals(3, runs.size(), runs.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, runs.get(i).path("retryCount").asInt(), runs.toString());
            assertEquals(i > 0, runs.get(i).path("isRetry").asBoolean(), runs.toString());
        }
        // the third run succeeded: the alarm is cleared
        JsonNode after = ok("/state?name=retrier");
        for (int attempt = 0; attempt < 40 && !after.path("alarm").isNull(); attempt++) {
            Thread.sleep(250);
            after = ok("/state?name=retrier");
        }
        assertTrue(after.path("alarm").isNull(), after.toString());
        assertEquals(3, after.path("runs").size(), after.toString());
    }

    @Test
    @Order(4)
    void pendingAlarmSurvivesAKillAndRestartOfTheService() throws Exception {
        // DO-12: set, then durable-object-service is killed before it is due; the restarted service finds it in its
        // alarm index and wakes the object (which nothing else calls) to run it
        JsonNode armed = ok("/arm?name=sleeper&delay=10000&fail=0");
        assertTrue(armed.path("alarm").isNumber(), armed.toString());
        ProcessHandle service = stack.process(Component.DURABLE_OBJECT).orElseThrow();
        service.destroyForcibly();
        service.onExit().get();
        assertEquals(0, reported("sleeper").size(), "not run before the kill");

        stack.start(); // starts what is not running: durable-object-service
        JsonNode runs = awaitReported("sleeper", 1);
        assertEquals(1, runs.size(), runs.toString());
        assertEquals(0, runs.get(0).path("retryCount").asInt());
        assertEquals(false, runs.get(0).path("isRetry").asBoolean(true));
    }
}
