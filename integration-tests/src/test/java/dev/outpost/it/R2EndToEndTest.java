package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.ControlPlaneException;
import dev.outpost.localstack.deploy.WorkerBundle;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * env.BUCKET end to end, all real processes: PostgreSQL, S3Proxy, r2-service and the gateway. A bucket made through
 * r2-service's REST API (API-7), a worker uploaded through the control plane with an {@code r2_bucket} binding (R2-1),
 * every binding method called from the worker (R2-2..R2-8, R2-11), and the S3 API (R2-10) reading what the worker
 * wrote and the worker reading what an S3 client wrote.
 */
class R2EndToEndTest {
    static final int OFFSET = 8000;
    static final String BUCKET = "e2e-bucket";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNKNOWN_LENGTH = "TypeError: Provided readable stream must have a known length "
            + "(request/response body or readable half of FixedLengthStream)";

    @TempDir
    static Path state;
    static LocalStack stack;
    static ControlPlaneClient controlPlane;
    static S3Client s3;
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.R2, Component.GATEWAY)
                .build();
        stack.start();
        String account = stack.credentials().accountId();
        controlPlane = new ControlPlaneClient(stack.apiBaseUrl(), account, stack.credentials().apiToken(), JSON);
        // API-7: the bucket through r2-service's Cloudflare-style REST API
        HttpRequest create = HttpRequest.newBuilder(URI.create(stack.url(Component.R2) + "/client/v4/accounts/"
                        + account + "/r2/buckets"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + BUCKET + "\"}")).build();
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        // R2-10: the S3 API with the local account's credentials (access key id = account id, secret = API token)
        s3 = S3Client.builder().endpointOverride(URI.create(stack.url(Component.R2))).region(Region.of("auto"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account,
                        stack.credentials().apiToken())))
                .forcePathStyle(true).build();
        upload("r2-e2e", BUCKET);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    static void upload(String name, String bucket) throws Exception {
        Path file = Files.createDirectories(state.resolve("scripts")).resolve(name + ".js");
        try (InputStream in = R2EndToEndTest.class.getResourceAsStream("/r2/worker.js")) {
            Files.write(file, in.readAllBytes());
        }
        WorkerBundle bundle = WorkerBundle.fromPath(file, null);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("main_module", bundle.mainModule());
        metadata.put("compatibility_date", "2025-01-01");
        ObjectNode binding = metadata.putArray("bindings").addObject();
        binding.put("type", "r2_bucket").put("name", "BUCKET").put("bucket_name", bucket);
        controlPlane.uploadScript(name, bundle, metadata);
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8787 + OFFSET) + path))
                .header("Host", "r2-e2e.localhost").timeout(Duration.ofSeconds(60));
    }

    static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static void has(JsonNode out, String field, String json) {
        assertEquals(json, out.path(field).toString(), field + " in " + out);
    }

    @Test
    void everyBindingMethodAgainstTheRealService() throws Exception {
        HttpResponse<byte[]> response = send(request("/run").GET().build());
        assertEquals(200, response.statusCode(), text(response));
        JsonNode out = JSON.readTree(response.body());
        // R2-2/R2-3: the stored object
        has(out, "put", "{\"key\":\"e2e/text\",\"size\":11,\"etag\":\"5eb63bbbe01eeed093cb22bb8f5acdc3\","
                + "\"httpEtag\":\"\\\"5eb63bbbe01eeed093cb22bb8f5acdc3\\\"\",\"md5\":\"5eb63bbbe01eeed093cb22bb8f5acdc3\","
                + "\"uploadedRecent\":true,\"storageClass\":\"Standard\",\"hasVersion\":true}");
        has(out, "head", "{\"size\":11,\"etag\":\"5eb63bbbe01eeed093cb22bb8f5acdc3\",\"http\":{\"contentType\":\"text/plain\","
                + "\"contentLanguage\":\"en\",\"contentDisposition\":\"inline\",\"cacheControl\":\"max-age=60\","
                + "\"cacheExpiry\":\"2030-01-01T00:00:00.000Z\"},\"custom\":{\"owner\":\"me\",\"x-y\":\"ü\"},\"sameVersion\":true}");
        has(out, "writeHttpMetadata", "[[\"cache-control\",\"max-age=60\"],[\"content-disposition\",\"inline\"],"
                + "[\"content-language\",\"en\"],[\"content-type\",\"text/plain\"],[\"expires\",\"Tue, 01 Jan 2030 00:00:00 GMT\"]]");
        has(out, "headMissing", "null");
        has(out, "getMissing", "null");
        has(out, "text", "\"hello world\"");
        has(out, "bodyUsed", "true");
        has(out, "buffer", "[0,1,2,3,4,5,6,7,8,9]");
        has(out, "view", "[8,7]");
        has(out, "blob", "\"blob\"");
        has(out, "stream", "\"streamed\"");
        has(out, "empty", "{\"size\":0,\"text\":\"\"}");
        // R2-2 a stream needs a known length (workerd's rule): a FixedLengthStream fed in chunks streams through, one
        // that sees too few bytes fails the put with its own error and stores nothing; a JS-made stream is refused
        has(out, "fixed", "{\"size\":614400,\"length\":614400,\"marks\":[1,2,3]}");
        has(out, "fixedShort", "\"TypeError: FixedLengthStream did not see all expected bytes before close().\"");
        has(out, "fixedShortStored", "null");
        has(out, "unknownLength", "\"" + UNKNOWN_LENGTH + "\"");
        has(out, "unknownLengthStored", "null");
        has(out, "json", "{\"a\":[1,2]}");
        // R2-4
        has(out, "rangeOffLen", "{\"bytes\":[2,3,4],\"range\":{\"offset\":2,\"length\":3}}");
        has(out, "rangeOffset", "{\"bytes\":[8,9],\"range\":{\"offset\":8,\"length\":2}}");
        has(out, "rangeSuffix", "{\"bytes\":[7,8,9],\"range\":{\"offset\":7,\"length\":3}}");
        has(out, "rangeLong", "{\"bytes\":[7,8,9],\"range\":{\"offset\":7,\"length\":3}}");
        has(out, "rangeHeaders", "{\"bytes\":[4,5],\"range\":{\"offset\":4,\"length\":2}}");
        assertTrue(out.path("rangeZero").asText().startsWith("R2Error: get: ") && out.path("rangeZero").asText().endsWith("(10039)"),
                out.toString());
        has(out, "rangeBadArg", "\"TypeError: Suffix is incompatible with offset.\"");
        // R2-5
        has(out, "condMatch", "\"body\"");
        has(out, "condMatchFail", "\"nobody\"");
        has(out, "condNoneMatch", "\"nobody\"");
        has(out, "condNoneMatchOther", "\"body\"");
        has(out, "condBeforeFuture", "\"body\"");
        has(out, "condAfterFuture", "\"nobody\"");
        has(out, "condAfterPast", "\"body\"");
        has(out, "condHeadersMatch", "\"body\"");
        has(out, "condHeadersNoneMatch", "\"nobody\"");
        // R2-6
        has(out, "putCondFail", "null");
        has(out, "afterPutCondFail", "\"hello world\"");
        has(out, "putIfAbsent", "null");
        has(out, "md5ok", "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        has(out, "sha256", "\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"");
        assertTrue(out.path("md5bad").asText().startsWith("R2Error: put: ") && out.path("md5bad").asText().endsWith("(10037)"),
                out.toString());
        has(out, "badError", "{\"name\":\"R2Error\",\"code\":10037,\"action\":\"put\"}");
        // R2-7
        has(out, "delimited", "{\"names\":[\"e2e/dir/a\",\"e2e/dir/b\"],\"prefixes\":[\"e2e/dir/sub/\",\"e2e/dir/z/\"],"
                + "\"truncated\":false}");
        has(out, "paged", "{\"names\":[\"e2e/dir/a\",\"e2e/dir/b\",\"e2e/dir/sub/c\",\"e2e/dir/sub/d\",\"e2e/dir/z/e\"],"
                + "\"pages\":3}");
        has(out, "startAfter", "[\"e2e/dir/sub/d\",\"e2e/dir/z/e\"]");
        has(out, "include", "{\"http\":{\"contentType\":\"text/x-key\"},\"custom\":{\"k\":\"e2e/dir/a\"}}");
        has(out, "noInclude", "{\"http\":\"absent\",\"custom\":\"absent\"}");
        has(out, "limitTooBig", "\"RangeError: MaxKeys params must be less than or equal to 1000.\"");
        has(out, "afterDelete", "[\"e2e/dir/sub/d\",\"e2e/dir/z/e\"]");
        // R2-8
        has(out, "parts", "[1,2,\"string\"]");
        has(out, "partUnknownLength", "\"" + UNKNOWN_LENGTH + "\"");
        has(out, "multipart", "{\"size\":5242884,\"etagParts\":\"2\",\"type\":\"application/x-multi\",\"custom\":{\"parts\":\"2\"}}");
        has(out, "multipartTail", "\"aatail\"");
        assertTrue(out.path("noSuchUpload").asText().startsWith("R2Error: uploadPart: ")
                && out.path("noSuchUpload").asText().endsWith("(10024)"), out.toString());
        assertTrue(out.path("afterAbort").asText().startsWith("R2Error: completeMultipartUpload: ")
                && out.path("afterAbort").asText().endsWith("(10024)"), out.toString());
        has(out, "abortedObject", "null");
    }

    @Test
    void aWorkerServesObjectsWithRangesAndConditionalsFromRequestHeaders() throws Exception {
        byte[] body = "0123456789".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = send(request("/obj/http/digits").header("Content-Type", "text/plain")
                .header("Cache-Control", "no-cache").header("x-meta-source", "worker")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(200, put.statusCode(), text(put));
        String etag = JSON.readTree(put.body()).path("etag").asText();
        // R2-4: a Range header as the range option
        HttpResponse<byte[]> ranged = send(request("/obj/http/digits").header("Range", "bytes=2-4").GET().build());
        assertEquals(206, ranged.statusCode());
        assertEquals("234", text(ranged));
        assertEquals("{\"offset\":2,\"length\":3}", ranged.headers().firstValue("x-range").orElse(""));
        // R2-5: If-None-Match / If-Match headers as onlyIf
        assertEquals(304, send(request("/obj/http/digits").header("If-None-Match", "\"" + etag + "\"").GET().build())
                .statusCode());
        assertEquals(412, send(request("/obj/http/digits").header("If-Match", "\"other\"").GET().build()).statusCode());
        HttpResponse<byte[]> whole = send(request("/obj/http/digits").header("If-Match", "\"" + etag + "\"").GET().build());
        assertEquals(200, whole.statusCode());
        assertEquals("0123456789", text(whole));
        // R2-3 writeHttpMetadata and customMetadata as the worker answers them
        assertEquals("text/plain", whole.headers().firstValue("content-type").orElse(""));
        assertEquals("no-cache", whole.headers().firstValue("cache-control").orElse(""));
        assertEquals("worker", whole.headers().firstValue("x-meta-source").orElse(""));
        assertEquals(404, send(request("/obj/http/none").GET().build()).statusCode());
    }

    @Test
    void aRequestBodyWithoutAKnownLengthIsRefusedAsInWorkerd() throws Exception {
        // R2-2: put(key, request.body) of a chunked upload (no Content-Length) is refused with workerd's TypeError;
        // the same bytes with a Content-Length stream through (larger than the gateway's 64 KiB buffered-body cap)
        byte[] body = new byte[200 * 1024];
        new Random(7).nextBytes(body);
        HttpResponse<byte[]> chunked = send(request("/obj/chunked/none").PUT(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))).build());
        assertEquals(400, chunked.statusCode(), text(chunked));
        assertEquals(UNKNOWN_LENGTH, text(chunked));
        assertEquals(404, send(request("/obj/chunked/none").method("HEAD", HttpRequest.BodyPublishers.noBody()).build())
                .statusCode());
        HttpResponse<byte[]> sized = send(request("/obj/chunked/sized").PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertEquals(200, sized.statusCode(), text(sized));
        assertArrayEquals(body, send(request("/obj/chunked/sized").GET().build()).body());
    }

    @Test
    void theS3ApiSeesWhatTheWorkerWroteAndTheWorkerWhatS3Wrote() throws Exception {
        // a body larger than one gRPC message (256 KiB) in both directions: it crosses as many chunks
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(large);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(large));

        HttpResponse<byte[]> put = send(request("/obj/cross/from-worker.bin").header("Content-Type", "application/octet-stream")
                .header("Content-Language", "fr").header("x-meta-origin", "worker")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(large)).build());
        assertEquals(200, put.statusCode(), text(put));
        assertEquals(md5, JSON.readTree(put.body()).path("etag").asText());
        ResponseBytes<GetObjectResponse> viaS3 = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cross/from-worker.bin"));
        assertArrayEquals(large, viaS3.asByteArray());
        assertEquals("\"" + md5 + "\"", viaS3.response().eTag());
        assertEquals("application/octet-stream", viaS3.response().contentType());
        assertEquals("fr", viaS3.response().contentLanguage());
        assertEquals(Map.of("origin", "worker"), viaS3.response().metadata());

        s3.putObject(b -> b.bucket(BUCKET).key("cross/from-s3.bin").contentType("image/x-test").cacheControl("max-age=5")
                .metadata(Map.of("origin", "s3")), RequestBody.fromBytes(large));
        HttpResponse<byte[]> viaWorker = send(request("/obj/cross/from-s3.bin").GET().build());
        assertEquals(200, viaWorker.statusCode());
        assertArrayEquals(large, viaWorker.body());
        assertEquals("\"" + md5 + "\"", viaWorker.headers().firstValue("etag").orElse(""));
        assertEquals("image/x-test", viaWorker.headers().firstValue("content-type").orElse(""));
        assertEquals("max-age=5", viaWorker.headers().firstValue("cache-control").orElse(""));
        assertEquals("s3", viaWorker.headers().firstValue("x-meta-origin").orElse(""));
        // a range of the S3-written object through the binding
        HttpResponse<byte[]> tail = send(request("/obj/cross/from-s3.bin").header("Range", "bytes=-100").GET().build());
        assertEquals(206, tail.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(large, large.length - 100, large.length), tail.body());
        // a delete through S3 is seen by the worker at once (R2-2: strongly consistent)
        s3.deleteObject(b -> b.bucket(BUCKET).key("cross/from-s3.bin"));
        assertEquals(404, send(request("/obj/cross/from-s3.bin").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build()).statusCode());
    }

    @Test
    void aWorkerReadsAnObjectLargerThanEveryHeapChunkByChunk() throws Exception {
        // R2-2 get: the body streams S3Proxy → r2-service → gateway → isolate one chunk per read. The object (1.5 GiB)
        // is larger than the heap of r2-service (-Xmx512m) and of the gateway (-Xmx1g), so neither can have held it.
        int partSize = 64 * 1024 * 1024;
        int parts = 24;
        String key = "large/object.bin";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        byte[] part = new byte[partSize];
        java.util.List<software.amazon.awssdk.services.s3.model.CompletedPart> done = new java.util.ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            java.util.Arrays.fill(part, (byte) i);
            int n = i;
            String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(part)).eTag();
            done.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(i).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(done)));

        HttpResponse<byte[]> scan = send(request("/scan/" + key).GET().build());
        assertEquals(200, scan.statusCode(), text(scan));
        JsonNode out = JSON.readTree(scan.body());
        long size = (long) partSize * parts;
        assertEquals(size, out.path("size").asLong(), out.toString());
        assertEquals(size, out.path("seen").asLong(), out.toString());
        assertTrue(out.path("chunks").asInt() >= size / (1024 * 1024), "read in many chunks: " + out);
        StringBuilder marks = new StringBuilder("[");
        for (int i = 1; i <= parts; i++) {
            marks.append(i > 1 ? "," : "").append(i);
        }
        assertEquals(marks.append(']').toString(), out.path("marks").toString(), "the parts in order");
        s3.deleteObject(b -> b.bucket(BUCKET).key(key));
    }

    @Test
    void aBindingToAMissingBucketIsRefusedAtUpload() {
        // R2-1: the bucket must exist in the account
        ControlPlaneException refused = assertThrows(ControlPlaneException.class, () -> upload("r2-missing", "no-such-bucket"));
        assertTrue(refused.toString().contains("R2 bucket 'no-such-bucket' of binding 'BUCKET' does not exist"),
                refused.toString());
    }
}
