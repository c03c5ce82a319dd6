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
 * Durable Objects end to end, all real: a worker with a Durable Object class and its migration uploaded through
 * the control plane (DO-1, DO-2), stubs in the gateway calling durable-object-service over gRPC (DO-5), the object
 * running in the service's isolate with SQLite storage (DO-6, DO-8, DO-9), and the state surviving a hard kill and
 * restart of durable-object-service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableObjectsEndToEndTest {
    static final int OFFSET = 1500;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;

    static final String WORKER = """
            import { DurableObject } from 'cloudflare:workers';

            export class Counter extends DurableObject {
              async fetch(request) {
                const n = ((await this.ctx.storage.get('n')) ?? 0) + 1;
                await this.ctx.storage.put('n', n);
                return Response.json({ n, name: this.ctx.id.name, greeting: this.env.GREETING, path: new URL(request.url).pathname });
              }
              async add(by) {
                const n = ((await this.ctx.storage.get('n')) ?? 0) + by;
                await this.ctx.storage.put('n', n);
                return n;
              }
              async notes() {
                this.ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS notes (body TEXT)');
                this.ctx.storage.sql.exec('INSERT INTO notes VALUES (?)', 'note ' + Date.now());
                return this.ctx.storage.sql.exec('SELECT count(*) AS n FROM notes').one().n;
              }
              async boom() {
                throw new RangeError('boom in the object');
              }
            }

            export default {
              async fetch(request, env) {
                const url = new URL(request.url);
                const stub = env.COUNTER.getByName(url.searchParams.get('name') ?? 'a');
                try {
                  switch (url.pathname) {
                    case '/fetch': return await stub.fetch('https://object/inc');
                    case '/rpc': return Response.json({ n: await stub.add(Number(url.searchParams.get('by') ?? '1')) });
                    case '/sql': return Response.json({ notes: await stub.notes() });
                    case '/boom': await stub.boom(); return new Response('no error');
                    default: return new Response('not found', { status: 404 });
                  }
                } catch (e) {
                  return Response.json({ error: e.name, message: e.message, remote: e.remote ?? null, retryable: e.retryable ?? null }, { status: 500 });
                }
              }
            };""";

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.DURABLE_OBJECT, Component.GATEWAY)
                .build();
        stack.start();
        controlPlane = ItStack.controlPlane(stack, JSON);
        Path file = Files.createDirectories(state.resolve("scripts")).resolve("counter.js");
        Files.writeString(file, WORKER);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        var bindings = metadata.putArray("bindings");
        bindings.addObject().put("type", "durable_object_namespace").put("name", "COUNTER").put("class_name", "Counter");
        bindings.addObject().put("type", "plain_text").put("name", "GREETING").put("text", "hi from env");
        // DO-2: the class is created by a migration (SQLite-backed, so DO-9 sql works)
        ObjectNode migrations = metadata.putObject("migrations").put("new_tag", "v1");
        migrations.putArray("steps").addObject().putArray("new_sqlite_classes").add("Counter");
        controlPlane.uploadScript("do-counter", bundle, metadata);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    static HttpResponse<String> call(String path) throws Exception {
        return ItStack.getWorker(stack, "do-counter", path);
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = call(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void counterKeepsStateAcrossFetchAndRpc() throws Exception {
        // DO-5 fetch and RPC on one object; DO-4 ctx.id.name; DO-6 this.env; DO-8 storage
        JsonNode first = ok("/fetch?name=alpha");
        assertEquals(1, first.path("n").asInt(), first.toString());
        assertEquals("alpha", first.path("name").asText());
        assertEquals("hi from env", first.path("greeting").asText());
        assertEquals("/inc", first.path("path").asText());
        assertEquals(2, ok("/fetch?name=alpha").path("n").asInt());
        assertEquals(12, ok("/rpc?name=alpha&by=10").path("n").asInt());
        // another name is another object with its own state
        assertEquals(1, ok("/fetch?name=beta").path("n").asInt());
        // DO-9 on a new_sqlite_classes class
        assertEquals(1, ok("/sql?name=alpha").path("notes").asInt());
    }

    @Test
    @Order(2)
    void exceptionsOfTheObjectAreRemote() throws Exception {
        // DO-5: the object's exception is re-thrown at the caller with .remote = true
        HttpResponse<String> response = call("/boom?name=alpha");
        assertEquals(500, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("RangeError", error.path("error").asText());
        assertEquals("boom in the object", error.path("message").asText());
        assertTrue(error.path("remote").asBoolean(), response.body());
    }

    @Test
    @Order(3)
    void stateSurvivesAKillAndRestartOfTheService() throws Exception {
        ProcessHandle service = stack.process(Component.DURABLE_OBJECT).orElseThrow();
        service.destroyForcibly(); // no clean shutdown: the writes must already be on disk (output gate)
        service.onExit().get();

        // DO-5: while the service is down, calls fail on the way, not in the object, and may be retried
        HttpResponse<String> down = call("/rpc?name=alpha&by=1");
        assertEquals(500, down.statusCode(), down.body());
        JsonNode error = JSON.readTree(down.body());
        assertEquals(false, error.path("remote").asBoolean(true), down.body());
        assertTrue(error.path("retryable").asBoolean(), down.body());

        stack.start(); // starts what is not running: durable-object-service
        // DO-5: a retryable error is the caller's cue to retry; the gateway reconnects to the restarted shard
        HttpResponse<String> again = call("/rpc?name=alpha&by=1");
        for (int attempt = 0; attempt < 20 && again.statusCode() == 500
                && JSON.readTree(again.body()).path("retryable").asBoolean(); attempt++) {
            Thread.sleep(250);
            again = call("/rpc?name=alpha&by=1");
        }
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(13, JSON.readTree(again.body()).path("n").asInt(), again.body());
        assertEquals(14, ok("/fetch?name=alpha").path("n").asInt());
        assertEquals(2, ok("/fetch?name=beta").path("n").asInt());
        assertEquals(2, ok("/sql?name=alpha").path("notes").asInt());
    }
}
