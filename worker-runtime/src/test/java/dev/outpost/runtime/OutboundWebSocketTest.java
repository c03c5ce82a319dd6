package dev.outpost.runtime;

import static dev.outpost.runtime.TestWorkers.body;
import static dev.outpost.runtime.TestWorkers.call;
import static dev.outpost.runtime.TestWorkers.get;
import static dev.outpost.runtime.TestWorkers.limits;
import static dev.outpost.runtime.TestWorkers.request;
import static dev.outpost.runtime.TestWorkers.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RT-6 outbound WebSockets against a real Vert.x WebSocket server on a loopback socket: fetch() with
 * {@code Upgrade: websocket} (101 and its headers, response.webSocket, accept(), text and binary frames, close codes
 * and reasons both ways, sub-protocols, a non-101 answer as an ordinary response), {@code new WebSocket(url,
 * protocols)} (CONNECTING → open, url/protocol/extensions, argument errors, a refused handshake), the proxy pattern
 * (a WebSocketPair piped to an origin, and an upgrade request passed through with {@code return fetch(request)}), and
 * fetch's rules: the SSRF guard, the subrequest limit, the socket keeping its request alive and closing with it.
 */
class OutboundWebSocketTest {
    static Vertx vertx;
    static HttpServer server;
    static HttpServer tls;
    static int port;
    static int tlsPort;
    /** What the origin saw of the worker: "<path> close:<code>:<reason>" and "<path> ack ...". */
    static final BlockingQueue<String> originSaw = new LinkedBlockingQueue<>();

    @BeforeAll
    static void origin() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of("chat", "superchat")))
                .requestHandler(OutboundWebSocketTest::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        // wss: the same origin over TLS with a self-signed certificate for localhost (trusted through FetchPolicy)
        java.nio.file.Path keystore = OutboundFetchTest.selfSigned();
        tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new io.vertx.core.net.PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                .requestHandler(OutboundWebSocketTest::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        tlsPort = tls.actualPort();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static void handle(HttpServerRequest r) {
        if (!"websocket".equalsIgnoreCase(r.getHeader("upgrade")) || r.path().equals("/refuse")) {
            r.response().setStatusCode(403).putHeader("x-origin", "vertx").end("no websocket at " + r.path());
            return;
        }
        r.toWebSocket().onSuccess(ws -> serve(r.path(), ws));
    }

    static void serve(String path, ServerWebSocket ws) {
        ws.closeHandler(v -> originSaw.add(path + " close:" + ws.closeStatusCode() + ":" + ws.closeReason()));
        switch (path) {
            case "/hello" -> ws.writeTextMessage("hello");
            case "/late" -> vertx.setTimer(1500, t -> ws.writeTextMessage("late hello"));
            case "/flood" -> {
                for (int i = 0; i < 200; i++) {
                    ws.writeTextMessage("m" + i);
                }
                ws.writeTextMessage("done");
            }
            default -> {
            }
        }
        ws.binaryMessageHandler(ws::writeBinaryMessage);
        ws.textMessageHandler(text -> {
            if (text.equals("headers")) {
                StringBuilder json = new StringBuilder("{");
                ws.headers().forEach(h -> {
                    String name = h.getKey().toLowerCase();
                    if (name.startsWith("x-") || name.equals("sec-websocket-protocol")) {
                        json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":\"")
                                .append(h.getValue()).append('"');
                    }
                });
                ws.writeTextMessage(json.append('}').toString());
            } else if (text.startsWith("ack ")) {
                originSaw.add(path + " " + text);
            } else if (text.startsWith("close ")) {
                String[] parts = text.split(" ", 3);
                ws.close(Short.parseShort(parts[1]), parts.length > 2 ? parts[2] : "");
            } else {
                ws.writeTextMessage(text);
            }
        });
    }

    /** The next thing the origin saw on {@code path} (other tests' closes may still be arriving). */
    static String seenAt(String path) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (String seen; (seen = originSaw.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (seen.startsWith(path + " ")) {
                return seen.substring(path.length() + 1);
            }
        }
        return null;
    }

    static WorkerEngine engine(List<String> allowed) {
        return WorkerEngine.create(new FetchPolicy(allowed, List.of(), Duration.ofSeconds(5),
                OutboundFetchTest.certificate), null);
    }

    static String run(WorkerEngine engine, RuntimeLimits limits, String handler) throws Exception {
        String source = "const HTTP = 'http://127.0.0.1:" + port + "';\nconst WS = 'ws://127.0.0.1:" + port + "';\n"
                + "const next = (ws, type) => new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));\n"
                + "export default { async fetch(request) {\n" + handler + "\n} };";
        try (LoadedWorker worker = engine.load(single(source), null, limits)) {
            WorkerResponse response = call(worker, request("GET", "http://worker/", List.of(), null));
            return response.status() + " " + body(response);
        }
    }

    static String run(String handler) throws Exception {
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"))) {
            return run(engine, null, handler);
        }
    }

    @Test
    void rt6FetchUpgradeGivesA101WithItsHeadersAndASocketForFramesBothWays() throws Exception {
        assertEquals("200 101|false|null|superchat|websocket|1|{\"x-trace\":\"abc\",\"sec-websocket-protocol\":\"superchat, chat\"}|string:héllo|true:0,1,2,255|4001:origin says bye:true:2|3", run("""
                const r = await fetch(HTTP + '/echo', { headers: { Upgrade: 'websocket', 'X-Trace': 'abc',
                  'Sec-WebSocket-Protocol': 'superchat, chat' } });
                const ws = r.webSocket;
                const out = [r.status, r.ok, String(r.body), r.headers.get('sec-websocket-protocol'), r.headers.get('upgrade'),
                  ws.readyState];
                ws.accept();
                let m = next(ws, 'message');
                ws.send('headers');
                out.push((await m).data);
                m = next(ws, 'message');
                ws.send('héllo');
                const text = (await m).data;
                out.push(typeof text + ':' + text);
                m = next(ws, 'message');
                ws.send(new Uint8Array([0, 1, 2, 255]));
                const bin = (await m).data;
                out.push((bin instanceof ArrayBuffer) + ':' + [...new Uint8Array(bin)]);
                const closed = next(ws, 'close');
                ws.send('close 4001 origin says bye');
                const c = await closed;
                out.push([c.code, c.reason, c.wasClean, ws.readyState].join(':'));
                ws.close(1000, 'ok');
                out.push(ws.readyState);
                return new Response(out.join('|'));"""));
    }

    @Test
    void rt6TheWorkersCloseCodeAndReasonReachTheOrigin() throws Exception {
        assertEquals("200 4321:worker done:true:3", run("""
                const ws = (await fetch(new Request(HTTP + '/close', { headers: { upgrade: 'websocket' } }))).webSocket;
                ws.accept();
                const closed = next(ws, 'close');
                ws.close(4321, 'worker done');
                const c = await closed;
                return new Response([c.code, c.reason, c.wasClean, ws.readyState].join(':'));"""));
        assertEquals("close:4321:worker done", seenAt("/close"));
    }

    @Test
    void rt6ANon101AnswerIsTheOrdinaryResponse() throws Exception {
        assertEquals("200 403|null|vertx|no websocket at /refuse", run("""
                const r = await fetch(HTTP + '/refuse', { headers: { Upgrade: 'websocket' } });
                return new Response([r.status, String(r.webSocket), r.headers.get('x-origin'), await r.text()].join('|'));"""));
    }

    @Test
    void rt6TheConstructorConnectsFiresOpenAndExchangesFrames() throws Exception {
        assertEquals("200 0|ws://127.0.0.1:PORT/hello?a=1||arraybuffer|TypeError: Websockets obtained from the "
                .replace("PORT", String.valueOf(port))
                + "'new WebSocket()' constructor cannot call accept|open:1:chat:null|hello|7,8|1000:bye:true:3", run("""
                const ws = new WebSocket(WS + '/hello?a=1', ['chat']);
                const out = [ws.readyState, ws.url, ws.protocol, ws.binaryType];
                try { ws.accept(); } catch (e) { out.push(e.name + ': ' + e.message); }
                const first = next(ws, 'message');
                const opened = await next(ws, 'open');
                out.push([opened.type, ws.readyState, ws.protocol, String(ws.extensions)].join(':'));
                out.push((await first).data);
                const m = next(ws, 'message');
                ws.send(new Uint8Array([7, 8]).buffer);
                out.push([...new Uint8Array((await m).data)]);
                const closed = next(ws, 'close');
                ws.close(1000, 'bye');
                const c = await closed;
                out.push([c.code, c.reason, c.wasClean, ws.readyState].join(':'));
                return new Response(out.join('|'));"""));
    }

    @Test
    void rt6WssAndHttpsReachATlsOrigin() throws Exception {
        assertEquals("200 open:wss|101:https", run("""
                const ws = new WebSocket('wss://localhost:TLS/echo');
                const out = [];
                const m = next(ws, 'message');
                await next(ws, 'open');
                ws.send('open:wss');
                out.push((await m).data);
                ws.close();
                const r = await fetch('https://localhost:TLS/echo', { headers: { Upgrade: 'websocket' } });
                const s = r.webSocket;
                s.accept();
                const n = next(s, 'message');
                s.send('https');
                out.push(r.status + ':' + (await n).data);
                s.close();
                return new Response(out.join('|'));""".replace("TLS", String.valueOf(tlsPort))));
    }

    @Test
    void rt6ConstructorArgumentErrorsAreWorkerdsSyntaxErrors() throws Exception {
        assertEquals("200 SyntaxError: WebSocket Constructor: The url scheme must be ws or wss.|"
                + "SyntaxError: WebSocket Constructor: The url is invalid.|"
                + "SyntaxError: WebSocket Constructor: The url fragment must be empty.|"
                + "SyntaxError: WebSocket Constructor: The protocol header token is invalid.|"
                + "SyntaxError: WebSocket Constructor: The protocols header cannot have repeating values.", run("""
                const out = [];
                for (const f of [() => new WebSocket(HTTP), () => new WebSocket('nope'), () => new WebSocket(WS + '/#x'),
                                 () => new WebSocket(WS, 'a b'), () => new WebSocket(WS, ['chat', 'chat'])]) {
                  try { f(); out.push('ok'); } catch (e) { out.push(e.name + ': ' + e.message); }
                }
                return new Response(out.join('|'));"""));
    }

    @Test
    void rt6ARefusedHandshakeFiresErrorThenClose1006() throws Exception {
        assertEquals("200 error:Uncaught TypeError: Failed to establish the WebSocket connection: expected server to "
                + "reply with HTTP status code 101 (switching protocols), but received 403 instead.:3"
                + "|close:1006:Failed to establish websocket connection:false", run("""
                const ws = new WebSocket(WS + '/refuse');
                const out = [];
                ws.addEventListener('error', (e) => out.push(['error', e.message, ws.readyState].join(':')));
                const c = await next(ws, 'close');
                out.push(['close', c.code, c.reason, c.wasClean].join(':'));
                return new Response(out.join('|'));"""));
    }

    @Test
    void rt6ManyFramesArriveInOrderWhileTheWorkerIsSlowToRead() throws Exception {
        // 201 frames are more than WorkerWebSocket.PAUSE_AT: the connection is paused and resumed on the way.
        assertEquals("200 201 in order", run("""
                const ws = new WebSocket(WS + '/flood');
                const got = [];
                await new Promise((resolve) => ws.addEventListener('message', (e) => {
                  got.push(e.data);
                  let spin = 0; for (let i = 0; i < 20000; i++) spin += i;
                  if (e.data === 'done') resolve();
                }));
                ws.close();
                const ordered = got.slice(0, 200).every((m, i) => m === 'm' + i);
                return new Response(got.length + (ordered ? ' in order' : ' out of order'));"""));
    }

    @Test
    void rt6TheSsrfGuardRefusesLoopbackUnlessAllowed() throws Exception {
        try (WorkerEngine engine = engine(List.of())) {
            String result = run(engine, null, """
                    const out = [];
                    try { await fetch(HTTP + '/echo', { headers: { Upgrade: 'websocket' } }); out.push('connected'); }
                    catch (e) { out.push(e.message); }
                    const ws = new WebSocket(WS + '/echo');
                    ws.addEventListener('error', (e) => out.push(e.message));
                    await next(ws, 'close');
                    return new Response(out.join('|'));""");
            String[] lines = result.substring(4).split("\\|");
            assertEquals(2, lines.length, result);
            assertTrue(lines[0].startsWith("Fetch to 127.0.0.1 refused"), result);
            assertTrue(lines[1].startsWith("Uncaught Error: Fetch to 127.0.0.1 refused"), result);
        }
    }

    @Test
    void rt6AnOutboundWebSocketIsASubrequest() throws Exception {
        RuntimeLimits limits = limits(Duration.ofSeconds(10), Duration.ofSeconds(20)).withSubrequests(1);
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"))) {
            assertEquals("200 101|Uncaught Error: Too many subrequests.", run(engine, limits, """
                    const r = await fetch(HTTP + '/echo', { headers: { Upgrade: 'websocket' } });
                    const ws = new WebSocket(WS + '/echo');
                    const e = await next(ws, 'error');
                    return new Response(r.status + '|' + e.message);"""));
        }
    }

    @Test
    void rt6AnOpenSocketKeepsItsRequestAlivePastTheWallDeadline() throws Exception {
        // The origin speaks 1.5 s after the handshake, past the 300 ms wall limit and after the response: the open
        // socket holds the request, so the worker still gets the message and answers it.
        String source = """
                export default {
                  async fetch() {
                    const ws = new WebSocket('ws://127.0.0.1:PORT/late');
                    await new Promise((resolve) => ws.addEventListener('open', resolve));
                    ws.addEventListener('message', (m) => { ws.send('ack ' + m.data); ws.close(); });
                    return new Response('opened');
                  }
                };""".replace("PORT", String.valueOf(port));
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"));
             LoadedWorker worker = engine.load(single(source), null, limits(Duration.ofSeconds(5), Duration.ofMillis(300)))) {
            assertEquals("opened", body(call(worker, get("http://worker/"))));
            assertEquals("ack late hello", seenAt("/late"));
        }
    }

    @Test
    void rt6ASocketTheRequestLeftBehindIsClosedWhenTheRequestEnds() throws Exception {
        assertEquals("200 answered", run("""
                const r = await fetch(HTTP + '/left', { headers: { Upgrade: 'websocket' } });
                return new Response(r.status === 101 ? 'answered' : 'no socket');"""));
        String close = seenAt("/left");
        assertNotNull(close, "the origin's connection stayed open after the request ended");
        assertEquals("close:1011:Internal Error", close);
    }

    /** The embedder's side of a worker's 101 (the real client): frames it got from the worker. */
    static final class Client implements WorkerWebSocket.Peer {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

        @Override
        public void text(String text) {
            frames.add("text:" + text);
        }

        @Override
        public void binary(byte[] bytes) {
            frames.add("binary:" + Buffer.buffer(bytes).toString());
        }

        @Override
        public void close(int code, String reason) {
            frames.add("close:" + code + ":" + reason);
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        String next() throws InterruptedException {
            String frame = frames.poll(20, TimeUnit.SECONDS);
            assertNotNull(frame, "nothing reached the client");
            return frame;
        }
    }

    static void proxy(String worker) throws Exception {
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"));
             LoadedWorker loaded = engine.load(single(worker.replace("PORT", String.valueOf(port))),
                     WorkerEnvironment.empty(), null)) {
            WorkerResponse response = loaded.fetch(request("GET", "http://worker/hello",
                    List.of(Map.entry("upgrade", "websocket")), null)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(101, response.status());
            Client client = new Client();
            response.webSocket().attach(client);
            assertEquals("text:hello", client.next());
            response.webSocket().receiveText("through the proxy");
            assertEquals("text:through the proxy", client.next());
            response.webSocket().receiveBinary("bytes".getBytes());
            assertEquals("binary:bytes", client.next());
            response.webSocket().receiveText("close 1001 going away");
            assertEquals("close:1001:going away", client.next());
        }
    }

    @Test
    void rt6AWorkerProxiesAWebSocketPairToAnOriginBothWays() throws Exception {
        proxy("""
                export default {
                  async fetch(request) {
                    const origin = (await fetch('http://127.0.0.1:PORT' + new URL(request.url).pathname,
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
                };""");
    }

    @Test
    void rt6AnUpgradeRequestPassedToFetchIsJoinedToTheOrigin() throws Exception {
        proxy("""
                export default {
                  fetch(request) {
                    return fetch(new Request('http://127.0.0.1:PORT' + new URL(request.url).pathname, request));
                  }
                };""");
    }
}
