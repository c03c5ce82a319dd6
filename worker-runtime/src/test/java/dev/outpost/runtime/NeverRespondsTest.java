package dev.outpost.runtime;

import dev.outpost.runtime.bindings.KvEntry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RT-11: a request whose promise can no longer settle (no host call, timer or streamed body of its own is
 * pending) gets workerd's 500 at once, not at the wall deadline; a request that is waiting on real work (a timer,
 * fetch, KV, D1, R2, a service binding, a stream written from waitUntil) is never cut off. The wall limit is set
 * far above the 30 s the test waits for an answer, so an answer proves the prompt detection.
 */
class NeverRespondsTest {
    private static final RuntimeLimits LONG_WALL = limits(Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static WorkerEngine engine;
    private static Vertx vertx;
    private static HttpServer origin;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        // answers after a delay, so the worker's fetch is truly pending for a while
        origin = vertx.createHttpServer().requestHandler(r -> vertx.setTimer(100, t -> r.response().end("origin")))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        engine = WorkerEngine.create(new FetchPolicy(List.of("127.0.0.1/32"), List.of(), Duration.ofSeconds(5), null),
                null);
    }

    @AfterAll
    static void stop() {
        engine.close();
        vertx.close();
    }

    /** KV whose answers come later, from another thread, as from the real KV service. */
    private static final class SlowKv extends InMemoryKv {
        @Override
        public CompletionStage<KvEntry> get(String key, int cacheTtlSeconds) {
            return super.get(key, cacheTtlSeconds).thenApplyAsync(e -> e,
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        }
    }

    private static final String HUNG = """
            export default {
              async fetch(request) {
                const path = new URL(request.url).pathname;
                if (path === '/never') return new Promise(() => {});
                if (path === '/never-after-timer') {
                  await new Promise((r) => setTimeout(r, 20));
                  await new Promise(() => {});
                }
                if (path === '/cleared-timer') {
                  await new Promise((r) => { const t = setTimeout(r, 50); clearTimeout(t); });
                }
                if (path === '/dropped-stream') {
                  const { readable } = new TransformStream();
                  return new Response(await new Response(readable).text());
                }
                return new Response('fine');
              },
            };
            """;

    private static void assertNeverResponds(LoadedWorker worker, String path, LogCapture logs) throws Exception {
        String id = "req-rt11" + path.replace('/', '-');
        WorkerResponse response = call(worker, new WorkerRequest("GET", "https://x" + path, List.of(), new byte[0], id));
        assertEquals(500, response.status(), path);
        assertEquals("Internal Server Error", body(response), path);
        assertTrue(logs.await("[worker=test-worker request=" + id + "] Uncaught Error: The Workers runtime canceled this "
                + "request because it detected that your Worker's code had hung and would never generate a response."),
                logs.text());
    }

    @Test
    void rt11HungRequestsGetWorkerds500AtOnceAndAreLoggedWithWorkerAndRequestId() throws Exception {
        try (LogCapture logs = LogCapture.worker();
             LoadedWorker worker = engine.load(single(HUNG), WorkerEnvironment.empty(), LONG_WALL)) {
            assertNeverResponds(worker, "/never", logs);
            assertNeverResponds(worker, "/never-after-timer", logs);
            assertNeverResponds(worker, "/cleared-timer", logs);
            assertNeverResponds(worker, "/dropped-stream", logs);
            assertEquals("fine", body(call(worker, get("https://x/"))));
        }
    }

    @Test
    void rt11RequestsWaitingOnRealWorkAreNotCutOff() throws Exception {
        AtomicReference<LoadedWorker> target = new AtomicReference<>();
        try (LoadedWorker callee = engine.load(bundle("callee.js", esm("callee.js", """
                import { WorkerEntrypoint } from 'cloudflare:workers';
                export default class extends WorkerEntrypoint {
                  async fetch() { await new Promise((r) => setTimeout(r, 100)); return new Response('callee'); }
                  async slow() { await new Promise((r) => setTimeout(r, 100)); return 'rpc'; }
                }""")), WorkerEnvironment.empty(), LONG_WALL)) {
            target.set(callee);
            SlowKv kv = new SlowKv();
            WorkerEnvironment env = WorkerEnvironment.builder().kv("KV", kv).d1("DB", new FakeD1())
                    .r2("BUCKET", new InMemoryR2())
                    .service("OTHER", new dev.outpost.runtime.bindings.ServiceBinding() {
                        @Override
                        public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
                            return target.get().fetch(request, Invocation.DEFAULT);
                        }

                        @Override
                        public CompletionStage<String> call(RpcCall call) {
                            return target.get().call(call, Invocation.DEFAULT);
                        }
                    }).text("ORIGIN", "http://127.0.0.1:" + origin.actualPort() + "/").build();
            try (LoadedWorker worker = engine.load(single("""
                    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
                    export default {
                      async fetch(request, env, ctx) {
                        switch (new URL(request.url).pathname) {
                          case '/timer': await sleep(100); return new Response('timer');
                          case '/fetch': return new Response(await (await fetch(env.ORIGIN)).text());
                          case '/kv': await env.KV.put('k', 'kv'); return new Response(await env.KV.get('k'));
                          case '/d1': return Response.json((await env.DB.prepare('select 1 as one').all()).success);
                          case '/r2': {
                            await env.BUCKET.put('o', 'r2');
                            return new Response(await (await env.BUCKET.get('o')).text());
                          }
                          case '/service': return new Response(await (await env.OTHER.fetch('https://callee/')).text());
                          case '/rpc': return new Response(await env.OTHER.slow());
                          case '/waituntil-stream': {
                            const { readable, writable } = new TransformStream();
                            ctx.waitUntil((async () => {
                              const w = writable.getWriter();
                              await sleep(50);
                              await w.write(new TextEncoder().encode('streamed'));
                              await w.close();
                            })());
                            return new Response(await new Response(readable).text());
                          }
                        }
                        return new Response('?', { status: 404 });
                      },
                    };"""), env, LONG_WALL)) {
                assertEquals("timer", body(call(worker, get("https://x/timer"))));
                assertEquals("origin", body(call(worker, get("https://x/fetch"))));
                assertEquals("kv", body(call(worker, get("https://x/kv"))));
                assertEquals("true", body(call(worker, get("https://x/d1"))));
                assertEquals("r2", body(call(worker, get("https://x/r2"))));
                assertEquals("callee", body(call(worker, get("https://x/service"))));
                assertEquals("rpc", body(call(worker, get("https://x/rpc"))));
                assertEquals("streamed", body(call(worker, get("https://x/waituntil-stream"))));
            }
        }
    }
}
