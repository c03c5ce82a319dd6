package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** env.KV backed by a Java KvNamespaceBinding whose stages complete on other threads (KV-2, KV-4..KV-7). */
class KvBindingTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void kvRoundTripThroughTheBinding() throws Exception {
        InMemoryKv kv = new InMemoryKv();
        WorkerEnvironment env = WorkerEnvironment.builder().kv("KV", kv).build();
        WorkerBundle bundle = bundle("kv.js", new WorkerModule("kv.js", ModuleType.ESM, FetchHandlerTest.resource("workers/kv.js")));
        try (LoadedWorker worker = engine.load(bundle, env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(200, response.status(), body(response));
            String json = body(response);
            // KV-2: get types
            assertTrue(json.contains("\"text\":\"héllo\""), json);
            assertTrue(json.contains("\"textType\":\"héllo\""), json);
            assertTrue(json.contains("\"json\":{\"a\":[1,2]}"), json);
            assertTrue(json.contains("\"jsonOpts\":{\"a\":[1,2]}"), json);
            assertTrue(json.contains("\"bytes\":[1,2,3,250]"), json);
            assertTrue(json.contains("\"view\":[8,7]"), json);
            assertTrue(json.contains("\"missing\":null"), json);
            assertTrue(json.contains("\"bulk\":[[\"text\",\"héllo\"],[\"nope\",null]]"), json);
            assertTrue(json.contains("\"stream\":{\"isStream\":true,\"text\":\"héllo\"}"), json);
            assertTrue(json.contains("\"streamed\":\"from a stream\""), json);
            assertTrue(json.contains("\"streamMissing\":null"), json);
            // KV-8/KV-11: workerd's key checks and KV's 400s/414s, rejected (never thrown synchronously)
            assertTrue(json.contains("\"emptyKey\":{\"synchronous\":false,\"name\":\"TypeError\",\"message\":\"Key name cannot be empty.\"}"), json);
            assertTrue(json.contains("\"dot\":{\"synchronous\":false,\"name\":\"TypeError\",\"message\":\"\\\".\\\" is not allowed as a key name.\"}"), json);
            assertTrue(json.contains("\"dotDot\":{\"synchronous\":false,\"name\":\"TypeError\",\"message\":\"\\\"..\\\" is not allowed as a key name.\"}"), json);
            assertTrue(json.contains("\"longKey\":{\"synchronous\":false,\"name\":\"Error\",\"message\":\"KV GET failed: 414 UTF-8 encoded "
                    + "length of 513 exceeds key length limit of 512.\"}"), json);
            assertTrue(json.contains("\"longUtf8Key\":{\"synchronous\":false,\"name\":\"Error\",\"message\":\"KV PUT failed: 414 UTF-8 encoded "
                    + "length of 514 exceeds key length limit of 512.\"}"), json);
            assertTrue(json.contains("\"cacheTtl\":{\"synchronous\":false,\"name\":\"Error\",\"message\":\"KV GET failed: 400 Invalid "
                    + "cache_ttl of 29. Cache TTL must be at least 30.\"}"), json);
            assertTrue(json.contains("\"highList\":{\"synchronous\":false,\"name\":\"Error\",\"message\":\"KV GET failed: 400 Invalid "
                    + "key_count_limit of 1001. Please specify an integer less than 1000.\"}"), json);
            assertTrue(json.contains("\"zeroList\":null"), json);
            assertTrue(json.contains("\"badType\":\"TypeError: Unknown response type. Possible types are \\\"text\\\", "
                    + "\\\"arrayBuffer\\\", \\\"json\\\", and \\\"stream\\\".\""), json);
            // KV-4
            assertTrue(json.contains("\"withMeta\":{\"value\":{\"a\":[1,2]},\"metadata\":{\"owner\":\"me\"},\"cacheStatus\":null}"), json);
            assertTrue(json.contains("\"withoutMeta\":{\"value\":\"héllo\",\"metadata\":null,\"cacheStatus\":null}"), json);
            assertTrue(json.contains("\"missingMeta\":{\"value\":null,\"metadata\":null,\"cacheStatus\":null}"), json);
            // KV-5
            assertTrue(json.contains("\"putNumber\":\"TypeError: KV put() accepts only strings, ArrayBuffers, "
                    + "ArrayBufferViews, and ReadableStreams as values.\""), json);
            // KV-7: sorted keys, metadata and expiration only when present, cursor only when incomplete
            assertTrue(json.contains("\"listAll\":{\"keys\":[{\"name\":\"buffer\",\"expiration\":4102444800},"
                    + "{\"name\":\"bytes\"},{\"name\":\"json\",\"expiration\":"), json);
            assertTrue(json.contains("\"metadata\":{\"owner\":\"me\"}},{\"name\":\"text\"},{\"name\":\"view\"}],"
                    + "\"list_complete\":true,\"cacheStatus\":null}"), json);
            assertTrue(json.contains("\"page1\":{\"keys\":[{\"name\":\"buffer\",\"expiration\":4102444800},{\"name\":\"bytes\"}],"
                    + "\"list_complete\":false,\"cursor\":\"bytes\",\"cacheStatus\":null}"), json);
            assertTrue(json.contains("\"page2Names\":[\"json\",\"text\"]"), json);
            assertTrue(json.contains("\"prefix\":[\"buffer\",\"bytes\"]"), json);
            // KV-6
            assertTrue(json.contains("\"afterDelete\":null"), json);
            // A failed binding stage rejects with an Error carrying the binding's message.
            assertTrue(json.contains("\"rejected\":\"Error: KV GET failed: 503 Service Unavailable\""), json);
            // What reached the binding.
            assertArrayEquals(new byte[]{8, 7}, kv.entries.get("view").value());
            assertArrayEquals(new byte[]{1, 2, 3, (byte) 250}, kv.entries.get("bytes").value());
            assertEquals(4102444800L, kv.entries.get("buffer").expiration());
            assertEquals("{\"owner\":\"me\"}", kv.entries.get("json").metadataJson());
            assertNull(kv.entries.get("text"));
            assertNull(kv.entries.get("streamed"));
        }
    }

    @Test
    void aBindingSeesTheAttachmentOfTheRequestThatCallsIt() throws Exception {
        // The gateway hands each request's trace context in as the attachment; interleaved requests keep theirs.
        java.util.List<Object> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        InMemoryKv kv = new InMemoryKv() {
            @Override
            public java.util.concurrent.CompletionStage<dev.outpost.runtime.bindings.KvEntry> get(String key, int ttl) {
                seen.add(key + "=" + dev.outpost.runtime.bindings.BindingCallContext.attachment());
                return super.get(key, ttl);
            }
        };
        try (LoadedWorker worker = engine.load(single("""
                export default {
                  async fetch(request, env) {
                    const key = new URL(request.url).pathname.slice(1);
                    await new Promise(r => setTimeout(r, 5));
                    await env.KV.get(key);
                    await env.KV.get(key);
                    return new Response('ok');
                  },
                };
                """), WorkerEnvironment.builder().kv("KV", kv).build(), RuntimeLimits.defaults())) {
            var a = worker.fetch(new WorkerRequest("GET", "https://x/a", java.util.List.of(), new byte[0], "r1", "ctx-a"));
            var b = worker.fetch(new WorkerRequest("GET", "https://x/b", java.util.List.of(), new byte[0], "r2", "ctx-b"));
            a.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            b.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(java.util.List.of("a=ctx-a", "a=ctx-a", "b=ctx-b", "b=ctx-b"), seen.stream().map(Object::toString).sorted().toList());
        assertNull(dev.outpost.runtime.bindings.BindingCallContext.attachment());
    }

    @Test
    void rejectedBindingStageIsCatchableInJs() throws Exception {
        InMemoryKv kv = new InMemoryKv();
        try (LoadedWorker worker = engine.load(single("""
                export default {
                  async fetch(request, env) {
                    try {
                      await env.KV.put('fail:x', 'v');
                      return new Response('no error');
                    } catch (e) {
                      return new Response(e instanceof Error ? e.message : 'not an Error', { status: 502 });
                    }
                  },
                };
                """), WorkerEnvironment.builder().kv("KV", kv).build(), RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            assertEquals(502, response.status());
            assertEquals("KV PUT failed: 503 Service Unavailable", body(response));
        }
    }

    @Test
    void bindingThatNeverCompletesIsCutByTheWallLimit() throws Exception {
        InMemoryKv kv = new InMemoryKv();
        RuntimeLimits limits = limits(Duration.ofSeconds(5), Duration.ofMillis(300));
        try (LoadedWorker worker = engine.load(single("""
                export default {
                  async fetch(request, env) {
                    if (request.url.endsWith('/hang')) await env.KV.get('hang:x');
                    return new Response('fine');
                  },
                };
                """), WorkerEnvironment.builder().kv("KV", kv).build(), limits)) {
            long start = System.nanoTime();
            WorkerResponse response = call(worker, get("https://x/hang"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(500, response.status());
            assertEquals("Internal Server Error", body(response));
            assertTrue(millis >= 250 && millis < 5000, "took " + millis + " ms");
            assertEquals("fine", body(call(worker, get("https://x/ok"))));
        }
    }

    @Test
    void kvIsNotUsableInGlobalScope() {
        WorkerLoadException e = org.junit.jupiter.api.Assertions.assertThrows(WorkerLoadException.class, () ->
                engine.load(single("await env0(); async function env0() {} \n const x = await globalThis.KV_TEST?.get('a');"
                                + "\n setTimeout(() => {}, 1); export default { fetch() { return new Response('x'); } };"),
                        WorkerEnvironment.empty(), RuntimeLimits.defaults()));
        assertTrue(e.getMessage().startsWith("Uncaught Error: Disallowed operation called within global scope."), e.getMessage());
    }

    /**
     * RT-13/KV-8/D1-11: binding calls have their own budget (1,000 on Cloudflare), apart from the fetch
     * subrequest budget (50 on the free plan): past it they reject with Cloudflare's message.
     */
    @Test
    void kvCallsCountTowardTheBindingOperationBudgetNotTheSubrequestOne() throws Exception {
        WorkerEnvironment env = WorkerEnvironment.builder().kv("KV", new InMemoryKv()).build();
        String source = """
                export default {
                  async fetch(request, env) {
                    await env.KV.put('k', 'v');
                    const v = await env.KV.get('k');
                    try { await env.KV.get('k'); return new Response('no limit'); }
                    catch (e) { return new Response(v + '|' + e.message); }
                  }
                };""";
        RuntimeLimits limits = RuntimeLimits.defaults().withSubrequests(1).withBindingOperations(2);
        try (LoadedWorker worker = engine.load(single(source), env, limits)) {
            assertEquals("v|Too many API requests by single worker invocation.", body(call(worker, get("https://x/"))));
        }
        assertEquals(1000, RuntimeLimits.defaults().bindingOperations());
    }
}
