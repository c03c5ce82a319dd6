package dev.outpost.r2.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.r2.v1.AbortMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.CompleteMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.CreateMultipartUploadRequest;
import dev.outpost.contracts.r2.v1.HttpMetadata;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.contracts.r2.v1.UploadedPart;
import dev.outpost.r2.support.GrpcClients;
import dev.outpost.r2.support.GrpcTestBase;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R2-8 multipart rules over gRPC. */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class R2GrpcMultipartTest extends GrpcTestBase {

    static final String ACCOUNT = "acct-multipart";
    static final int MIB = 1024 * 1024;

    private String create(BucketRef bucket, String key) {
        return clients.blocking.createMultipartUpload(CreateMultipartUploadRequest.newBuilder().setBucket(bucket)
                .setKey(key).putCustomMetadata("origin", "multipart")
                .setHttpMetadata(HttpMetadata.newBuilder().setContentType("application/x-test")).build()).getUploadId();
    }

    private R2Object complete(BucketRef bucket, String key, String id, List<UploadedPart> parts) {
        return clients.blocking.completeMultipartUpload(CompleteMultipartUploadRequest.newBuilder().setBucket(bucket)
                .setKey(key).setUploadId(id).addAllParts(parts).build());
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void completedUploadIsOneObjectWithMultipartEtagAndMetadata() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        String id = create(bucket, "mp.bin");
        byte[] p1 = random(5 * MIB, 1);
        byte[] p2 = random(5 * MIB, 2);
        byte[] p3 = random(1000, 3);
        UploadedPart u2 = r2.uploadPart(bucket, "mp.bin", id, 2, p2);
        UploadedPart u1 = r2.uploadPart(bucket, "mp.bin", id, 1, random(5 * MIB, 99));
        u1 = r2.uploadPart(bucket, "mp.bin", id, 1, p1); // re-upload replaces the part
        UploadedPart u3 = r2.uploadPart(bucket, "mp.bin", id, 3, p3);
        R2Object o = complete(bucket, "mp.bin", id, List.of(u3, u1, u2)); // any order: taken by part number
        assertEquals(p1.length + p2.length + p3.length, o.getSize());
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] p : List.of(p1, p2, p3)) {
            md5.update(MessageDigest.getInstance("MD5").digest(p));
        }
        assertEquals(HexFormat.of().formatHex(md5.digest()) + "-3", o.getEtag(), "R2-3 multipart etag");
        assertEquals("multipart", o.getCustomMetadataOrThrow("origin"));
        assertEquals("application/x-test", o.getHttpMetadata().getContentType());
        assertEquals(32, o.getVersion().length());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(p1);
        expected.writeBytes(p2);
        expected.writeBytes(p3);
        assertArrayEquals(expected.toByteArray(), r2.get(bucket, "mp.bin").body());
    }

    @Test
    void nonFinalPartsMustBeAtLeastFiveMiBAndEqual() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        String small = create(bucket, "small");
        UploadedPart a = r2.uploadPart(bucket, "small", small, 1, random(1000, 1));
        UploadedPart b = r2.uploadPart(bucket, "small", small, 2, random(1000, 2));
        assertR2Error(10011, () -> complete(bucket, "small", small, List.of(a, b)));

        String unequal = create(bucket, "unequal");
        UploadedPart c = r2.uploadPart(bucket, "unequal", unequal, 1, random(5 * MIB, 1));
        UploadedPart d = r2.uploadPart(bucket, "unequal", unequal, 2, random(5 * MIB + 1, 2));
        UploadedPart e = r2.uploadPart(bucket, "unequal", unequal, 3, random(10, 3));
        assertR2Error(10048, () -> complete(bucket, "unequal", unequal, List.of(c, d, e)));

        // a single small part is a valid upload (the last part may be any size)
        String single = create(bucket, "single");
        UploadedPart only = r2.uploadPart(bucket, "single", single, 1, random(10, 4));
        assertEquals(10, complete(bucket, "single", single, List.of(only)).getSize());
    }

    @Test
    void missingOrWrongPartsAreInvalidPart() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        String id = create(bucket, "k");
        UploadedPart a = r2.uploadPart(bucket, "k", id, 1, random(100, 1));
        assertR2Error(10025, () -> complete(bucket, "k", id,
                List.of(a, UploadedPart.newBuilder().setPartNumber(2).setEtag("abc").build())));
        assertR2Error(10025, () -> complete(bucket, "k", id,
                List.of(UploadedPart.newBuilder().setPartNumber(1).setEtag("0123456789abcdef0123456789abcdef").build())));
        assertR2Error(10025, () -> complete(bucket, "k", id, List.of()));
        assertR2Error(10029, () -> r2.uploadPart(bucket, "k", id, 10001, new byte[1]));
        assertR2Error(10029, () -> r2.uploadPart(bucket, "k", id, 0, new byte[1]));
    }

    @Test
    void unknownAndAbortedUploadsAreNoSuchUpload() throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        assertR2Error(10024, () -> r2.uploadPart(bucket, "k", "no-such-upload", 1, new byte[10]));
        String id = create(bucket, "k");
        r2.uploadPart(bucket, "k", id, 1, new byte[10]);
        clients.blocking.abortMultipartUpload(AbortMultipartUploadRequest.newBuilder().setBucket(bucket).setKey("k")
                .setUploadId(id).build());
        assertR2Error(10024, () -> complete(bucket, "k", id,
                List.of(UploadedPart.newBuilder().setPartNumber(1).setEtag("x").build())));
        assertTrue(!r2.get(bucket, "k").head().getFound());
    }
}
