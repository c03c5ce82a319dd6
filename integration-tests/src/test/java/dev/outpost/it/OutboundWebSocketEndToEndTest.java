package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.it.conformance.WebSocketOrigin;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RT-6 the proxy pattern end to end: a real WebSocket client upgrades through the gateway's ingress to a worker
 * that opens an outbound WebSocket to an origin (a real server on loopback, allowed by
 * {@code outpost.gateway.fetch.allowed-cidrs}) and passes frames both ways: once by piping a WebSocketPair in JS,
 * once by returning the origin's 101 ({@code return fetch(request)}).
 */
class OutboundWebSocketEndToEndTest {
    static final int OFFSET = 3500;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAIR_PROXY = """
            export default {
              async fetch(request, env) {
                const origin = (await fetch(env.ORIGIN + new URL(request.url).pathname,
                  { headers: { Upgrade: 'websocket' } })).webSocket;
                const [client, server] = Object.values(new WebSocketPair());
                server.accept();
                origin.accept();
                server.addEventListener('message', (e) => origin.send(e.data));
                origin.addEventListener('message', (e) => server.send(e.data));
                origin.addEventListener('close', (e) => server.close(e.code, e.reason));
                server.addEventListener('close', (e) => origin.close(e.code, e.reason));
                return new Response(null, { status: 101, webSocket: client });
              }
            };""";
    static final String PASS_THROUGH = """
            export default {
              fetch(request, env) {
                return fetch(new Request(env.ORIGIN + new URL(request.url).pathname, request));
              }
            };""";

    @TempDir
    static Path state;
    static LocalStack stack;
    static WebSocketOrigin origin;

    @BeforeAll
    static void start() throws Exception {
        origin = WebSocketOrigin.start(0);
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.GATEWAY)
                .systemProperty(Component.GATEWAY, "outpost.gateway.fetch.allowed-cidrs", "127.0.0.1/32").build();
        stack.start();
        ControlPlaneClient api = ItStack.controlPlane(stack, JSON);
        upload(api, "ws-pair-proxy", PAIR_PROXY);
        upload(api, "ws-pass-through", PASS_THROUGH);
    }

    static void upload(ControlPlaneClient api, String name, String source) throws Exception {
        Path script = state.resolve(name + ".js");
        Files.writeString(script, source);
        ObjectNode metadata = JSON.createObjectNode().put("main_module", name + ".js")
                .put("compatibility_date", "2024-09-23");
        metadata.putArray("bindings").addObject().put("name", "ORIGIN").put("type", "plain_text")
                .put("text", "http://127.0.0.1:" + origin.port());
        api.uploadScript(name, WorkerBundle.fromPath(script, null), metadata);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop();
        }
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void rt6AWorkerPipesAWebSocketPairToAnOrigin() throws Exception {
        roundTrip("ws-pair-proxy");
    }

    @Test
    void rt6AWorkerPassesAnUpgradeRequestThroughToAnOrigin() throws Exception {
        roundTrip("ws-pass-through");
    }

    /** Client → gateway → worker → origin and back: the origin's greeting, an echo, binary, the origin's close. */
    static void roundTrip(String worker) throws Exception {
        try (Client client = Client.connect(stack.ports().workerPort(), worker + ".localhost", "/hello")) {
            assertEquals("text:hello", client.next());
            client.send(1, "through the proxy".getBytes(StandardCharsets.UTF_8));
            assertEquals("text:through the proxy", client.next());
            client.send(2, new byte[]{1, 2, 3});
            assertEquals("binary:[1, 2, 3]", client.next());
            client.send(1, "close 4002 origin leaves".getBytes(StandardCharsets.UTF_8));
            assertEquals("close:4002:origin leaves", client.next());
        }
    }

    /** A minimal RFC 6455 client over a plain socket (the Host header picks the worker). */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private Client(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static Client connect(int port, String host, String path) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            Client client = new Client(socket);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            client.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            String status = line(client.in);
            while (!line(client.in).isEmpty()) {
                // the rest of the 101's head
            }
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + status);
            }
            return client;
        }

        void send(int opcode, byte[] payload) throws IOException {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            out.write(0x80 | opcode);
            out.write(0x80 | payload.length);
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
        }

        /** The next frame: "text:...", "binary:[...]" or "close:<code>:<reason>". */
        String next() throws IOException {
            int b0 = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return switch (b0 & 0x0f) {
                case 1 -> "text:" + new String(payload, StandardCharsets.UTF_8);
                case 2 -> "binary:" + java.util.Arrays.toString(payload);
                case 8 -> "close:" + ((payload[0] & 0xff) << 8 | payload[1] & 0xff) + ":"
                        + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
                default -> "opcode " + (b0 & 0x0f);
            };
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed in the response head");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
