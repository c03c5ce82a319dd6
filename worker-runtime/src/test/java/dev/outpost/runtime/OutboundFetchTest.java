package dev.outpost.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * RT-8 outbound fetch against real local servers (HTTP/1.1 over plain TCP, HTTP/2 over TLS with a self-signed
 * certificate): methods, headers, bodies streamed both ways, status passthrough, redirects follow/manual/error,
 * AbortSignal, init.cf checks, the subrequest limit (RT-13, each hop counts) and the SSRF guard.
 */
class OutboundFetchTest {
    static Vertx vertx;
    static HttpServer plain;
    static HttpServer tls;
    static Path certificate;
    static int port;
    static int tlsPort;

    @BeforeAll
    static void servers() throws Exception {
        vertx = Vertx.vertx();
        plain = vertx.createHttpServer().requestHandler(OutboundFetchTest::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = plain.actualPort();
        Path keystore = selfSigned();
        tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                .requestHandler(r -> r.response().end("tls " + r.version() + " " + r.host()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        tlsPort = tls.actualPort();
    }

    /** A self-signed certificate for localhost made with the JDK's keytool; its PEM goes to {@link #certificate}. */
    static Path selfSigned() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("fetch-tls");
        Path keystore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        exec(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        exec(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        return keystore;
    }

    static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static void handle(HttpServerRequest r) {
        switch (r.path()) {
            case "/teapot" -> r.response().setStatusCode(418).setStatusMessage("I'm a teapot")
                    .putHeader("x-seen", String.valueOf(r.getHeader("x-custom")))
                    .putHeader("set-cookie", List.<String>of("a=1", "b=2")).end("short and stout " + r.method() + " " + r.host());
            case "/echo" -> r.body().onSuccess(b -> r.response().putHeader("x-method", r.method().name())
                    .putHeader("x-type", String.valueOf(r.getHeader("content-type")))
                    .putHeader("x-chunked", String.valueOf(r.getHeader("transfer-encoding"))).end(b));
            case "/framing" -> r.body().onSuccess(b -> r.response().end(r.getHeader("content-length") + "/"
                    + r.getHeader("transfer-encoding") + "/" + b.length()));
            case "/slow-chunks" -> {
                var out = r.response().setChunked(true);
                out.write("one;");
                vertx.setTimer(150, t -> out.write("two;"));
                vertx.setTimer(300, t -> out.end("three;"));
            }
            case "/hang" -> vertx.setTimer(5000, t -> {
                if (!r.response().closed()) {
                    r.response().end("late");
                }
            });
            case "/r1" -> r.response().setStatusCode(302).putHeader("location", "/r2").end("moved");
            case "/r2" -> r.response().setStatusCode(301).putHeader("location", "http://127.0.0.1:" + port + "/teapot").end();
            case "/post-redirect" -> r.body().onSuccess(b -> r.response().setStatusCode(307).putHeader("location", "/echo").end());
            case "/see-other" -> r.body().onSuccess(b -> r.response().setStatusCode(303).putHeader("location", "/echo").end());
            default -> r.response().setStatusCode(404).end();
        }
    }

    static WorkerEngine engine(List<String> allowed) {
        return WorkerEngine.create(new FetchPolicy(allowed, List.of(), Duration.ofSeconds(5),
                certificate), null);
    }

    static String run(WorkerEngine engine, RuntimeLimits limits, String handler) throws Exception {
        String source = "const BASE = 'http://127.0.0.1:" + port + "';\nconst TLS = 'https://localhost:" + tlsPort
                + "';\nexport default { async fetch(request) {\n" + handler + "\n} };";
        try (LoadedWorker worker = engine.load(single(source), null, limits)) {
            WorkerResponse response = call(worker, request("POST", "http://worker/", List.of(), "payload"));
            return response.status() + " " + body(response);
        }
    }

    static String run(String handler) throws Exception {
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"))) {
            return run(engine, null, handler);
        }
    }

    @Test
    void getPassesStatusHeadersAndBodyThrough() throws Exception {
        assertEquals("200 418|I'm a teapot|1|a=1,b=2|short and stout GET 127.0.0.1:" + port + "|false|true", run("""
                const r = await fetch(BASE + '/teapot', { headers: { 'x-custom': '1' } });
                let immutable = false;
                try { r.headers.set('x', 'y'); } catch { immutable = true; }
                return new Response([r.status, r.statusText, r.headers.get('x-seen'), r.headers.getSetCookie().join(','),
                  await r.text(), r.redirected, immutable].join('|'));"""));
    }

    @Test
    void postSendsBufferedAndStreamedBodiesAndAcceptsARequestObject() throws Exception {
        assertEquals("200 POST|text/plain;charset=UTF-8|hello|PUT|null|chunked|s1s2|PATCH|payload", run("""
                const a = await fetch(BASE + '/echo', { method: 'POST', body: 'hello' });
                const { readable, writable } = new TransformStream();
                const w = writable.getWriter();
                w.write(new TextEncoder().encode('s1')); w.write(new TextEncoder().encode('s2')); w.close();
                const b = await fetch(new Request(BASE + '/echo', { method: 'PUT', body: readable }));
                const c = await fetch(BASE + '/echo', { method: 'PATCH', body: request.body });
                return new Response([a.headers.get('x-method'), a.headers.get('x-type'), await a.text(),
                  b.headers.get('x-method'), b.headers.get('x-type'), b.headers.get('x-chunked'), await b.text(),
                  c.headers.get('x-method'), await c.text()].join('|'));"""));
    }

    @Test
    void rt8BodiesOfKnownLengthGoOutWithContentLengthOnlyUnknownStreamsChunked() throws Exception {
        // The origin reports "content-length/transfer-encoding/bytes received" as it saw them on its socket.
        assertEquals("200 5/null/5|0/null/0|0/null/0|null/null/0|10/null/10|5/null/5|7/null/7|7/null/7|4/null/4"
                + "|12/null/12|7/null/7|null/chunked/3", run("""
                const enc = (s) => new TextEncoder().encode(s);
                const fixed = () => {
                  const { readable, writable } = new FixedLengthStream(7);
                  const w = writable.getWriter(); w.write(enc('1234567')); w.close();
                  return readable;
                };
                const inits = [
                  { method: 'POST', body: 'hello' }, { method: 'POST', body: '' }, { method: 'DELETE' }, {},
                  { method: 'POST', body: new Uint8Array(10).buffer }, { method: 'POST', body: new Blob(['abc', 'de']) },
                  { method: 'POST', body: new URLSearchParams('a=1&b=2') }, { method: 'POST', body: fixed() },
                  { method: 'POST', body: new Blob(['abcd']).stream() },
                  { method: 'POST', body: new Response('twelve bytes').body },
                  { method: 'POST', body: request.body },
                  { method: 'POST', body: new ReadableStream({ start(c) { c.enqueue(enc('xyz')); c.close(); } }) },
                ];
                const seen = [];
                for (const init of inits) seen.push(await (await fetch(BASE + '/framing', init)).text());
                return new Response(seen.join('|'));"""));
    }

    @Test
    void theResponseBodyStreamsAsTheServerSendsIt() throws Exception {
        assertEquals("200 one;|one;two;three;|true", run("""
                const r = await fetch(BASE + '/slow-chunks');
                const reader = r.body.getReader();
                const first = new TextDecoder().decode((await reader.read()).value);
                const started = Date.now();
                let rest = first;
                for (;;) { const { value, done } = await reader.read(); if (done) break; rest += new TextDecoder().decode(value); }
                return new Response([first, rest, Date.now() - started >= 200].join('|'));"""));
    }

    @Test
    void aFetchedResponseCanBeReturnedAsIs() throws Exception {
        assertEquals("200 one;two;three;", run("return fetch(BASE + '/slow-chunks');"));
    }

    @Test
    void redirectsFollowManualAndError() throws Exception {
        assertEquals("200 418|true|http://127.0.0.1:" + port + "/teapot|302|/r2|TypeError|302 true", run("""
                const followed = await fetch(BASE + '/r1');
                const manual = await fetch(BASE + '/r1', { redirect: 'manual' });
                let error = 'none';
                try { await fetch(BASE + '/r1', { redirect: 'error' }); } catch (e) { error = e.name; }
                const copy = followed.clone();
                return new Response([followed.status, followed.redirected, followed.url, manual.status,
                  manual.headers.get('location'), error, `${manual.clone().status} ${copy.url === followed.url}`].join('|'));"""));
    }

    @Test
    void redirectsRewriteOrReplayTheBody() throws Exception {
        assertEquals("200 POST|again|GET||TypeError", run("""
                const replayed = await fetch(BASE + '/post-redirect', { method: 'POST', body: 'again' });
                const seeOther = await fetch(BASE + '/see-other', { method: 'POST', body: 'dropped' });
                let error = 'none';
                try {
                  await fetch(BASE + '/post-redirect', { method: 'POST', body: new Response('x').body });
                } catch (e) { error = e.name; }
                return new Response([replayed.headers.get('x-method'), await replayed.text(),
                  seeOther.headers.get('x-method'), await seeOther.text(), error].join('|'));"""));
    }

    @Test
    void anAbortSignalCancelsTheFetch() throws Exception {
        String result = run("""
                const started = Date.now();
                try {
                  await fetch(BASE + '/hang', { signal: AbortSignal.timeout(100) });
                  return new Response('not aborted');
                } catch (e) {
                  const c = new AbortController();
                  c.abort();
                  let pre = 'none';
                  try { await fetch(BASE + '/teapot', { signal: c.signal }); } catch (e2) { pre = e2.name; }
                  return new Response([e.name, Date.now() - started < 2000, pre].join('|'));
                }""");
        assertEquals("200 TimeoutError|true|AbortError", result);
    }

    @Test
    void cfOptionsAndSchemesAreChecked() throws Exception {
        assertEquals("200 418|TypeError|TypeError: Fetch API cannot load: ftp://example.com/", run("""
                const ok = await fetch(BASE + '/teapot', { cf: { cacheTtl: 60, cacheEverything: true, cacheTtlByStatus: { '200-299': 86400 } } });
                let both = 'none';
                try { await fetch(BASE + '/teapot', { cf: { cacheTtl: 5, cacheControl: 'max-age=5' } }); } catch (e) { both = e.name; }
                let scheme = 'none';
                try { await fetch('ftp://example.com/'); } catch (e) { scheme = `${e.name}: ${e.message}`; }
                return new Response([ok.status, both, scheme].join('|'));"""));
    }

    @Test
    void theSubrequestLimitCountsEveryHop() throws Exception {
        RuntimeLimits limits = limits(Duration.ofSeconds(10), Duration.ofSeconds(20)).withSubrequests(3);
        try (WorkerEngine engine = engine(List.of("127.0.0.1/32"))) {
            // r1 → r2 → teapot is three hops: the limit is used up, the next fetch throws.
            assertEquals("200 418|Error: Too many subrequests.", run(engine, limits, """
                    const r = await fetch(BASE + '/r1');
                    try { await fetch(BASE + '/teapot'); return new Response('no limit'); }
                    catch (e) { return new Response(`${r.status}|${e.name}: ${e.message}`); }"""));
        }
    }

    @Test
    void theSsrfGuardRefusesPrivateAddressesUnlessAllowed() throws Exception {
        try (WorkerEngine engine = engine(List.of())) {
            String result = run(engine, null, """
                    const out = [];
                    for (const url of [BASE + '/teapot', 'http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data/',
                                       'http://[::1]:' + new URL(BASE).port + '/', 'http://100.64.0.1/', 'http://0.0.0.0/',
                                       'http://[::ffff:127.0.0.1]/', 'http://localhost:' + new URL(BASE).port + '/teapot']) {
                      try { await fetch(url); out.push('reached ' + url); } catch (e) { out.push(e.message); }
                    }
                    return new Response(out.join('\\n'));""");
            String[] lines = result.substring(4).split("\n");
            assertEquals(8, lines.length, result);
            for (String line : lines) {
                assertTrue(line.startsWith("Fetch to ") && line.contains("refused"), line);
            }
            assertTrue(lines[2].contains("169.254.0.0/16"), lines[2]);
        }
    }

    @Test
    void http2OverTlsWithTheHostNameForSniAndCertificate() throws Exception {
        // The connection goes to the checked address (127.0.0.1) while the certificate is checked for localhost.
        assertEquals("200 tls HTTP_2 localhost:" + tlsPort, run("return new Response(await (await fetch(TLS + '/')).text());"));
    }
}
