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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D1, R2, queue producer and service bindings used inside a Durable Object (DO-6 {@code this.env}), all real
 * processes over real sockets: PostgreSQL, Kafka, the S3 stand-in, d1-service, r2-service, queue-service,
 * durable-object-service and the gateway, started by the local-stack launcher. The object's calls go from
 * durable-object-service straight to d1-service, r2-service and queue-service, and through the gateway's
 * WorkerDispatchService to the service binding's worker; the test checks each effect from outside the object
 * (the worker reads the object's D1 rows, the S3 API sees its R2 object, a consumer worker receives its message).
 */
class DurableObjectBindingsEndToEndTest {
    static final int OFFSET = 6500;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = ItStack.HTTP;
    static final String BUCKET = "do-blobs";

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;
    static String databaseId;

    static final String ROOMS = """
            import { DurableObject } from 'cloudflare:workers';

            export class Room extends DurableObject {
              async d1(body) {
                await this.env.DB.exec('CREATE TABLE IF NOT EXISTS notes (room TEXT, body TEXT)');
                const run = await this.env.DB.prepare('INSERT INTO notes (room, body) VALUES (?, ?)')
                  .bind(this.ctx.id.name, body).run();
                const { results } = await this.env.DB.prepare('SELECT body FROM notes WHERE room = ? ORDER BY rowid')
                  .bind(this.ctx.id.name).all();
                let missing;
                try { await this.env.DB.prepare('SELECT * FROM nope').all(); } catch (e) { missing = e.message; }
                return { changes: run.meta.changes, bodies: results.map(r => r.body), missing };
              }
              async r2(key, text) {
                const put = await this.env.BUCKET.put(key, text, { httpMetadata: { contentType: 'text/plain' },
                  customMetadata: { room: this.ctx.id.name } });
                const got = await this.env.BUCKET.get(key);
                const listed = await this.env.BUCKET.list({ prefix: key });
                return { size: put.size, text: await got.text(), contentType: got.httpMetadata.contentType,
                  room: got.customMetadata.room, listed: listed.objects.map(o => o.key),
                  absent: await this.env.BUCKET.get(key + '-absent') };
              }
              async enqueue(n) {
                await this.env.Q.send({ n, from: this.ctx.id.name });
                await this.env.Q.sendBatch([{ body: { n: n + '-batch', from: this.ctx.id.name } }]);
                return 'sent';
              }
              async service() {
                const viaFetch = await this.env.HELPER.fetch('https://helper/echo?from=' + this.ctx.id.name,
                  { method: 'POST', body: 'ping', headers: { 'x-room': this.ctx.id.name } });
                let missing;
                try { await (await this.env.GONE.fetch('https://gone/')).text(); } catch (e) { missing = e.message; }
                return { status: viaFetch.status, text: await viaFetch.text(), header: viaFetch.headers.get('x-helper'),
                  sum: await this.env.HELPER.add(2, 3), missing };
              }
              vars() {
                return { greeting: this.env.GREETING, config: this.env.CONFIG };
              }
            }

            export default {
              async fetch(request, env) {
                const url = new URL(request.url);
                const p = url.searchParams;
                const stub = env.ROOM.getByName(p.get('room') ?? 'lobby');
                try {
                  switch (url.pathname) {
                    case '/d1': return Response.json(await stub.d1(p.get('body')));
                    case '/r2': return Response.json(await stub.r2(p.get('key'), p.get('text')));
                    case '/queue': return Response.json(await stub.enqueue(p.get('n')));
                    case '/service': return Response.json(await stub.service());
                    case '/vars': return Response.json(await stub.vars());
                    case '/received': {
                      await env.DB.exec('CREATE TABLE IF NOT EXISTS received (n TEXT, sender TEXT, queue TEXT)');
                      const { results } = await env.DB.prepare('SELECT n, sender, queue FROM received ORDER BY n').all();
                      return Response.json(results);
                    }
                    case '/blob': return new Response((await env.BUCKET.get(p.get('key'))).body);
                    case '/notes': {
                      const { results } = await env.DB.prepare('SELECT room, body FROM notes ORDER BY rowid').all();
                      return Response.json(results);
                    }
                    default: return new Response('not found', { status: 404 });
                  }
                } catch (e) {
                  return Response.json({ error: e.name, message: e.message, remote: e.remote ?? null }, { status: 500 });
                }
              }
            };
            """;

    static final String HELPER = """
            import { WorkerEntrypoint } from 'cloudflare:workers';

            export default class extends WorkerEntrypoint {
              async fetch(request) {
                const url = new URL(request.url);
                return new Response(request.method + ' ' + url.pathname + url.search + ' ' + (await request.text())
                  + ' ' + request.headers.get('x-room'), { headers: { 'x-helper': 'yes' } });
              }
              add(a, b) {
                return a + b;
              }
            }
            """;

    static final String CONSUMER = """
            export default {
              async queue(batch, env) {
                await env.DB.exec('CREATE TABLE IF NOT EXISTS received (n TEXT, sender TEXT, queue TEXT)');
                for (const m of batch.messages) {
                  await env.DB.prepare('INSERT INTO received (n, sender, queue) VALUES (?, ?, ?)')
                    .bind(m.body.n, m.body.from, batch.queue).run();
                  m.ack();
                }
              }
            };
            """;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KAFKA, Component.D1, Component.R2,
                Component.QUEUE, Component.DURABLE_OBJECT, Component.GATEWAY)
                .build();
        stack.start();
        controlPlane = ItStack.controlPlane(stack, JSON);
        databaseId = serviceApi(Component.D1, "/d1/database", "{\"name\":\"do-bindings\"}").path("uuid").asText();
        serviceApi(Component.R2, "/r2/buckets", "{\"name\":\"" + BUCKET + "\"}");
        String queueId = gatewayApi("POST", "/queues", "{\"queue_name\":\"do-jobs\"}").path("queue_id").asText();

        ArrayNode consumerBindings = JSON.createArrayNode();
        consumerBindings.addObject().put("type", "d1").put("name", "DB").put("id", databaseId);
        upload("do-consumer", CONSUMER, consumerBindings, false);
        gatewayApi("POST", "/queues/" + queueId + "/consumers", "{\"type\":\"worker\",\"script_name\":\"do-consumer\","
                + "\"settings\":{\"batch_size\":10,\"max_wait_time_ms\":500}}");
        upload("do-helper", HELPER, JSON.createArrayNode(), false);
        upload("do-gone", "export default { fetch() { return new Response('bye'); } };", JSON.createArrayNode(), false);

        ArrayNode bindings = JSON.createArrayNode();
        bindings.addObject().put("type", "durable_object_namespace").put("name", "ROOM").put("class_name", "Room");
        bindings.addObject().put("type", "d1").put("name", "DB").put("id", databaseId);
        bindings.addObject().put("type", "r2_bucket").put("name", "BUCKET").put("bucket_name", BUCKET);
        bindings.addObject().put("type", "queue").put("name", "Q").put("queue_name", "do-jobs");
        bindings.addObject().put("type", "service").put("name", "HELPER").put("service", "do-helper");
        bindings.addObject().put("type", "service").put("name", "GONE").put("service", "do-gone");
        bindings.addObject().put("type", "plain_text").put("name", "GREETING").put("text", "hello from vars");
        bindings.addObject().put("type", "json").put("name", "CONFIG").putObject("json").put("limit", 3);
        upload("do-bindings", ROOMS, bindings, true);
        // the GONE service binding's target goes away after the upload validated it
        HttpResponse<String> deleted = HTTP.send(api("DELETE", "/workers/scripts/do-gone", null),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void objectWritesD1AndReadsItBack() throws Exception {
        // DO-6 + D1-2/D1-3: an object's D1 binding reaches the real d1-service; rows it writes are the database's
        JsonNode first = ok("/d1?room=chat-1&body=hello");
        assertEquals(1, first.path("changes").asInt(), first.toString());
        assertEquals("[\"hello\"]", first.path("bodies").toString());
        JsonNode second = ok("/d1?room=chat-1&body=again");
        assertEquals("[\"hello\",\"again\"]", second.path("bodies").toString());
        // D1-12: d1-service's error reaches the object's code unchanged
        assertEquals("D1_ERROR: no such table: nope: SQLITE_ERROR", second.path("missing").asText(), second.toString());
        // the worker itself (gateway → d1-service) sees what the object wrote
        assertEquals("[{\"room\":\"chat-1\",\"body\":\"hello\"},{\"room\":\"chat-1\",\"body\":\"again\"}]",
                ok("/notes").toString());
    }

    @Test
    void objectPutsAndGetsR2Objects() throws Exception {
        // DO-6 + R2-2/R2-3/R2-5: put, get (body, http and custom metadata), list and a missing key from an object
        JsonNode r = ok("/r2?room=store-1&key=blob-1&text=stored%20by%20object");
        assertEquals(16, r.path("size").asInt(), r.toString());
        assertEquals("stored by object", r.path("text").asText());
        assertEquals("text/plain", r.path("contentType").asText());
        assertEquals("store-1", r.path("room").asText());
        assertEquals("[\"blob-1\"]", r.path("listed").toString());
        assertTrue(r.path("absent").isNull(), r.toString());
        // the worker itself (gateway → r2-service) reads what the object stored
        HttpResponse<String> viaWorker = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + (8787 + OFFSET) + "/blob?key=blob-1")).header("Host", "do-bindings.localhost")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaWorker.statusCode(), viaWorker.body());
        assertEquals("stored by object", viaWorker.body());
    }

    @Test
    void objectSendsToAQueueThatAConsumerWorkerReceives() throws Exception {
        // DO-6 + Q-1/Q-3/Q-5: send and sendBatch from an object; the consumer worker gets both from queue-service
        assertEquals("sent", ok("/queue?room=producer-1&n=m1").asText());
        JsonNode received = JSON.createArrayNode();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(300);
            received = ok("/received");
        }
        assertEquals("[{\"n\":\"m1\",\"sender\":\"producer-1\",\"queue\":\"do-jobs\"},"
                + "{\"n\":\"m1-batch\",\"sender\":\"producer-1\",\"queue\":\"do-jobs\"}]", received.toString());
    }

    @Test
    void objectCallsAnotherWorkerThroughAServiceBinding() throws Exception {
        // DO-6 + SVC-2 (fetch with method, body and headers) and SVC-3 (RPC on a WorkerEntrypoint) from an object
        JsonNode r = ok("/service?room=svc-1");
        assertEquals(200, r.path("status").asInt(), r.toString());
        assertEquals("POST /echo?from=svc-1 ping svc-1", r.path("text").asText());
        assertEquals("yes", r.path("header").asText());
        assertEquals(5, r.path("sum").asInt(), r.toString());
        // a binding whose worker is no longer deployed fails the call with the gateway's message
        assertEquals("Service binding 'GONE' points at worker 'do-gone', which is not deployed.",
                r.path("missing").asText(), r.toString());
    }

    @Test
    void objectSeesVarsOfItsScript() throws Exception {
        // DO-6 + SVC-4: plain_text and json vars in the object's env
        JsonNode r = ok("/vars?room=vars-1");
        assertEquals("hello from vars", r.path("greeting").asText());
        assertEquals(3, r.path("config").path("limit").asInt(), r.toString());
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET)
                        + path)).header("Host", "do-bindings.localhost").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static void upload(String name, String source, ArrayNode bindings, boolean rooms) throws Exception {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.set("bindings", bindings);
        if (rooms) {
            // DO-2: the class is created by a migration, SQLite-backed
            metadata.putObject("migrations").put("new_tag", "v1").putArray("steps").addObject()
                    .putArray("new_sqlite_classes").add("Room");
        }
        ItStack.upload(controlPlane, state, name, source, metadata);
    }

    static HttpRequest api(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/accounts/"
                        + stack.credentials().accountId() + path))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    static JsonNode gatewayApi(String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(api(method, path, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body()).path("result");
    }

    /** A POST to a service's own Cloudflare-style REST API (creating a D1 database, an R2 bucket). */
    static JsonNode serviceApi(Component service, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                        + "/client/v4/accounts/" + stack.credentials().accountId() + path))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body()).path("result");
    }
}
