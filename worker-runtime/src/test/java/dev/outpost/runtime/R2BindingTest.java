package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** env.BUCKET's JS semantics (R2-2..R2-8, R2-11) over an in-memory R2BucketBinding. */
class R2BindingTest {
    private static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static WorkerBundle bundle(String compatibilityDate) {
        return new WorkerBundle("r2-worker", "v1", "r2.js", java.util.Map.of("r2.js",
                new WorkerModule("r2.js", ModuleType.ESM, FetchHandlerTest.resource("workers/r2.js"))),
                compatibilityDate, List.of());
    }

    @Test
    void everyMethodBehavesAsR2() throws Exception {
        InMemoryR2 r2 = new InMemoryR2();
        WorkerEnvironment env = WorkerEnvironment.builder().r2("BUCKET", r2).build();
        try (LoadedWorker worker = engine.load(bundle("2024-09-01"), env, RuntimeLimits.defaults())) {
            WorkerResponse response = call(worker, get("https://x/"));
            String json = body(response);
            assertEquals(200, response.status(), json);
            // R2-3
            has(json, "put", "{\"key\":\"text\",\"size\":11,\"etag\":\"5eb63bbbe01eeed093cb22bb8f5acdc3\","
                    + "\"httpEtag\":\"\\\"5eb63bbbe01eeed093cb22bb8f5acdc3\\\"\",\"uploadedIsDate\":true,\"md5IsBuffer\":true,"
                    + "\"checksums\":{\"md5\":\"5eb63bbbe01eeed093cb22bb8f5acdc3\"},"
                    + "\"httpMetadata\":{\"contentType\":\"text/plain\",\"cacheControl\":\"max-age=60\","
                    + "\"cacheExpiry\":\"2030-01-01T00:00:00.000Z\"},\"customMetadata\":{\"owner\":\"me\",\"n\":\"1\"},"
                    + "\"storageClass\":\"Standard\",\"tag\":\"[object R2Object]\",\"hasBody\":false}");
            assertTrue(json.contains("\"badValue\":\"TypeError: Failed to execute 'put' on 'R2Bucket'"), json);
            hasText(json, "md5ok", "5eb63bbbe01eeed093cb22bb8f5acdc3");
            hasText(json, "md5bad", "R2Error: put: The Content-MD5 you specified did not match what we received. (10037)");
            hasText(json, "md5size", "TypeError: MD5 is 16 bytes, not 3");
            hasText(json, "twoHashes", "TypeError: You cannot specify multiple hashing algorithms.");
            // R2-2
            has(json, "headMissing", "null");
            has(json, "getMissing", "null");
            has(json, "head", "{\"key\":\"text\",\"size\":11,\"hasBody\":false}");
            has(json, "get", "{\"tag\":\"[object R2ObjectBody]\",\"bodyIsStream\":true,\"usedBefore\":false,"
                    + "\"text\":\"hello world\",\"usedAfter\":true,\"again\":\"TypeError: Body has already been used. "
                    + "It can only be used once. Use tee() first if you need to read it twice.\"}");
            has(json, "buffer", "[1,2,3,4,5,6,7,8,9,10]");
            has(json, "view", "[9,8,7]");
            has(json, "blob", "{\"text\":\"blob\",\"size\":4}");
            hasText(json, "stream", "from a stream");
            hasText(json, "empty", "");
            has(json, "json", "{\"a\":[1,2]}");
            // R2-3 writeHttpMetadata
            has(json, "written", "[[\"cache-control\",\"max-age=60\"],[\"content-type\",\"text/plain\"],"
                    + "[\"expires\",\"Tue, 01 Jan 2030 00:00:00 GMT\"]]");
            has(json, "writtenFromHeaders", "[[\"content-language\",\"de\"],[\"content-type\",\"application/json\"],"
                    + "[\"expires\",\"Wed, 01 Jan 2031 00:00:00 GMT\"]]");
            // the body is pulled chunk by chunk, and a cancelled reader cancels the Java source
            hasText(json, "viaResponse", "hello world");
            has(json, "firstChunk", "[104,101,108,108]");
            assertTrue(r2.chunksRead.get() > 10, "chunks read: " + r2.chunksRead.get());
            assertEquals(1, r2.cancels.get());
            // R2-4
            has(json, "rangeOffLen", "{\"bytes\":[3,4,5],\"range\":{\"offset\":2,\"length\":3}}");
            has(json, "rangeOffset", "{\"bytes\":[8,9,10],\"range\":{\"offset\":7,\"length\":3}}");
            has(json, "rangeSuffix", "{\"bytes\":[9,10],\"range\":{\"offset\":8,\"length\":2}}");
            has(json, "rangeLong", "{\"bytes\":[9,10],\"range\":{\"offset\":8,\"length\":2}}");
            has(json, "rangeHeader", "{\"bytes\":[2,3],\"range\":{\"offset\":1,\"length\":2}}");
            has(json, "rangeHeaderSuffix", "{\"bytes\":[8,9,10],\"range\":{\"offset\":7,\"length\":3}}");
            hasText(json, "rangeNegative", "RangeError: Invalid range. Offset (-1) must be greater than or equal to 0.");
            hasText(json, "rangeSuffixOffset", "TypeError: Suffix is incompatible with offset.");
            hasText(json, "rangeFraction", "RangeError: Invalid range. Offset (1.5) must be an integer, not fractional.");
            hasText(json, "rangeBeyond", "R2Error: get: The requested range is not satisfiable (10039)");
            // R2-5
            hasText(json, "condMatch", "body");
            hasText(json, "condMatchFail", "nobody");
            hasText(json, "condNoneMatch", "nobody");
            hasText(json, "condBefore", "body");
            hasText(json, "condAfter", "nobody");
            hasText(json, "condHeaders", "nobody");
            hasText(json, "condBadDate", "TypeError: uploadedBefore must be a Date.");
            // R2-6
            has(json, "putCondFail", "null");
            hasText(json, "afterPutCondFail", "hello world");
            has(json, "putCondOk", "true");
            // R2-7
            has(json, "listAll", "{\"names\":[\"blob\",\"buffer\",\"dir/a\",\"dir/b\",\"dir/sub/c\",\"empty\",\"headers\",\"json\","
                    + "\"md5\",\"stream\",\"text\",\"view\"],\"truncated\":false,\"hasCursor\":false}");
            has(json, "page1", "{\"names\":[\"blob\",\"buffer\"],\"truncated\":true,\"cursor\":\"buffer\"}");
            has(json, "page2", "[\"dir/a\",\"dir/b\"]");
            has(json, "delimited", "{\"names\":[\"dir/a\",\"dir/b\"],\"prefixes\":[\"dir/sub/\"]}");
            has(json, "startAfter", "[\"dir/b\",\"dir/sub/c\"]");
            has(json, "include", "{\"custom\":{\"owner\":\"me\"},\"http\":\"absent\"}");
            hasText(json, "limitTooBig", "RangeError: MaxKeys params must be less than or equal to 1000.");
            hasText(json, "badInclude", "RangeError: Unsupported include value: nope");
            has(json, "afterDelete", "[]");
            // R2-8
            has(json, "upload", "{\"key\":\"multi\",\"hasId\":true}");
            assertTrue(json.contains("\"part1\":{\"partNumber\":1,\"etag\":"), json);
            has(json, "complete", "{\"key\":\"multi\",\"size\":12,\"type\":\"text/csv\"}");
            hasText(json, "multiText", "first-second");
            hasText(json, "noSuchUpload", "R2Error: uploadPart: The specified multipart upload does not exist. (10024)");
            hasText(json, "afterAbort", "R2Error: uploadPart: The specified multipart upload does not exist. (10024)");
            // R2-11
            hasText(json, "internal", "R2Error: head: backend exploded (10001)");
            has(json, "errorShape", "{\"name\":\"R2Error\",\"code\":10037,\"action\":\"put\",\"isError\":true}");
        }
    }

    private static void has(String json, String name, String value) {
        assertTrue(json.contains("\"" + name + "\":" + value), name + " should be " + value + " in " + json);
    }

    private static void hasText(String json, String name, String text) {
        has(json, name, "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    /** A streamed request body of {@code chunks} chunks of 1000 bytes, with the given advertised length. */
    private static BodyStream streamedBody(int chunks, long length, java.util.concurrent.atomic.AtomicInteger reads) {
        return new BodyStream() {
            private int left = chunks;

            @Override
            public java.util.concurrent.CompletionStage<byte[]> read() {
                reads.incrementAndGet();
                byte[] chunk = left-- > 0 ? new byte[1000] : null;
                return java.util.concurrent.CompletableFuture.completedFuture(chunk);
            }

            @Override
            public void cancel(String reason) {
                left = 0;
            }

            @Override
            public long length() {
                return length;
            }
        };
    }

    @Test
    void aStreamedRequestBodyIsPutChunkByChunkAndMustHaveAKnownLength() throws Exception {
        // R2-3 put(key, request.body): the untouched Java body goes straight to the binding, never read in JS;
        // like workerd, one without a known length (chunked upload) is refused with a TypeError.
        InMemoryR2 r2 = new InMemoryR2();
        WorkerEnvironment env = WorkerEnvironment.builder().r2("BUCKET", r2).build();
        String source = """
                export default { async fetch(req, env) {
                  try {
                    const o = await env.BUCKET.put('s', req.body);
                    return Response.json({ size: o.size, stored: (await env.BUCKET.get('s')).size });
                  } catch (e) { return new Response(`${e.name}: ${e.message}`); }
                } };""";
        try (LoadedWorker worker = engine.load(single(source), env, RuntimeLimits.defaults())) {
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            String json = body(call(worker, new WorkerRequest("PUT", "https://x/", List.of(), null, "r1", null,
                    streamedBody(50, 50_000, reads))));
            assertEquals("{\"size\":50000,\"stored\":50000}", json);
            assertEquals(51, reads.get(), "read chunk by chunk to the end");
            String refused = body(call(worker, new WorkerRequest("PUT", "https://x/", List.of(), null, "r2", null,
                    streamedBody(5, -1, reads))));
            assertEquals("TypeError: Provided readable stream must have a known length (request/response body or "
                    + "readable half of FixedLengthStream)", refused);
        }
    }

    @Test
    void jsStreamsOfKnownLengthArePulledChunkByChunkOthersAreRefused() throws Exception {
        // R2-2 put(key, stream): like workerd, a stream needs a known length. A string body's stream and a
        // FixedLengthStream's readable have one and are pulled through their export, chunk by chunk; the byte
        // count is checked against it; a new ReadableStream() or an IdentityTransformStream is refused.
        InMemoryR2 r2 = new InMemoryR2();
        WorkerEnvironment env = WorkerEnvironment.builder().r2("BUCKET", r2).build();
        String source = """
                const err = (e) => `${e.name}: ${e.message}`;
                async function caught(p) { try { await p; return 'no error'; } catch (e) { return err(e); } }
                function fixed(length, chunks, size) {
                  const { readable, writable } = new FixedLengthStream(length);
                  const w = writable.getWriter();
                  (async () => {
                    for (let i = 0; i < chunks; i++) await w.write(new Uint8Array(size).fill(i + 1));
                    await w.close();
                  })().catch(() => {});
                  return readable;
                }
                export default { async fetch(req, env) {
                  const b = env.BUCKET;
                  const out = {};
                  out.response = (await b.put('resp', new Response('from a response').body)).size;
                  out.responseText = await (await b.get('resp')).text();
                  out.blob = (await b.put('blob', new Response(new Blob(['ab', 'cd'])).body)).size;
                  out.fixed = (await b.put('fixed', fixed(300000, 3, 100000))).size;
                  const back = new Uint8Array(await (await b.get('fixed')).arrayBuffer());
                  out.fixedBytes = [back[0], back[100000], back[299999]];
                  out.tooFew = await caught(b.put('short', fixed(300000, 2, 100000)));
                  out.tooMany = await caught(b.put('long', fixed(100, 2, 100)));
                  out.shortStored = await b.head('short');
                  out.js = await caught(b.put('js', new ReadableStream({ start(c) { c.enqueue(new Uint8Array(1)); c.close(); } })));
                  out.identity = await caught(b.put('id', new IdentityTransformStream().readable));
                  const up = await b.createMultipartUpload('multi');
                  out.part = (await up.uploadPart(1, fixed(10, 1, 10))).partNumber;
                  out.partRefused = await caught(up.uploadPart(2, new ReadableStream({ pull(c) { c.close(); } })));
                  out.fixedBad = [await caught(Promise.resolve().then(() => new FixedLengthStream(-1))),
                    await caught(Promise.resolve().then(() => new FixedLengthStream()))];
                  out.isIdentity = new FixedLengthStream(1) instanceof IdentityTransformStream;
                  return Response.json(out);
                } };""";
        try (LoadedWorker worker = engine.load(single(source), env, RuntimeLimits.defaults())) {
            String json = body(call(worker, get("https://x/")));
            has(json, "response", "15");
            hasText(json, "responseText", "from a response");
            has(json, "blob", "4");
            has(json, "fixed", "300000");
            has(json, "fixedBytes", "[1,2,3]");
            // a FixedLengthStream that sees too few or too many bytes fails the put with its own error (workerd's text)
            hasText(json, "tooFew", "TypeError: FixedLengthStream did not see all expected bytes before close().");
            hasText(json, "tooMany", "TypeError: Attempt to write too many bytes through a FixedLengthStream.");
            has(json, "shortStored", "null");
            String unknown = "TypeError: Provided readable stream must have a known length (request/response body or "
                    + "readable half of FixedLengthStream)";
            hasText(json, "js", unknown);
            hasText(json, "identity", unknown);
            has(json, "part", "1");
            hasText(json, "partRefused", unknown);
            has(json, "fixedBad", "[\"TypeError: The value cannot be converted because it is negative and this API expects a "
                    + "positive bigint.\",\"TypeError: Failed to construct 'FixedLengthStream': constructor parameter 1 is not "
                    + "of type 'bigint'.\"]");
            has(json, "isIdentity", "true");
        }
    }

    @Test
    void bodiesLeftUnreadAreReleasedPastTheCap() throws Exception {
        InMemoryR2 r2 = new InMemoryR2();
        WorkerEnvironment env = WorkerEnvironment.builder().r2("BUCKET", r2).build();
        String source = """
                export default { async fetch(req, env) {
                  await env.BUCKET.put('k', 'value');
                  const bodies = [];
                  for (let i = 0; i < 300; i++) bodies.push(await env.BUCKET.get('k'));
                  let first;
                  try { first = await bodies[0].text(); } catch (e) { first = `${e.name}: ${e.message}`; }
                  return Response.json({ first, last: await bodies[299].text() });
                } };""";
        try (LoadedWorker worker = engine.load(single(source), env, RuntimeLimits.defaults())) {
            String json = body(call(worker, get("https://x/")));
            assertEquals("{\"first\":\"R2Error: get: The object body is no longer available: it was released after "
                    + "more than 256 bodies were left unread. (10001)\",\"last\":\"value\"}", json);
            assertEquals(44, r2.cancels.get());
        }
    }

    @Test
    void beforeR2ListHonorIncludeListsAlwaysCarryBothMetadataKinds() throws Exception {
        InMemoryR2 r2 = new InMemoryR2();
        WorkerEnvironment env = WorkerEnvironment.builder().r2("BUCKET", r2).build();
        String source = """
                export default { async fetch(req, env) {
                  await env.BUCKET.put('k', 'v', { httpMetadata: { contentType: 'a/b' }, customMetadata: { x: 'y' } });
                  const o = (await env.BUCKET.list({ include: [] })).objects[0];
                  return Response.json({ http: o.httpMetadata, custom: o.customMetadata });
                } };""";
        WorkerBundle old = new WorkerBundle("r2-old", "v1", "main.js", java.util.Map.of("main.js", esm("main.js", source)),
                "2022-01-01", List.of());
        try (LoadedWorker worker = engine.load(old, env, RuntimeLimits.defaults())) {
            assertEquals("{\"http\":{\"contentType\":\"a/b\"},\"custom\":{\"x\":\"y\"}}", body(call(worker, get("https://x/"))));
        }
        WorkerBundle flagged = new WorkerBundle("r2-flag", "v1", "main.js", java.util.Map.of("main.js", esm("main.js", source)),
                "2022-01-01", List.of("r2_list_honor_include"));
        try (LoadedWorker worker = engine.load(flagged, env, RuntimeLimits.defaults())) {
            assertEquals("{}", body(call(worker, get("https://x/"))));
        }
    }
}
