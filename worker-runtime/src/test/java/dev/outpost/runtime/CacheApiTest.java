package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RT-6: the Cache API in isolates: caches.default / caches.open, put/match/delete, the TypeErrors, scoping. */
class CacheApiTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static LoadedWorker load(String scope) throws WorkerLoadException {
        WorkerBundle bundle = bundle("cache.js", new WorkerModule("cache.js", ModuleType.ESM,
                FetchHandlerTest.resource("workers/cache.js")));
        return engine.load(bundle, WorkerEnvironment.builder().cacheScope(scope).build(), RuntimeLimits.defaults());
    }

    private static void has(String json, String fragment) {
        assertTrue(json.contains(fragment), () -> "missing " + fragment + " in " + json);
    }

    @Test
    void rt6CacheApiSemantics() throws Exception {
        try (LoadedWorker worker = load("account:suite")) {
            WorkerResponse response = call(worker, get("https://x/?op=suite"));
            String json = body(response);
            assertEquals(200, response.status(), json);
            // workerd's CacheStorage and Cache have no toStringTag, and `default` is an own data property
            has(json, "\"types\":[\"object\",true,\"[object Object]\"]");
            has(json, "\"defaultOwn\":[\"default\"]");
            has(json, "\"age\":\"0\"");
            has(json, "\"add\":\"Error: Failed to execute 'add' on 'Cache': the method is not implemented.\"");
            has(json, "\"addAll\":\"Error: Failed to execute 'addAll' on 'Cache': the method is not implemented.\"");
            has(json, "\"matchAll\":\"Error: Failed to execute 'matchAll' on 'Cache': the method is not implemented.\"");
            has(json, "\"keys\":\"Error: Failed to execute 'keys' on 'Cache': the method is not implemented.\"");
            has(json, "\"addIllegal\":\"TypeError\"");
            has(json, "\"openIsCache\":true");
            has(json, "\"illegal\":\"TypeError: Illegal constructor\"");
            has(json, "\"hit\":[200,\"alpha\",\"HIT\",\"text/plain\"]");
            has(json, "\"byRequest\":200");
            // Non-GET never matches unless ignoreMethod (undefined drops out of the JSON).
            assertTrue(!json.contains("\"post\""), json);
            has(json, "\"ignoreMethod\":200");
            assertTrue(!json.contains("\"miss\""), json);
            assertTrue(!json.contains("\"namedMiss\""), json);
            // Conditional and range requests on match.
            has(json, "\"ifNoneMatch\":[304,\"\"]");
            has(json, "\"ifNoneMatchOther\":200");
            has(json, "\"ifModifiedSince\":304");
            has(json, "\"range\":[206,\"lph\",\"bytes 1-3/5\"]");
            has(json, "\"suffix\":[206,\"ha\"]");
            has(json, "\"unsatisfiable\":[416,\"bytes */5\"]");
            // Responses Cloudflare does not keep.
            assertTrue(!json.contains("\"noStore\""), json);
            assertTrue(!json.contains("\"private\""), json);
            assertTrue(!json.contains("\"cookie\""), json);
            assertTrue(!json.contains("\"defaultTtl418\""), json);
            assertTrue(!json.contains("\"put304\""), json);
            has(json, "\"cookiePrivate\":[\"y\",null]");
            has(json, "\"sMaxAgeWins\":200");
            // workerd's TypeErrors.
            has(json, "\"nonGet\":\"TypeError: Cannot cache response to non-GET request.\"");
            has(json, "\"partial\":\"TypeError: Cannot cache response to a range request (206 Partial Content).\"");
            has(json, "\"varyStar\":\"TypeError: Cannot cache response with 'Vary: *' header.\"");
            has(json, "\"notResponse\":\"TypeError: Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.\"");
            has(json, "\"bodyUsed\":\"TypeError: ");
            has(json, "\"relative\":\"TypeError: ");
            has(json, "\"longName\":\"TypeError: Cache name is too long.\"");
            // Named caches are separate from the default one; delete resolves true then false.
            has(json, "\"named\":\"named\"");
            has(json, "\"deletePost\":false");
            has(json, "\"delete\":true");
            has(json, "\"deleteAgain\":false");
            assertTrue(!json.contains("\"afterDelete\""), json);
            has(json, "\"namedStays\":\"named\"");
        }
    }

    @Test
    void rt6EntriesAreSharedWithinAScopeAndHiddenAcrossScopes() throws Exception {
        try (LoadedWorker a1 = load("account:a"); LoadedWorker a2 = load("account:a"); LoadedWorker b = load("account:b")) {
            assertEquals("stored", body(call(a1, get("https://x/?op=put&key=shared&value=from-a"))));
            // Another worker (another isolate) of the same account sees it: the store is per engine, not per isolate.
            WorkerResponse same = call(a2, get("https://x/?op=match&key=shared"));
            assertEquals(200, same.status());
            assertEquals("from-a", body(same));
            // Another account's worker does not.
            WorkerResponse other = call(b, get("https://x/?op=match&key=shared"));
            assertEquals(404, other.status());
            assertEquals("miss", body(other));
        }
    }

    @Test
    void rt6WithoutAScopeTheWorkerNamePartitions() throws Exception {
        try (LoadedWorker worker = load(null)) {
            // No scope set: the worker's own name partitions its entries; a put and a match still pair up.
            assertEquals("stored", body(call(worker, get("https://x/?op=put&key=own&value=mine"))));
            assertEquals("mine", body(call(worker, get("https://x/?op=match&key=own"))));
        }
    }
}
