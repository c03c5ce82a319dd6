package dev.outpost.r2.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.ListRequest;
import dev.outpost.contracts.r2.v1.ListResponse;
import dev.outpost.contracts.r2.v1.R2Object;
import dev.outpost.r2.support.GrpcClients;
import dev.outpost.r2.support.GrpcTestBase;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R2-7 list semantics over gRPC. */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class R2GrpcListTest extends GrpcTestBase {

    static final String ACCOUNT = "acct-list";

    private BucketRef bucketWith(List<String> keys) throws Exception {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        for (String k : keys) {
            r2.put(bucket, k, k.getBytes(StandardCharsets.UTF_8), h -> h.putCustomMetadata("k", "v-" + k.length())
                    .setHttpMetadata(dev.outpost.contracts.r2.v1.HttpMetadata.newBuilder().setContentType("text/x")));
        }
        return bucket;
    }

    private ListResponse list(BucketRef bucket, ListRequest.Builder b) {
        return clients.blocking.list(b.setBucket(bucket).build());
    }

    private static List<String> keys(ListResponse r) {
        return r.getObjectsList().stream().map(R2Object::getKey).toList();
    }

    @Test
    void listsInOrderWithPrefixAndSlashDelimiter() throws Exception {
        BucketRef bucket = bucketWith(List.of("a.txt", "dir/one", "dir/two", "dir/sub/three", "dirt", "z"));
        assertEquals(List.of("a.txt", "dir/one", "dir/sub/three", "dir/two", "dirt", "z"),
                keys(list(bucket, ListRequest.newBuilder())));
        ListResponse root = list(bucket, ListRequest.newBuilder().setDelimiter("/"));
        assertEquals(List.of("a.txt", "dirt", "z"), keys(root));
        assertEquals(List.of("dir/"), root.getDelimitedPrefixesList(), "prefixes include the delimiter");
        ListResponse dir = list(bucket, ListRequest.newBuilder().setPrefix("dir/").setDelimiter("/"));
        assertEquals(List.of("dir/one", "dir/two"), keys(dir));
        assertEquals(List.of("dir/sub/"), dir.getDelimitedPrefixesList());
        assertEquals(List.of("dir/one", "dir/sub/three", "dir/two", "dirt"),
                keys(list(bucket, ListRequest.newBuilder().setPrefix("dir"))));
        assertFalse(root.getTruncated());
        assertTrue(root.getCursor().isEmpty(), "cursor only when truncated");
    }

    @Test
    void otherDelimitersAreHonoured() throws Exception {
        BucketRef bucket = bucketWith(List.of("2024-01-a", "2024-01-b", "2024-02-a", "2025", "x/y"));
        ListResponse r = list(bucket, ListRequest.newBuilder().setDelimiter("-"));
        assertEquals(List.of("2025", "x/y"), keys(r));
        assertEquals(List.of("2024-"), r.getDelimitedPrefixesList());
        ListResponse months = list(bucket, ListRequest.newBuilder().setPrefix("2024-").setDelimiter("-"));
        assertEquals(List.of("2024-01-", "2024-02-"), months.getDelimitedPrefixesList());
        assertEquals(List.of(), keys(months));
    }

    @Test
    void cursorPagesThroughEverythingExactlyOnce() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(String.format("k%02d", i));
        }
        BucketRef bucket = bucketWith(all);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (true) {
            ListResponse r = list(bucket, ListRequest.newBuilder().setLimit(10).setCursor(cursor));
            assertTrue(r.getObjectsCount() <= 10);
            seen.addAll(keys(r));
            pages++;
            if (!r.getTruncated()) {
                break;
            }
            cursor = r.getCursor();
            assertFalse(cursor.isEmpty());
        }
        assertEquals(all, seen);
        assertEquals(3, pages);
    }

    @Test
    void delimitedPrefixesAreNotRepeatedAcrossPages() throws Exception {
        BucketRef bucket = bucketWith(List.of("a/1", "a/2", "a/3", "b/1", "b/2", "c", "d/1"));
        for (String delimiter : List.of("/", "1")) {
            List<String> items = new ArrayList<>();
            String cursor = "";
            while (true) {
                ListResponse r = list(bucket, ListRequest.newBuilder().setLimit(1).setDelimiter(delimiter).setCursor(cursor));
                items.addAll(keys(r));
                items.addAll(r.getDelimitedPrefixesList());
                if (!r.getTruncated()) {
                    break;
                }
                cursor = r.getCursor();
            }
            if (delimiter.equals("/")) {
                assertEquals(List.of("a/", "b/", "c", "d/"), items);
            } else {
                assertEquals(List.of("a/1", "a/2", "a/3", "b/1", "b/2", "c", "d/1"), items);
            }
        }
    }

    @Test
    void startAfterIsExclusive() throws Exception {
        BucketRef bucket = bucketWith(List.of("a", "b", "c", "d"));
        assertEquals(List.of("c", "d"), keys(list(bucket, ListRequest.newBuilder().setStartAfter("b"))));
        assertEquals(List.of("c", "d"), keys(list(bucket, ListRequest.newBuilder().setStartAfter("bb"))));
    }

    @Test
    void includeAddsMetadataOnlyWhenAsked() throws Exception {
        BucketRef bucket = bucketWith(List.of("m1", "m22"));
        ListResponse bare = list(bucket, ListRequest.newBuilder());
        assertTrue(bare.getObjects(0).getCustomMetadataMap().isEmpty());
        ListResponse custom = list(bucket, ListRequest.newBuilder().setIncludeCustomMetadata(true));
        assertEquals("v-2", custom.getObjects(0).getCustomMetadataOrThrow("k"));
        assertEquals("v-3", custom.getObjects(1).getCustomMetadataOrThrow("k"));
        assertFalse(custom.getObjects(0).getHttpMetadata().hasContentType());
        ListResponse http = list(bucket, ListRequest.newBuilder().setIncludeHttpMetadata(true));
        assertEquals("text/x", http.getObjects(0).getHttpMetadata().getContentType());
        assertTrue(http.getObjects(0).getCustomMetadataMap().isEmpty());
        assertEquals(32, http.getObjects(0).getVersion().length());
    }

    @Test
    void limitOutsideOneToThousandIsInvalidMaxKeys() {
        BucketRef bucket = GrpcClients.bucket(ACCOUNT, newBucket(ACCOUNT));
        assertR2Error(10022, () -> list(bucket, ListRequest.newBuilder().setLimit(1001)));
        assertR2Error(10022, () -> list(bucket, ListRequest.newBuilder().setLimit(-1)));
    }
}
