package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.DeployRequest;
import dev.outpost.localstack.deploy.WorkerDeployer;
import dev.outpost.localstack.launch.ServiceProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RT-6 (streaming bodies) end to end: a 1 GiB upload goes through a worker in a gateway JVM limited to
 * -Xmx256m, over real sockets with a client that streams the upload. Buffering the body anywhere in the
 * gateway would need 4× that heap, so these pass only if the body streams chunk by chunk with backpressure:
 * once into JS (the worker sums every byte of {@code request.body}) and once straight back
 * ({@code new Response(request.body)}, read by the client while it is still uploading).
 */
class BodyStreamingEndToEndTest {
    static final int OFFSET = 7000;
    static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    static Path state;
    static LocalStack stack;
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.GATEWAY)
                .systemProperty(Component.GATEWAY, ServiceProperties.MAX_HEAP_PROPERTY, "256m")
                // 1 GiB is over the default 100 MB body limit; the operator raised it (RT-13: configurable).
                .systemProperty(Component.GATEWAY, "outpost.gateway.max-request-body-bytes", Long.toString(2 * GIB))
                .build();
        stack.start();
        WorkerDeployer deployer = new WorkerDeployer(ItStack.controlPlane(stack, new ObjectMapper()),
                new ObjectMapper());
        Path file = Files.createDirectories(state.resolve("scripts")).resolve("big-body.js");
        Files.writeString(file, """
                export default {
                  async fetch(request) {
                    if (new URL(request.url).pathname === '/echo') return new Response(request.body);
                    const reader = request.body.getReader();
                    let bytes = 0, sum = 0;
                    for (;;) {
                      const { value, done } = await reader.read();
                      if (done) break;
                      bytes += value.byteLength;
                      for (let i = 0; i < value.byteLength; i++) sum += value[i];
                      sum %= 1000000007;
                    }
                    return new Response(`${bytes} ${sum}`);
                  }
                };""");
        deployer.deploy(new DeployRequest(file, "big-body", java.util.Map.of(), java.util.Map.of(),
                java.time.LocalDate.of(2024, 9, 1), java.util.List.of(), null));
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            // The gateway's log, for a failure's cause (the state dir is deleted with the test).
            Files.copy(stack.logFile(Component.GATEWAY), Path.of("target", "body-streaming-gateway.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            stack.stop();
        }
    }

    /** {@code size} bytes of the pattern i % 251, generated on the fly (the client holds none of it). */
    static final class Pattern extends InputStream {
        private long left;
        private long position;

        Pattern(long size) {
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

    static long patternSum(long size) {
        long cycle = 250L * 251 / 2;
        return (size / 251 * cycle + (size % 251) * (size % 251 - 1) / 2) % 1000000007;
    }

    @Test
    void aOneGibUploadIsReadByTheWorkerChunkByChunk() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + "/sum"))
                .header("Host", "big-body.localhost").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern(GIB))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(GIB + " " + patternSum(GIB), response.body());
    }

    @Test
    void aOneGibUploadEchoesBackWhileItIsStillBeingSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 8787 + OFFSET)) {
            socket.setSoTimeout(60_000);
            Thread writer = new Thread(() -> {
                try (InputStream body = new Pattern(GIB)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /echo HTTP/1.1\r\nHost: big-body.localhost\r\nContent-Length: " + GIB + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    body.transferTo(out);
                    out.flush();
                } catch (IOException e) {
                    // the reader reports what arrived
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            // RT-8: the echoed request body has a known length, so it goes back with Content-Length as on workerd;
            // its head arrives while the upload is still being written, and the bytes are compared on the fly.
            assertTrue(head.toLowerCase().contains("content-length: " + GIB), head);
            long position = 0;
            byte[] buffer = new byte[64 * 1024];
            while (position < GIB) {
                int n = in.read(buffer, 0, (int) Math.min(GIB - position, buffer.length));
                assertTrue(n > 0, "connection closed at byte " + position);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != (byte) (position % 251)) {
                        throw new AssertionError("byte " + position + " differs");
                    }
                    position++;
                }
            }
            assertEquals(GIB, position);
            writer.join(10_000);
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l; !(l = line(in)).isEmpty(); ) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                return sb.toString().replace("\r", "");
            }
            sb.append((char) c);
        }
        throw new IOException("connection closed");
    }
}
