package dev.outpost.r2.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.Checksums;
import dev.outpost.contracts.r2.v1.Conditional;
import dev.outpost.contracts.r2.v1.DeleteRequest;
import dev.outpost.contracts.r2.v1.GetRequest;
import dev.outpost.contracts.r2.v1.HeadRequest;
import dev.outpost.contracts.r2.v1.HeadResponse;
import dev.outpost.contracts.r2.v1.HttpMetadata;
import dev.outpost.contracts.r2.v1.PutResponse;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.contracts.r2.v1.Range;
import dev.outpost.r2.support.GrpcClients;
import dev.outpost.r2.support.GrpcTestBase;
import dev.outpost.r2.support.R2Calls;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binding's object methods over real gRPC against a real S3 backend (R2-2..R2-6, R2-9). */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class R2GrpcObjectsTest extends GrpcTestBase {

    static final String ACCOUNT = "acct-objects";

    @Test
    void putThenGetAndHeadRoundTripBodyAndAllMetadata() throws Exception {
        // R2-3, R2-6
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        byte[] body = "hello r2".getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(body);
        Map<String, String> custom = Map.of("plain", "value", "Mixed Case", "spaced value ",
                "ünïcode-名前", "välue ✓", "outpost-v", "reserved names stay custom", "empty", "");
        PutResponse put = r2.put(bucket, "meta.txt", body, h -> h
                .setHttpMetadata(HttpMetadata.newBuilder().setContentType("text/plain")
                        .setContentLanguage("en").setContentDisposition("attachment; filename=\"meta.txt\"")
                        .setContentEncoding("identity").setCacheControl("max-age=60")
                        .setCacheExpiryMs(1_900_000_000_000L))
                .putAllCustomMetadata(custom)
                .setExpected(Checksums.newBuilder().setSha256(ByteString.copyFrom(sha256))));
        assertTrue(put.getWritten());
        R2Object written = put.getObject();
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        assertEquals(md5, written.getEtag(), "single-part etag is the MD5");
        assertEquals(32, written.getVersion().length());
        assertEquals(body.length, written.getSize());
        assertEquals("Standard", written.getStorageClass());

        HeadResponse head = clients.blocking.head(HeadRequest.newBuilder().setBucket(bucket).setKey("meta.txt").build());
        R2Object o = head.getObject();
        assertEquals(written.getVersion(), o.getVersion());
        assertEquals(written.getUploadedMs(), o.getUploadedMs());
        assertEquals(custom, o.getCustomMetadataMap());
        assertEquals("text/plain", o.getHttpMetadata().getContentType());
        assertEquals("en", o.getHttpMetadata().getContentLanguage());
        assertEquals("attachment; filename=\"meta.txt\"", o.getHttpMetadata().getContentDisposition());
        assertEquals("identity", o.getHttpMetadata().getContentEncoding());
        assertEquals("max-age=60", o.getHttpMetadata().getCacheControl());
        assertEquals(1_900_000_000_000L, o.getHttpMetadata().getCacheExpiryMs());
        assertEquals(md5, HexFormat.of().formatHex(o.getChecksums().getMd5().toByteArray()));
        assertArrayEquals(sha256, o.getChecksums().getSha256().toByteArray());

        R2Calls.Got got = r2.get(bucket, "meta.txt");
        assertTrue(got.head().getFound());
        assertTrue(got.head().getPreconditionMet());
        assertEquals(custom, got.head().getObject().getCustomMetadataMap());
        assertArrayEquals(body, got.body());
    }

    @Test
    void largeBodyStreamsInBoundedChunks() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);
        assertTrue(r2.put(bucket, "big.bin", body).getWritten());
        R2Calls.Got got = r2.get(bucket, "big.bin");
        assertArrayEquals(body, got.body());
        assertTrue(got.chunks() >= 12, "a 3 MiB body arrives in chunks of at most 256 KiB, got " + got.chunks());
    }

    @Test
    void wrongDigestIsBadDigestAndStoresNothing() throws Exception {
        // R2-6: mismatch -> BadDigest (10037); the previous object stays
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        r2.put(bucket, "k", "original".getBytes(StandardCharsets.UTF_8));
        byte[] wrongMd5 = new byte[16];
        assertR2Error(10037, () -> r2.put(bucket, "k", "replacement".getBytes(StandardCharsets.UTF_8),
                h -> h.setExpected(Checksums.newBuilder().setMd5(ByteString.copyFrom(wrongMd5)))));
        assertArrayEquals("original".getBytes(StandardCharsets.UTF_8), r2.get(bucket, "k").body());
        assertR2Error(10037, () -> r2.put(bucket, "fresh", "x".getBytes(StandardCharsets.UTF_8),
                h -> h.setExpected(Checksums.newBuilder().setSha1(ByteString.copyFrom(new byte[20])))));
        assertFalse(clients.blocking.head(HeadRequest.newBuilder().setBucket(bucket).setKey("fresh").build())
                .getFound());
    }

    @Test
    void declaredLengthMustMatchTheBody() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        assertR2Error(10013, () -> r2.put(bucket, "short", "abc".getBytes(StandardCharsets.UTF_8),
                h -> h.setContentLength(10)));
        assertFalse(clients.blocking.head(HeadRequest.newBuilder().setBucket(bucket).setKey("short").build())
                .getFound());
    }

    @Test
    void unknownLengthPutIsStored() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        byte[] body = "streamed without a length".getBytes(StandardCharsets.UTF_8);
        PutResponse put = r2.put(bucket, "unknown", body, h -> h.setContentLength(-1));
        assertTrue(put.getWritten());
        assertArrayEquals(body, r2.get(bucket, "unknown").body());
    }

    @Test
    void conditionalGetFollowsR2Rules() throws Exception {
        // R2-5
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        R2Object o = r2.put(bucket, "c", "conditional".getBytes(StandardCharsets.UTF_8)).getObject();
        String etag = o.getEtag();
        long uploaded = o.getUploadedMs();

        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagMatches(etag)).head().getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagMatches("*")).head().getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagMatches("\"" + etag + "\"")).head()
                .getPreconditionMet());
        R2Calls.Got failed = getIf(bucket, "c", Conditional.newBuilder().setEtagMatches("nope"));
        assertTrue(failed.head().getFound());
        assertFalse(failed.head().getPreconditionMet());
        assertEquals(etag, failed.head().getObject().getEtag(), "failed onlyIf still returns the object");
        assertEquals(0, failed.body().length, "failed onlyIf returns no body");
        assertFalse(getIf(bucket, "c", Conditional.newBuilder().setEtagDoesNotMatch(etag)).head().getPreconditionMet());
        assertFalse(getIf(bucket, "c", Conditional.newBuilder().setEtagDoesNotMatch("W/\"" + etag + "\"")).head()
                .getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagDoesNotMatch("other")).head().getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setUploadedBeforeMs(uploaded + 5000)).head()
                .getPreconditionMet());
        assertFalse(getIf(bucket, "c", Conditional.newBuilder().setUploadedBeforeMs(uploaded - 5000)).head()
                .getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setUploadedAfterMs(uploaded - 5000)).head()
                .getPreconditionMet());
        assertFalse(getIf(bucket, "c", Conditional.newBuilder().setUploadedAfterMs(uploaded + 5000)).head()
                .getPreconditionMet());
        // etagMatches overrides uploadedBefore; etagDoesNotMatch overrides uploadedAfter
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagMatches(etag).setUploadedBeforeMs(uploaded - 5000))
                .head().getPreconditionMet());
        assertTrue(getIf(bucket, "c", Conditional.newBuilder().setEtagDoesNotMatch("x").setUploadedAfterMs(uploaded + 5000))
                .head().getPreconditionMet());
        // a missing object is simply not found
        assertFalse(getIf(bucket, "missing", Conditional.newBuilder().setEtagMatches(etag)).head().getFound());
    }

    private R2Calls.Got getIf(BucketRef bucket, String key, Conditional.Builder c) {
        return r2.get(GetRequest.newBuilder().setBucket(bucket).setKey(key).setOnlyIf(c).build());
    }

    @Test
    void conditionalPutWritesOnlyWhenTheConditionHolds() throws Exception {
        // R2-2: failed onlyIf -> null, nothing written
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        R2Object first = r2.put(bucket, "p", "v1".getBytes(StandardCharsets.UTF_8)).getObject();
        assertFalse(r2.put(bucket, "p", "v2".getBytes(StandardCharsets.UTF_8),
                h -> h.setOnlyIf(Conditional.newBuilder().setEtagMatches("wrong"))).getWritten());
        assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), r2.get(bucket, "p").body());
        assertFalse(r2.put(bucket, "p", "v2".getBytes(StandardCharsets.UTF_8),
                h -> h.setOnlyIf(Conditional.newBuilder().setEtagDoesNotMatch("*"))).getWritten());
        assertTrue(r2.put(bucket, "p", "v2".getBytes(StandardCharsets.UTF_8),
                h -> h.setOnlyIf(Conditional.newBuilder().setEtagMatches(first.getEtag()))).getWritten());
        assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), r2.get(bucket, "p").body());
        assertTrue(r2.put(bucket, "new", "n".getBytes(StandardCharsets.UTF_8),
                h -> h.setOnlyIf(Conditional.newBuilder().setEtagDoesNotMatch("*"))).getWritten());
        assertFalse(r2.put(bucket, "new2", "n".getBytes(StandardCharsets.UTF_8),
                h -> h.setOnlyIf(Conditional.newBuilder().setEtagMatches("*"))).getWritten(),
                "etagMatches fails on a missing object");
    }

    @Test
    void rangesServeTheRequestedBytes() throws Exception {
        // R2-4
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        byte[] body = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        r2.put(bucket, "r", body);
        assertRange(bucket, Range.newBuilder().setOffset(2).setLength(3), "234", 2, 3);
        assertRange(bucket, Range.newBuilder().setOffset(15), "fghij", 15, 5);
        assertRange(bucket, Range.newBuilder().setLength(4), "0123", 0, 4);
        assertRange(bucket, Range.newBuilder().setSuffix(3), "hij", 17, 3);
        assertRange(bucket, Range.newBuilder().setOffset(18).setLength(100), "ij", 18, 2);
        assertRange(bucket, Range.newBuilder().setOffset(20), "", 20, 0);
        assertR2Error(10039, () -> r2.get(GetRequest.newBuilder().setBucket(bucket).setKey("r")
                .setRange(Range.newBuilder().setOffset(25)).build()));
        assertR2Error(10039, () -> r2.get(GetRequest.newBuilder().setBucket(bucket).setKey("r")
                .setRange(Range.newBuilder().setOffset(1).setLength(0)).build()));
        assertR2Error(10039, () -> r2.get(GetRequest.newBuilder().setBucket(bucket).setKey("r")
                .setRange(Range.newBuilder().setSuffix(0)).build()));
    }

    private void assertRange(BucketRef bucket, Range.Builder range, String expected, long offset, long length) {
        R2Calls.Got got = r2.get(GetRequest.newBuilder().setBucket(bucket).setKey("r").setRange(range).build());
        assertEquals(expected, new String(got.body(), StandardCharsets.UTF_8));
        assertEquals(offset, got.head().getObject().getRange().getOffset());
        assertEquals(length, got.head().getObject().getRange().getLength());
        assertEquals(20, got.head().getObject().getSize(), "size is the whole object's");
    }

    @Test
    void deleteOneOrManyIgnoresMissingKeys() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        for (String k : List.of("d1", "d2", "d3")) {
            r2.put(bucket, k, k.getBytes(StandardCharsets.UTF_8));
        }
        clients.blocking.delete(DeleteRequest.newBuilder().setBucket(bucket).addKeys("d1").build());
        clients.blocking.delete(DeleteRequest.newBuilder().setBucket(bucket).addKeys("d2").addKeys("d3")
                .addKeys("never-existed").build());
        for (String k : List.of("d1", "d2", "d3")) {
            assertFalse(clients.blocking.head(HeadRequest.newBuilder().setBucket(bucket).setKey(k).build()).getFound());
        }
    }

    @Test
    void keysAreTakenLiterally() throws Exception {
        // R2-9 keys, and no path traversal into other buckets or accounts
        String victimAccount = "acct-victim";
        String victim = newBucket(victimAccount);
        BucketRef victimRef = GrpcClients.bucket(victimAccount, victim);
        r2.put(victimRef, "secret", "victim data".getBytes(StandardCharsets.UTF_8));
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        List<String> keys = List.of("../secret", "../../" + victim + "/secret", "a/../b", "a/./b", "./x",
                "a//b", "/leading", "trailing/", "//", "~tilde", "a/~b/c", "%2e%2e/secret", "a%2Fb", "a\\..\\b",
                "ünïcode/日本語/ключ", "emoji 😀 key", " spaced . ", "a/ .. /b", "+plus+&amp;?q=1#frag",
                "x".repeat(1024), "é".repeat(512));
        for (String key : keys) {
            byte[] value = ("value of " + key).getBytes(StandardCharsets.UTF_8);
            assertTrue(r2.put(bucket, key, value).getWritten(), key);
            R2Calls.Got got = r2.get(bucket, key);
            assertTrue(got.head().getFound(), key);
            assertEquals(key, got.head().getObject().getKey());
            assertArrayEquals(value, got.body(), key);
        }
        var listed = clients.blocking.list(dev.outpost.contracts.r2.v1.ListRequest.newBuilder().setBucket(bucket)
                .setLimit(1000).build());
        assertEquals(keys.stream().sorted().toList().size(), listed.getObjectsCount());
        assertEquals(new java.util.TreeSet<>(keys),
                new java.util.TreeSet<>(listed.getObjectsList().stream().map(R2Object::getKey).toList()));
        assertArrayEquals("victim data".getBytes(StandardCharsets.UTF_8), r2.get(victimRef, "secret").body(),
                "the other account's object is untouched");
        // "." and ".." alone (S3Proxy's in-memory store cannot hold "x" and "x/y" at once; MinIO can)
        BucketRef dots = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        for (String key : List.of(".", "..")) {
            assertTrue(r2.put(dots, key, key.getBytes(StandardCharsets.UTF_8)).getWritten());
            assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), r2.get(dots, key).body());
        }
        assertR2Error(10020, () -> r2.put(bucket, "", new byte[1]));
        assertR2Error(10020, () -> r2.put(bucket, "y".repeat(1025), new byte[1]));
        assertR2Error(10020, () -> r2.put(bucket, "é".repeat(513), new byte[1]));
    }

    @Test
    void bucketsOfTheSameNameInTwoAccountsAreSeparate() throws Exception {
        String name = "shared-" + Long.toHexString(System.nanoTime());
        clients.createBucket("acct-one", name);
        clients.createBucket("acct-two", name);
        r2.put(GrpcClients.bucket("acct-one", name), "k", "one".getBytes(StandardCharsets.UTF_8));
        assertFalse(r2.get(GrpcClients.bucket("acct-two", name), "k").head().getFound());
        assertR2Error(10006, () -> r2.put(GrpcClients.bucket("acct-three", name), "k", new byte[1]));
    }

    @Test
    void metadataLimitIsEnforced() {
        // R2-9: customMetadata <= 8192 bytes
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        assertR2Error(10012, () -> r2.put(bucket, "m", new byte[1],
                h -> h.putCustomMetadata("big", "v".repeat(8200))));
    }

    @Test
    void callsWithoutAnAccountAreRefused() {
        assertR2Error(10029, () -> clients.blocking.head(HeadRequest.newBuilder()
                .setBucket(BucketRef.newBuilder().setBucket("any")).setKey("k").build()));
    }
}
