package dev.outpost.r2.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.r2.v1.Bucket;
import dev.outpost.contracts.r2.v1.CreateBucketRequest;
import dev.outpost.contracts.r2.v1.ListBucketsRequest;
import dev.outpost.r2.support.GrpcClients;
import dev.outpost.r2.support.GrpcTestBase;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bucket management over gRPC (API-7, R2-9 names) and per-account isolation. */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class R2GrpcBucketsTest extends GrpcTestBase {

    @Test
    void bucketLifecycleAndListingArePerAccount() throws Exception {
        String account = "acct-buckets-" + System.nanoTime();
        Bucket created = clients.blocking.createBucket(CreateBucketRequest.newBuilder()
                .setCaller(GrpcClients.caller(account)).setName("photos").setLocationHint("weur").build());
        assertEquals("photos", created.getName());
        assertEquals("WEUR", created.getLocation());
        assertTrue(created.getCreationDateMs() > 0);
        clients.createBucket(account, "archive");
        String longName = "a".repeat(40) + "-long-name-" + "z".repeat(12);
        clients.createBucket(account, longName);
        clients.createBucket("acct-other-" + System.nanoTime(), "photos");

        List<String> names = clients.blocking.listBuckets(ListBucketsRequest.newBuilder()
                .setCaller(GrpcClients.caller(account)).build()).getBucketsList().stream().map(Bucket::getName).toList();
        assertEquals(List.of(longName, "archive", "photos"), names);
        assertEquals(List.of("photos"), clients.blocking.listBuckets(ListBucketsRequest.newBuilder()
                .setCaller(GrpcClients.caller(account)).setStartAfter("archive").build()).getBucketsList().stream()
                .map(Bucket::getName).toList());
        var page = clients.blocking.listBuckets(ListBucketsRequest.newBuilder().setCaller(GrpcClients.caller(account))
                .setLimit(2).build());
        assertEquals(2, page.getBucketsCount());
        assertTrue(page.getTruncated());

        assertEquals("WEUR", clients.blocking.getBucket(GrpcClients.bucket(account, "photos")).getLocation());
        r2.put(GrpcClients.bucket(account, longName), "k", new byte[] {1});
        assertEquals(1, r2.get(GrpcClients.bucket(account, longName), "k").body().length);

        assertR2Error(10004, () -> clients.createBucket(account, "photos"));
        r2.put(GrpcClients.bucket(account, "photos"), "keep", new byte[] {1});
        assertR2Error(10008, () -> clients.blocking.deleteBucket(GrpcClients.bucket(account, "photos")));
        clients.blocking.deleteBucket(GrpcClients.bucket(account, "archive"));
        assertR2Error(10006, () -> clients.blocking.getBucket(GrpcClients.bucket(account, "archive")));
        assertR2Error(10006, () -> clients.blocking.deleteBucket(GrpcClients.bucket(account, "archive")));
        assertFalse(clients.blocking.listBuckets(ListBucketsRequest.newBuilder().setCaller(GrpcClients.caller(account))
                .build()).getBucketsList().stream().anyMatch(b -> b.getName().equals("archive")));
    }

    @Test
    void invalidBucketNamesAreRefused() {
        for (String bad : List.of("ab", "Upper", "under_score", "-lead", "trail-", "a".repeat(64), "dots.not.allowed")) {
            assertR2Error(10005, () -> clients.createBucket("acct-names", bad));
        }
    }
}
