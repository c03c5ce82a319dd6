package dev.outpost.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RT-10 WebSockets through the real ingress with a real (Vert.x) WebSocket client: a worker answers an upgrade
 * with {@code new Response(null, {status: 101, webSocket: client})} and the gateway bridges the frames through the
 * isolate's event loop, both ways.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class WebSocketTrafficTest {
    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final String HOST = "sockets.localhost";
    private static final String WORKER = """
            let lastClose = 'none';
            export default {
              async fetch(request) {
                const url = new URL(request.url);
                if (url.pathname === '/last-close') return new Response(lastClose);
                if (url.pathname === '/shape') {
                  const pair = new WebSocketPair();
                  const [client, server] = Object.values(pair);
                  let sendError = '';
                  try { server.send('x'); } catch (e) { sendError = e.constructor.name + ': ' + e.message; }
                  return Response.json({ keys: Object.keys(pair), ready: [client.readyState, server.readyState],
                    constants: [WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED,
                      WebSocket.READY_STATE_OPEN], isWs: client instanceof WebSocket, sendError });
                }
                if (url.pathname === '/local') {
                  // Both ends in the isolate: a message crosses the pair, then a close.
                  const [a, b] = Object.values(new WebSocketPair());
                  a.accept(); b.accept();
                  const got = new Promise((resolve) => b.addEventListener('message', (e) => resolve(e.data)));
                  const closed = new Promise((resolve) => a.addEventListener('close', (e) => resolve(e.code + ' ' + e.reason)));
                  a.send('ping');
                  const data = await got;
                  b.close(3001, 'bye');
                  return new Response(data + '|' + await closed + '|' + a.readyState + b.readyState);
                }
                const [client, server] = Object.values(new WebSocketPair());
                server.accept();
                if (url.pathname === '/echo') {
                  server.addEventListener('message', (e) => {
                    if (e.data === 'close-me') { server.close(4001, 'asked to'); return; }
                    if (e.data === 'throw') throw new Error('boom in a message handler');
                    if (typeof e.data === 'string') server.send('echo:' + e.data);
                    else server.send(new Uint8Array(e.data).map((x) => x ^ 0xff));
                  });
                  server.addEventListener('close', (e) => { lastClose = e.code + ' ' + e.reason + ' ' + e.wasClean; });
                } else if (url.pathname === '/ticks') {
                  let n = 0;
                  const timer = setInterval(() => {
                    server.send('tick' + n++);
                    if (n === 3) { clearInterval(timer); setTimeout(() => server.close(1000, 'done'), 10); }
                  }, 20);
                } else if (url.pathname === '/early') {
                  server.send('sent before the 101');
                  server.onmessage = (e) => server.send('onmessage:' + e.data);
                }
                return new Response(null, { status: 101, webSocket: client });
              }
            };""";

    @Inject
    WorkerIngressServer ingress;

    @Inject
    Vertx vertx;

    private static HttpClient client;
    private static boolean deployed;

    private void deploy() {
        if (!deployed) {
            ScriptUploads.deploy("sockets", "[]", WORKER).statusCode(200);
            deployed = true;
        }
        if (client == null) {
            client = vertx.createHttpClient();
        }
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /** A connected client socket; what it receives lands in {@code frames} ("close <code> <reason>" last). */
    private record Client(WebSocket ws, BlockingQueue<Object> frames) {
        Object next() throws InterruptedException {
            Object frame = frames.poll(30, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame from the worker");
            }
            return frame;
        }

        void send(String text) throws Exception {
            ws.writeTextMessage(text).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private Client connect(String path) throws Exception {
        deploy();
        BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(ingress.port())
                .setURI(path).addHeader("Host", HOST);
        CompletableFuture<WebSocket> connected = new CompletableFuture<>();
        client.webSocket(options).onComplete(result -> {
            if (result.failed()) {
                connected.completeExceptionally(result.cause());
                return;
            }
            WebSocket ws = result.result();
            ws.textMessageHandler(frames::add);
            ws.binaryMessageHandler(b -> frames.add(b.getBytes()));
            ws.closeHandler(v -> frames.add("close " + ws.closeStatusCode() + " " + ws.closeReason()));
            connected.complete(ws);
        });
        return new Client(connected.get(30, TimeUnit.SECONDS), frames);
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> get(String path) throws Exception {
        deploy();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingress.port() + path))
                .header("Host", HOST).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The close event the worker saw last (its close listener runs on the isolate thread after the client's close). */
    private String lastCloseSeenByWorker(String expected) throws Exception {
        String seen = "";
        for (int i = 0; i < 300 && !seen.equals(expected); i++) {
            seen = get("/last-close").body();
            if (!seen.equals(expected)) {
                Thread.sleep(50);
            }
        }
        return seen;
    }

    @Test
    void rt10EchoesTextAndBinaryFrames() throws Exception {
        Client c = connect("/echo");
        c.send("hello");
        assertEquals("echo:hello", c.next());
        c.ws().writeBinaryMessage(Buffer.buffer(new byte[]{0, 1, 2, (byte) 0xf0}));
        assertArrayEquals(new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xfd, 0x0f}, (byte[]) c.next());
        c.send("");
        assertEquals("echo:", c.next());
        c.ws().close((short) 1000, "client done");
        assertEquals("close 1000 client done", c.next());
    }

    @Test
    void rt10ClientCloseCodeAndReasonReachTheWorker() throws Exception {
        Client c = connect("/echo");
        c.send("first");
        assertEquals("echo:first", c.next());
        c.ws().close((short) 4321, "going away now");
        c.next();
        assertEquals("4321 going away now true", lastCloseSeenByWorker("4321 going away now true"));
    }

    @Test
    void rt10WorkerCloseClosesTheClientWithItsCodeAndReason() throws Exception {
        Client c = connect("/echo");
        c.send("close-me");
        assertEquals("close 4001 asked to", c.next());
    }

    @Test
    void rt10ErrorInAMessageHandlerClosesTheSocketWith1011() throws Exception {
        Client c = connect("/echo");
        c.send("ok");
        assertEquals("echo:ok", c.next());
        c.send("throw");
        assertEquals("close 1011 Internal Error", c.next());
        // The worker itself is fine: the next connection works.
        Client d = connect("/echo");
        d.send("again");
        assertEquals("echo:again", d.next());
        d.ws().close();
    }

    @Test
    void rt10ServerInitiatedMessagesFromTimers() throws Exception {
        Client c = connect("/ticks");
        assertEquals("tick0", c.next());
        assertEquals("tick1", c.next());
        assertEquals("tick2", c.next());
        assertEquals("close 1000 done", c.next());
    }

    @Test
    void rt10SendBeforeTheResponseAndOnmessageProperty() throws Exception {
        Client c = connect("/early");
        assertEquals("sent before the 101", c.next());
        c.send("x");
        assertEquals("onmessage:x", c.next());
        c.ws().close();
    }

    @Test
    void rt10ManyConcurrentSockets() throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clients.add(connect("/echo"));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send("s" + i + "r" + round);
            }
            for (int i = 0; i < clients.size(); i++) {
                assertEquals("echo:s" + i + "r" + round, clients.get(i).next());
            }
        }
        for (Client c : clients) {
            c.ws().close();
        }
        for (Client c : clients) {
            assertTrue(((String) c.next()).startsWith("close 1000"));
        }
    }

    @Test
    void rt10PairShapeAndLocalPair() throws Exception {
        HttpResponse<String> shape = get("/shape");
        assertEquals(200, shape.statusCode());
        assertEquals("{\"keys\":[\"0\",\"1\"],\"ready\":[1,1],\"constants\":[0,1,2,3,1],\"isWs\":true,"
                + "\"sendError\":\"TypeError: You must call one of accept() or state.acceptWebSocket() on this WebSocket "
                + "before sending messages.\"}", shape.body());
        // as on workerd: the end that received the close is CLOSING until it answers, the closer until the answer arrives
        assertEquals("ping|3001 bye|22", get("/local").body());
    }

    @Test
    void rt10A101ToAPlainRequestIsAnError() throws Exception {
        // The worker answers a request that did not ask to upgrade with a WebSocket: 500, as on workerd.
        assertEquals(500, get("/echo").statusCode());
    }
}
