package dev.outpost.r2.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.r2.support.GrpcClients;
import dev.outpost.r2.support.R2Calls;
import dev.outpost.r2.support.S3Clients;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible API (R2-10) exercised with a real client no one here wrote: the AWS SDK for
 * Java v2, which signs with SigV4 and streams uploads as aws-chunked bodies with trailing checksums.
 */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class S3SdkTest {

    static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URL url;

    S3Client s3;
    String bucket;

    @BeforeEach
    void setUp() {
        s3 = S3Clients.client(url.getPort());
        bucket = "s3-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void tearDown() {
        s3.close();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static int status(Runnable call) {
        S3Exception e = assertThrows(S3Exception.class, call::run);
        return e.statusCode();
    }

    private static S3Exception error(Runnable call) {
        return assertThrows(S3Exception.class, call::run);
    }

    @Test
    void putGetHeadRoundTripBodyAndMetadata() throws Exception {
        byte[] body = "hello from the aws sdk".getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key("docs/hello.txt").contentType("text/plain").cacheControl("no-cache")
                .contentDisposition("inline").metadata(Map.of("author", "tester", "note", "a b c")),
                RequestBody.fromBytes(body));
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/hello.txt"));
        assertArrayEquals(body, got.asByteArray());
        GetObjectResponse r = got.response();
        assertEquals("text/plain", r.contentType());
        assertEquals("no-cache", r.cacheControl());
        assertEquals("inline", r.contentDisposition());
        assertEquals(Map.of("author", "tester", "note", "a b c"), r.metadata());
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        assertEquals("\"" + md5 + "\"", r.eTag());
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("docs/hello.txt"));
        assertEquals(body.length, head.contentLength());
        assertEquals("tester", head.metadata().get("author"));
        assertTrue(head.lastModified().isAfter(Instant.now().minusSeconds(120)));

        // the same object through the binding's gRPC API: S3 user metadata is R2 customMetadata
        try (GrpcClients grpc = new GrpcClients(url.getPort())) {
            R2Calls.Got viaGrpc = new R2Calls(grpc).get(GrpcClients.bucket("local", bucket), "docs/hello.txt");
            assertEquals("tester", viaGrpc.head().getObject().getCustomMetadataOrThrow("author"));
            assertEquals("text/plain", viaGrpc.head().getObject().getHttpMetadata().getContentType());
            assertArrayEquals(body, viaGrpc.body());
        }
    }

    @Test
    void largeObjectsStreamBothWays() {
        byte[] body = random(12 * MIB + 5, 11);
        s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(body));
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key("big.bin")).asByteArray());
    }

    @Test
    void rangeRequestsReturnPartialContent() {
        s3.putObject(b -> b.bucket(bucket).key("r.txt"), RequestBody.fromString("0123456789"));
        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=2-5"));
        assertEquals("2345", part.asUtf8String());
        assertEquals("bytes 2-5/10", part.response().contentRange());
        assertEquals("789", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=-3")).asUtf8String());
        assertEquals("89", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=8-")).asUtf8String());
        assertEquals("0123456789", s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=0-1,4-5"))
                .asUtf8String(), "multi-range answers the whole object");
        S3Exception e = error(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("r.txt").range("bytes=20-30")));
        assertEquals(416, e.statusCode());
        assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
    }

    @Test
    void conditionalRequestsAnswer304And412() {
        String etag = s3.putObject(b -> b.bucket(bucket).key("c"), RequestBody.fromString("v1")).eTag();
        assertEquals(304, status(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifNoneMatch(etag))));
        assertEquals(412, status(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifMatch("\"nope\""))));
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifMatch(etag)).asUtf8String());
        Instant future = Instant.now().plusSeconds(3600);
        Instant past = Instant.now().minusSeconds(3600);
        assertEquals(304, status(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifModifiedSince(future))));
        assertEquals(412, status(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifUnmodifiedSince(past))));
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c").ifModifiedSince(past)).asUtf8String());
        assertEquals(304, status(() -> s3.headObject(b -> b.bucket(bucket).key("c").ifNoneMatch(etag))));
        // R2 extension: conditional PutObject
        assertEquals(412, status(() -> s3.putObject(b -> b.bucket(bucket).key("c").ifNoneMatch("*"),
                RequestBody.fromString("v2"))));
        assertEquals(412, status(() -> s3.putObject(b -> b.bucket(bucket).key("c").ifMatch("\"other\""),
                RequestBody.fromString("v2"))));
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c")).asUtf8String());
        s3.putObject(b -> b.bucket(bucket).key("c").ifMatch(etag), RequestBody.fromString("v2"));
        assertEquals("v2", s3.getObjectAsBytes(b -> b.bucket(bucket).key("c")).asUtf8String());
    }

    @Test
    void multipartUploadWithCopyPartListPartsAndAbort() {
        byte[] p1 = random(5 * MIB, 1);
        byte[] p3 = random(777, 3);
        byte[] source = random(6 * MIB, 2);
        s3.putObject(b -> b.bucket(bucket).key("source.bin"), RequestBody.fromBytes(source));
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("mp.bin").contentType("application/x-mp")
                .metadata(Map.of("kind", "multipart"))).uploadId();
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .anyMatch(u -> u.uploadId().equals(id) && u.key().equals("mp.bin")));
        String e1 = s3.uploadPart(b -> b.bucket(bucket).key("mp.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(p1)).eTag();
        String e2 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source.bin").destinationBucket(bucket)
                .destinationKey("mp.bin").uploadId(id).partNumber(2).copySourceRange("bytes=0-" + (5 * MIB - 1)))
                .copyPartResult().eTag();
        String e3 = s3.uploadPart(b -> b.bucket(bucket).key("mp.bin").uploadId(id).partNumber(3),
                RequestBody.fromBytes(p3)).eTag();
        var parts = s3.listParts(b -> b.bucket(bucket).key("mp.bin").uploadId(id)).parts();
        assertEquals(List.of(1, 2, 3), parts.stream().map(p -> p.partNumber()).toList());
        assertEquals(5L * MIB, parts.get(1).size());
        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("mp.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build(),
                        CompletedPart.builder().partNumber(3).eTag(e3).build()))).eTag();
        assertTrue(etag.endsWith("-3\""), etag);
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("mp.bin"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(p1);
        expected.write(source, 0, 5 * MIB);
        expected.writeBytes(p3);
        assertArrayEquals(expected.toByteArray(), got.asByteArray());
        assertEquals("multipart", got.response().metadata().get("kind"));
        assertEquals("application/x-mp", got.response().contentType());

        String aborted = s3.createMultipartUpload(b -> b.bucket(bucket).key("gone")).uploadId();
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("gone").uploadId(aborted));
        S3Exception e = error(() -> s3.uploadPart(b -> b.bucket(bucket).key("gone").uploadId(aborted).partNumber(1),
                RequestBody.fromString("x")));
        assertEquals("NoSuchUpload", e.awsErrorDetails().errorCode());
        assertEquals(404, e.statusCode());
    }

    @Test
    void listV2WithDelimiterPrefixAndContinuation() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add("logs/2024/" + i + ".log");
        }
        keys.addAll(List.of("logs/2025/a.log", "logs/readme", "top.txt", "z/deep/x"));
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        ListObjectsV2Response root = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(List.of("top.txt"), root.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("logs/", "z/"), root.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        ListObjectsV2Response logs = s3.listObjectsV2(b -> b.bucket(bucket).prefix("logs/").delimiter("/"));
        assertEquals(List.of("logs/readme"), logs.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("logs/2024/", "logs/2025/"), logs.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        List<String> paged = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("logs/2024/").maxKeys(3))
                .forEach(page -> {
                    assertTrue(page.keyCount() <= 3);
                    page.contents().forEach(o -> paged.add(o.key()));
                });
        assertEquals(keys.subList(0, 7), paged);
        assertEquals(List.of("top.txt", "z/deep/x"), s3.listObjectsV2(b -> b.bucket(bucket).startAfter("logs/zzz"))
                .contents().stream().map(S3Object::key).toList());
        // v1 with markers
        List<String> v1 = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = s3.listObjects(b -> b.bucket(bucket).maxKeys(4).marker(m));
            page.contents().forEach(o -> v1.add(o.key()));
            marker = page.isTruncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertEquals(keys.stream().sorted().toList(), v1);
    }

    @Test
    void keysStayLiteralAndUrlEncodedListingsRoundTrip() {
        List<String> keys = List.of("../escape", "a/../b", "a//b", "sp ace+plus", "ünï/日本", "q?x=1&y#z", "%2F", "tab\tkey");
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString("v:" + k));
            assertEquals("v:" + k, s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asUtf8String(), k);
        }
        List<String> listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        assertEquals(keys.stream().sorted().toList(), listed.stream().sorted().toList());
        assertEquals(2, s3.listObjectsV2(b -> b.bucket(bucket).prefix("a/")).keyCount());
    }

    @Test
    void copyObjectHonoursTheMetadataDirective() {
        s3.putObject(b -> b.bucket(bucket).key("src").contentType("text/a").metadata(Map.of("m", "1")),
                RequestBody.fromString("copy me"));
        CopyObjectResponse copied = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("dst-copy"));
        assertTrue(copied.copyObjectResult().eTag().length() > 2);
        GetObjectResponse copy = s3.getObjectAsBytes(b -> b.bucket(bucket).key("dst-copy")).response();
        assertEquals("text/a", copy.contentType());
        assertEquals(Map.of("m", "1"), copy.metadata());
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst-replace")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/b").metadata(Map.of("n", "2")));
        ResponseBytes<GetObjectResponse> replaced = s3.getObjectAsBytes(b -> b.bucket(bucket).key("dst-replace"));
        assertEquals("copy me", replaced.asUtf8String());
        assertEquals("text/b", replaced.response().contentType());
        assertEquals(Map.of("n", "2"), replaced.response().metadata());
        assertEquals(412, status(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("never").copySourceIfMatch("\"nope\""))));
        assertEquals(404, status(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("missing")
                .destinationBucket(bucket).destinationKey("never"))));
    }

    @Test
    void deleteObjectsAndDeleteObject() {
        for (String k : List.of("d1", "d2", "d3")) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        var result = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("d1").build(), ObjectIdentifier.builder().key("d2").build(),
                ObjectIdentifier.builder().key("missing").build())));
        assertEquals(3, result.deleted().size());
        s3.deleteObject(b -> b.bucket(bucket).key("d3"));
        s3.deleteObject(b -> b.bucket(bucket).key("d3"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("d1")));
        assertEquals(404, status(() -> s3.headObject(b -> b.bucket(bucket).key("d3"))));
        assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket)).keyCount());
    }

    @Test
    void bucketOperations() {
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
        s3.headBucket(b -> b.bucket(bucket));
        s3.getBucketLocation(b -> b.bucket(bucket));
        assertEquals(404, status(() -> s3.headBucket(b -> b.bucket("no-such-" + bucket))));
        S3Exception dup = error(() -> s3.createBucket(b -> b.bucket(bucket)));
        assertEquals(409, dup.statusCode());
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        S3Exception notEmpty = error(() -> s3.deleteBucket(b -> b.bucket(bucket)));
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        s3.deleteBucket(b -> b.bucket(bucket));
        assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
        S3Exception missing = error(() -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x")));
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        s3.createBucket(b -> b.bucket(bucket)); // for tearDown symmetry
    }

    @Test
    void contentMd5MismatchIsBadDigestAndNothingIsStored() {
        S3Exception e = error(() -> s3.putObject(b -> b.bucket(bucket).key("md5").contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="),
                RequestBody.fromString("not empty")));
        assertEquals("BadDigest", e.awsErrorDetails().errorCode());
        assertEquals(404, status(() -> s3.headObject(b -> b.bucket(bucket).key("md5"))));
    }

    @Test
    void bucketsAreIsolatedBetweenAccounts() throws Exception {
        // The S3 key pair acts for account "local"; a bucket of the same name in another account is another bucket.
        try (GrpcClients grpc = new GrpcClients(url.getPort())) {
            grpc.createBucket("someone-else", bucket);
            new R2Calls(grpc).put(GrpcClients.bucket("someone-else", bucket), "private", "theirs".getBytes(StandardCharsets.UTF_8));
            assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("private")));
            s3.putObject(b -> b.bucket(bucket).key("private"), RequestBody.fromString("mine"));
            assertArrayEquals("theirs".getBytes(StandardCharsets.UTF_8), new R2Calls(grpc)
                    .get(GetRequest.newBuilder().setBucket(GrpcClients.bucket("someone-else", bucket)).setKey("private")
                            .build()).body());
        }
    }
}
