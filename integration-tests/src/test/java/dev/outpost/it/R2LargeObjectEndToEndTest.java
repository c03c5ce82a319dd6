package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import dev.outpost.localstack.launch.ServiceProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6 / R2-2 + RT-6: a 2 GiB object moves through a worker in both directions — uploaded with
 * {@code env.B.put(key, request.body)} and downloaded with {@code new Response((await env.B.get(key)).body)} — while
 * the gateway and r2-service each run with -Xmx256m. The object is 8× either heap, so this passes only if the body
 * streams chunk by chunk with backpressure client → gateway → r2-service → S3Proxy and back. The client generates
 * the bytes on the fly and hashes both directions as they pass (SHA-256), so nothing holds the object anywhere.
 */
class R2LargeObjectEndToEndTest {
    static final int OFFSET = 8700;
    static final long SIZE = 2L * 1024 * 1024 * 1024;
    static final String BUCKET = "large-bucket";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;
    static LocalStack stack;
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.R2, Component.GATEWAY)
                .systemProperty(Component.GATEWAY, ServiceProperties.MAX_HEAP_PROPERTY, "256m")
                .systemProperty(Component.R2, ServiceProperties.MAX_HEAP_PROPERTY, "256m")
                // 2 GiB is over the default 100 MB request body limit; the operator raised it (RT-13).
                .systemProperty(Component.GATEWAY, "outpost.gateway.max-request-body-bytes", Long.toString(4 * SIZE))
                .build();
        stack.start();
        String account = stack.credentials().accountId();
        HttpRequest create = HttpRequest.newBuilder(URI.create(stack.url(Component.R2) + "/client/v4/accounts/"
                        + account + "/r2/buckets"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + BUCKET + "\"}")).build();
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());

        Path file = Files.createDirectories(state.resolve("scripts")).resolve("r2-large.js");
        Files.writeString(file, """
                export default {
                  async fetch(request, env) {
                    const key = new URL(request.url).pathname.slice(1);
                    if (request.method === 'PUT') {
                      const o = await env.B.put(key, request.body);
                      return Response.json({ size: o.size, etag: o.etag });
                    }
                    if (request.method === 'POST') {
                      try {
                        await env.B.put(key, request.body);
                        return new Response('stored');
                      } catch (e) { return new Response(`${e.name}: ${e.message}`, { status: 400 }); }
                    }
                    const o = await env.B.get(key);
                    return o === null ? new Response('none', { status: 404 }) : new Response(o.body);
                  }
                };""");
        ControlPlaneClient controlPlane = new ControlPlaneClient(stack.apiBaseUrl(), account,
                stack.credentials().apiToken(), JSON);
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        metadata.putArray("bindings").addObject().put("type", "r2_bucket").put("name", "B").put("bucket_name", BUCKET);
        controlPlane.uploadScript("r2-large", bundle, metadata);
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            Files.copy(stack.logFile(Component.GATEWAY), Path.of("target", "r2-large-gateway.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(stack.logFile(Component.R2), Path.of("target", "r2-large-r2.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            stack.stop();
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + path))
                .header("Host", "r2-large.localhost").timeout(Duration.ofMinutes(15));
    }

    @Test
    void aTwoGibObjectStreamsThroughAWorkerBothWaysWithSmallHeaps() throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> put = http.send(request("/big.bin").PUT(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new DigestInputStream(
                        new BodyStreamingEndToEndTest.Pattern(SIZE), sent)), SIZE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        JsonNode stored = JSON.readTree(put.body());
        assertEquals(SIZE, stored.path("size").asLong(), put.body());

        HttpResponse<InputStream> get = http.send(request("/big.bin").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, get.statusCode());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = get.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        assertEquals(SIZE, length);
        assertEquals(HexFormat.of().formatHex(sent.digest()), HexFormat.of().formatHex(received.digest()));
    }

    @Test
    void aStreamedBodyOfUnknownLengthIsRefusedAsOnCloudflare() throws Exception {
        // R2-3: like workerd, put() needs a streamed body's length up front; a chunked upload (no Content-Length,
        // large enough that the gateway streams it) has none.
        HttpResponse<String> chunked = http.send(request("/chunked.bin").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new BodyStreamingEndToEndTest.Pattern(8L << 20))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, chunked.statusCode(), chunked.body());
        assertEquals("TypeError: Provided readable stream must have a known length (request/response body or "
                + "readable half of FixedLengthStream)", chunked.body());
    }
}
