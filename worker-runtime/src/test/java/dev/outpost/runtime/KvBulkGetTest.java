package dev.outpost.runtime;

import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvPutOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KV-3 / KV-4 array forms: one binding operation per batch, exact error texts, text/json only. */
class KvBulkGetTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Records each getMany batch so the test can see that a bulk get is one operation, not N gets. */
    static final class CountingKv extends InMemoryKv {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<String> singles = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<KvEntry> get(String key, int cacheTtlSeconds) {
            singles.add(key);
            return super.get(key, cacheTtlSeconds);
        }

        @Override
        public CompletionStage<List<KvEntry>> getMany(List<String> keys, int cacheTtlSeconds) {
            batches.add(List.copyOf(keys));
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                List<KvEntry> out = new java.util.ArrayList<>();
                keys.forEach(k -> out.add(entries.get(k)));
                return out;
            });
        }
    }

    @Test
    // KV-3: errors phrased as workerd reports KV's 400s ("KV GET_BULK failed: 400 ...")
    void bulkGetReturnsAMapInOneOperationWithCloudflaresErrors() throws Exception {
        CountingKv kv = new CountingKv();
        kv.entries.put("a", new KvEntry("\"quoted\" é\n".getBytes(StandardCharsets.UTF_8), null, 0));
        kv.entries.put("j", new KvEntry("{\"n\":[1,2]}".getBytes(StandardCharsets.UTF_8), "{\"m\":1}", 0));
        WorkerEnvironment env = WorkerEnvironment.builder().kv("KV", kv).build();
        try (LoadedWorker worker = engine.load(single("""
                async function err(f) { try { await f(); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } }
                export default {
                  async fetch(request, env) {
                    const out = {};
                    out.text = [...(await env.KV.get(['a', 'missing', 'j'])).entries()];
                    out.json = [...(await env.KV.get(['j'], 'json')).entries()];
                    out.jsonOpts = [...(await env.KV.get(['j'], { type: 'json', cacheTtl: 120 })).entries()];
                    out.meta = [...(await env.KV.getWithMetadata(['j', 'a', 'missing'])).entries()];
                    out.isMap = (await env.KV.get(['a'])) instanceof Map;
                    out.none = await err(() => env.KV.get([]));
                    out.tooMany = await err(() => env.KV.get(Array.from({ length: 101 }, (_, i) => 'k' + i)));
                    out.hundred = (await env.KV.get(Array.from({ length: 100 }, (_, i) => 'k' + i))).size;
                    out.buffer = await err(() => env.KV.get(['a'], 'arrayBuffer'));
                    out.stream = await err(() => env.KV.get(['a'], { type: 'stream' }));
                    out.metaBuffer = await err(() => env.KV.getWithMetadata(['a'], 'arrayBuffer'));
                    return new Response(JSON.stringify(out));
                  },
                };
                """), env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            String json = body(response);
            assertEquals(200, response.status(), json);
            assertTrue(json.contains("\"text\":[[\"a\",\"\\\"quoted\\\" é\\n\"],[\"missing\",null],[\"j\",\"{\\\"n\\\":[1,2]}\"]]"), json);
            assertTrue(json.contains("\"json\":[[\"j\",{\"n\":[1,2]}]]"), json);
            assertTrue(json.contains("\"jsonOpts\":[[\"j\",{\"n\":[1,2]}]]"), json);
            assertTrue(json.contains("\"meta\":[[\"j\",{\"value\":\"{\\\"n\\\":[1,2]}\",\"metadata\":{\"m\":1}}],"
                    + "[\"a\",{\"value\":\"\\\"quoted\\\" é\\n\",\"metadata\":null}],[\"missing\",null]]"), json);
            assertTrue(json.contains("\"isMap\":true"), json);
            assertTrue(json.contains("\"none\":\"Error: KV GET_BULK failed: 400 You must request a minimum of 1 key\""), json);
            assertTrue(json.contains("\"tooMany\":\"Error: KV GET_BULK failed: 400 You can request a maximum of 100 keys\""), json);
            assertTrue(json.contains("\"hundred\":100"), json);
            assertTrue(json.contains("\"buffer\":\"Error: KV GET_BULK failed: 400 \\\"arrayBuffer\\\" is not a valid type. Use \\\"json\\\" or \\\"text\\\"\""), json);
            assertTrue(json.contains("\"stream\":\"Error: KV GET_BULK failed: 400 \\\"stream\\\" is not a valid type. Use \\\"json\\\" or \\\"text\\\"\""), json);
            assertTrue(json.contains("\"metaBuffer\":\"Error: KV GET_BULK failed: 400 \\\"arrayBuffer\\\" is not a valid type."), json);
        }
        // the six successful bulk calls were six getMany operations and no single gets
        assertEquals(6, kv.batches.size(), kv.batches.toString());
        assertEquals(List.of("a", "missing", "j"), kv.batches.get(0));
        assertEquals(List.of(), kv.singles);
    }

    @Test
    void theDefaultGetManyKeepsKeyOrderAndNulls() throws Exception {
        InMemoryKv kv = new InMemoryKv();
        kv.put("x", "1".getBytes(StandardCharsets.UTF_8), new KvPutOptions(0, 0, null)).toCompletableFuture().get();
        List<KvEntry> got = kv.getMany(List.of("nope", "x"), 60).toCompletableFuture().get();
        assertEquals(2, got.size());
        assertEquals(null, got.get(0));
        assertEquals("1", new String(got.get(1).value(), StandardCharsets.UTF_8));
    }
}
