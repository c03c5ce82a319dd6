package dev.outpost.r2.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minio.MinioAsyncClient;
import io.minio.http.HttpUtils;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Object URLs of backend requests (R2-1 keys taken literally, issue 6 throughput): the bucket's URL is built once by
 * the MinIO client and the object's path appended; the result must equal the MinIO client's own URL (and Host header) for every kind
 * of key (encoded names, slashes, unicode, reserved characters), path-style and virtual-host style.
 */
class BackendClientUrlTest {

    @Test
    void cachedBucketUrlPlusObjectPathIsTheMinioUrl() throws Exception {
        for (String endpoint : List.of("http://127.0.0.1:19000", "http://localhost:9000/", "https://s3.amazonaws.com")) {
            BackendClient client = new BackendClient(MinioAsyncClient.builder().endpoint(endpoint)
                    .credentials("a", "b").region("us-east-1").build());
            for (String bucket : List.of("outpost-acc1-bench", "other-bucket")) {
                for (String key : List.of("k", "a/b/c", "a b", "%2F", "x%2Fy", "€/ü", "trailing/", "a//b",
                        "q?x=1&y#z", "+plus", KeyCodec.encode("../up"), KeyCodec.encode(""),
                        KeyCodec.encode("x".repeat(1024)))) {
                    // twice: the first builds the bucket's URL, the second uses the cached one
                    assertEquals(client.minioObjectUrl(bucket, key), client.objectUrl(bucket, key), key);
                    assertEquals(client.minioObjectUrl(bucket, key), client.objectUrl(bucket, key), key);
                    assertEquals(HttpUtils.getHostHeader(client.minioObjectUrl(bucket, key)), client.hostHeader(bucket),
                            key);
                }
            }
        }
    }
}
