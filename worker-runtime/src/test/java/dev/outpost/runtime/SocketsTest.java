package dev.outpost.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RT-6 {@code cloudflare:sockets} {@code connect()} against real TCP servers on loopback: plain echo, TLS
 * ({@code secureTransport: "on"}, verified with the engine's trust PEM), STARTTLS upgrade, and the SSRF guard.
 */
class SocketsTest {
    static Vertx vertx;
    static int plainPort;
    static int tlsPort;
    static int startTlsPort;
    static Path certificate;

    @BeforeAll
    static void servers() throws Exception {
        vertx = Vertx.vertx();
        Path keystore = OutboundFetchTest.selfSigned();
        certificate = OutboundFetchTest.certificate;
        PfxOptions key = new PfxOptions().setPath(keystore.toString()).setPassword("changeit");
        plainPort = listen(new NetServerOptions(), s -> s.handler(s::write));
        tlsPort = listen(new NetServerOptions().setSsl(true).setKeyCertOptions(key),
                s -> s.handler(b -> s.write(Buffer.buffer("tls:").appendBuffer(b))));
        // STARTTLS: the line "STARTTLS\n" is answered "OK\n", then the connection becomes TLS and echoes "tls:"+data
        startTlsPort = listen(new NetServerOptions().setKeyCertOptions(key), s -> s.handler(b -> {
            if (b.toString().equals("STARTTLS\n")) {
                s.write("OK\n").onSuccess(v -> s.upgradeToSsl().onSuccess(u ->
                        s.handler(data -> s.write(Buffer.buffer("tls:").appendBuffer(data)))));
            } else {
                s.write(Buffer.buffer("plain:").appendBuffer(b));
            }
        }));
    }

    private static int listen(NetServerOptions options, io.vertx.core.Handler<NetSocket> handler) throws Exception {
        NetServer server = vertx.createNetServer(options).connectHandler(handler);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static String run(List<String> allowed, String handler) throws Exception {
        String source = "import { connect } from 'cloudflare:sockets';\n"
                + "const PLAIN = '127.0.0.1:" + plainPort + "', TLS = 'localhost:" + tlsPort + "', STARTTLS = 'localhost:"
                + startTlsPort + "';\n"
                + "async function readText(reader, n) { const d = new TextDecoder(); let s = '';"
                + " while (s.length < n) { const x = await reader.read(); if (x.done) break; s += d.decode(x.value); } return s; }\n"
                + "export default { async fetch() {\n" + handler + "\n} };";
        try (WorkerEngine engine = WorkerEngine.create(new FetchPolicy(allowed, List.of(), Duration.ofSeconds(5), certificate), null);
             LoadedWorker worker = engine.load(single(source), null, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("http://worker/"));
            return response.status() + " " + body(response);
        }
    }

    @Test
    void rt6PlainConnectWritesReadsAndCloses() throws Exception {
        assertEquals("200 {\"remoteAddress\":\"127.0.0.1:" + plainPort + "\"}|hello sockets|true", run(List.of("127.0.0.1/32"), """
                const s = connect(PLAIN);
                const info = await s.opened;
                const w = s.writable.getWriter();
                await w.write(new TextEncoder().encode('hello '));
                await w.write('sockets');
                const text = await readText(s.readable.getReader(), 13);
                await s.close();
                const closed = await s.closed.then(() => true);
                return new Response(JSON.stringify(info) + '|' + text + '|' + closed);"""));
    }

    @Test
    void rt6SecureTransportOnVerifiesTheServer() throws Exception {
        assertEquals("200 tls:over tls", run(List.of("127.0.0.1/32"), """
                const s = connect(TLS, { secureTransport: 'on' });
                const w = s.writable.getWriter();
                await w.write(new TextEncoder().encode('over tls'));
                const text = await readText(s.readable.getReader(), 12);
                await s.close();
                return new Response(text);"""));
    }

    @Test
    void rt6StartTlsUpgradesTheConnection() throws Exception {
        assertEquals("200 OK\n|tls:secret|true|on", run(List.of("127.0.0.1/32"), """
                const s = connect(STARTTLS, { secureTransport: 'starttls' });
                const w = s.writable.getWriter();
                await w.write(new TextEncoder().encode('STARTTLS\\n'));
                const r = s.readable.getReader();
                const ok = await readText(r, 3);
                r.releaseLock(); w.releaseLock();
                const t = s.startTls();
                const tw = t.writable.getWriter();
                await tw.write(new TextEncoder().encode('secret'));
                const text = await readText(t.readable.getReader(), 10);
                await t.close();
                return new Response(ok + '|' + text + '|' + s.upgraded + '|' + t.secureTransport);"""));
    }

    @Test
    void rt6TheSsrfGuardRefusesPrivateAddresses() throws Exception {
        String answer = run(List.of(), """
                const s = connect(PLAIN);
                return new Response(await s.opened.then(() => 'open', (e) => e.message));""");
        assertTrue(answer.startsWith("200 ") && answer.contains("refused"), answer);
    }
}
