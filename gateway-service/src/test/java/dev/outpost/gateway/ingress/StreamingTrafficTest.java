package dev.outpost.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RT-6 streaming bodies through the ingress over real sockets: a chunked upload of unknown length reaches the
 * worker as a stream, an untouched body echoes back, a TransformStream response leaves chunked and over time;
 * RT-13 limits: URL (414), headers (431), body (413, announced and streamed); RT-8: the gateway's default
 * fetch policy refuses loopback.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class StreamingTrafficTest {
    static {
        // Worker routing is by Host; the JDK client sends a custom Host only when allowed (read once, at its first use).
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    WorkerIngressServer ingress;

    private static final String COUNTER = """
            export default {
              async fetch(request) {
                const url = new URL(request.url);
                if (url.pathname === '/echo') return new Response(request.body);
                if (url.pathname === '/fetch-self') {
                  try { await fetch(url.searchParams.get('to')); return new Response('reached'); }
                  catch (e) { return new Response(e.message, { status: 502 }); }
                }
                if (url.pathname === '/ticks') {
                  const { readable, writable } = new TransformStream();
                  const writer = writable.getWriter();
                  let n = 0;
                  const tick = () => {
                    if (n === 4) { writer.close(); return; }
                    writer.write(new TextEncoder().encode(`tick${n++};`));
                    setTimeout(tick, 100);
                  };
                  tick();
                  return new Response(readable, { headers: { 'content-type': 'text/plain' } });
                }
                const reader = request.body.getReader();
                let bytes = 0, sum = 0, chunks = 0;
                for (;;) {
                  const { value, done } = await reader.read();
                  if (done) break;
                  chunks++;
                  bytes += value.byteLength;
                  for (let i = 0; i < value.byteLength; i++) sum += value[i];
                  sum %= 1000000007;
                }
                return new Response(`${bytes} ${sum} ${chunks > 1}`);
              }
            };""";

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ingress.port() + path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Host", "streamer.localhost").timeout(Duration.ofSeconds(60));
    }

    private static boolean deployed;

    private void deploy() {
        if (!deployed) {
            ScriptUploads.deploy("streamer", "[]", COUNTER).statusCode(200);
            deployed = true;
        }
    }

    /** A body of unknown length (chunked): {@code mb} MiB of a repeating byte pattern. */
    private static HttpRequest.BodyPublisher chunked(int mb) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream((long) mb * 1024 * 1024));
    }

    static final class PatternStream extends InputStream {
        private long left;
        private long position;

        PatternStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return (int) (position++ % 251);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (position++ % 251);
            }
            left -= n;
            return n;
        }
    }

    /** The sum of all bytes of a PatternStream of {@code size} bytes, mod 1e9+7 (as the worker computes it). */
    static long expectedSum(long size) {
        long cycle = 250L * 251 / 2;
        return (size / 251 * cycle + (size % 251) * (size % 251 - 1) / 2) % 1000000007;
    }

    @Test
    void aChunkedUploadStreamsIntoTheWorker() throws Exception {
        deploy();
        long size = 20L * 1024 * 1024;
        HttpResponse<String> response = HTTP.send(request("/count").POST(chunked(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(size + " " + expectedSum(size) + " true", response.body());
    }

    @Test
    void anUntouchedBodyEchoesBackByteForByte() throws Exception {
        deploy();
        // Echo needs a full-duplex client (the JDK client reads the response only after sending the body).
        try (Socket socket = new Socket("127.0.0.1", ingress.port())) {
            socket.setSoTimeout(30_000);
            long size = 8L * 1024 * 1024;
            Thread writer = ChunkedWire.upload(socket, "POST /echo HTTP/1.1\r\nHost: streamer.localhost\r\n",
                    new PatternStream(size));
            ChunkedWire.Response response = ChunkedWire.read(socket.getInputStream());
            assertEquals(200, response.status());
            assertTrue(response.head().toLowerCase().contains("transfer-encoding: chunked"), response.head());
            byte[] expected = new PatternStream(size).readAllBytes();
            assertEquals(expected.length, response.body().length);
            assertTrue(java.util.Arrays.equals(expected, response.body()));
            writer.join(10_000);
        }
    }

    @Test
    void anAnnouncedLengthBodyEchoesBackWhileStillUploading() throws Exception {
        deploy();
        long size = 64L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", ingress.port())) {
            socket.setSoTimeout(30_000);
            Thread writer = new Thread(() -> {
                try (InputStream body = new PatternStream(size)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /echo HTTP/1.1\r\nHost: streamer.localhost\r\nContent-Length: " + size + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    body.transferTo(out);
                } catch (java.io.IOException e) {
                    // the reader reports what arrived
                }
            });
            writer.setDaemon(true);
            writer.start();
            ChunkedWire.Response response = ChunkedWire.read(socket.getInputStream());
            assertEquals(200, response.status());
            assertEquals(size, response.body().length);
            assertTrue(java.util.Arrays.equals(new PatternStream(size).readAllBytes(), response.body()));
        }
    }

    @Test
    void aTransformStreamResponseArrivesChunkedOverTime() throws Exception {
        deploy();
        // A raw socket shows the wire: chunked transfer encoding, chunks written as the worker produces them.
        try (Socket socket = new Socket("127.0.0.1", ingress.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /ticks HTTP/1.1\r\nHost: streamer.localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            List<Long> arrivals = new ArrayList<>();
            byte[] buffer = new byte[8192];
            while (!seen.toString().endsWith("0\r\n\r\n")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                arrivals.add(System.nanoTime());
            }
            String wire = seen.toString();
            assertTrue(wire.toLowerCase().contains("transfer-encoding: chunked"), wire);
            for (int i = 0; i < 4; i++) {
                assertTrue(wire.contains("tick" + i + ";"), wire);
            }
            assertTrue(arrivals.size() >= 3, "chunks arrived in separate reads: " + arrivals.size());
            assertTrue(arrivals.get(arrivals.size() - 1) - arrivals.get(0) >= 250_000_000L, "spread over time");
        }
    }

    @Test
    void aTooLongUrlIs414AndTooManyHeaderBytesAre431() throws Exception {
        deploy();
        HttpResponse<String> url = HTTP.send(request("/count?q=" + "a".repeat(16 * 1024)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, url.statusCode());
        assertTrue(url.body().contains("16384"), url.body());
        HttpRequest.Builder big = request("/count");
        for (int i = 0; i < 9; i++) {
            big.header("x-big-" + i, "b".repeat(15 * 1024));
        }
        HttpResponse<String> headers = HTTP.send(big.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, headers.statusCode());
        assertTrue(headers.body().contains("131072"), headers.body());
        HttpRequest.Builder fine = request("/count");
        for (int i = 0; i < 7; i++) {
            fine.header("x-big-" + i, "b".repeat(15 * 1024));
        }
        assertEquals(200, HTTP.send(fine.POST(HttpRequest.BodyPublishers.ofString("abc")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void bodiesPastTheLimitAre413WhetherAnnouncedOrStreamed() throws Exception {
        deploy();
        try (Socket socket = new Socket("127.0.0.1", ingress.port())) {
            socket.getOutputStream().write(("POST /count HTTP/1.1\r\nHost: streamer.localhost\r\nContent-Length: 104857601\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", head);
        }
        HttpResponse<String> streamed;
        try {
            streamed = HTTP.send(request("/count").POST(chunked(101)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The gateway answers 413 and closes while the client is still sending; some clients see the reset.
            return;
        }
        assertEquals(413, streamed.statusCode());
        assertTrue(streamed.body().contains("104857600"), streamed.body());
    }

    @Test
    void outboundFetchToLoopbackIsRefusedByDefault() throws Exception {
        deploy();
        HttpResponse<String> response = HTTP.send(request("/fetch-self?to=http://127.0.0.1:" + ingress.port() + "/")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("refused") && response.body().contains("127.0.0.0/8"), response.body());
    }
}
