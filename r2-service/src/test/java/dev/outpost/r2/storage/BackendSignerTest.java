package dev.outpost.r2.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.minio.Signer;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * The backend requests' own SigV4 signer (R2-1 backend access, issue 6 throughput) must sign exactly what the MinIO
 * client's {@link Signer} signs — the backend only ever sees MinIO-client-shaped requests —, for the request shapes
 * BackendClient sends: object GETs with and without Range/conditional headers, streamed PUTs with metadata, content
 * headers and part query strings, across days (a cached signing key must not outlive its day) and credentials.
 */
class BackendSignerTest {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final BackendSigner signer = new BackendSigner();

    @Test
    void getsAreSignedAsTheMinioClientSignsThem() throws Exception {
        for (String date : List.of("20261129T142000Z", "20261130T000001Z", "20270101T235959Z")) {
            Request plain = get("http://127.0.0.1:19000/outpost-acc1-bench/bench/1048576", date).build();
            assertSame(plain, "us-east-1", "AKID", "secret/key+1", EMPTY);
            Request ranged = get("http://127.0.0.1:19000/outpost-acc1-bench/a%20b/%E2%82%AC/x", date)
                    .header("Range", "bytes=0-99").header("If-None-Match", "\"abc\"")
                    .header("If-Modified-Since", "Sun, 29 Nov 2026 14:20:00 GMT").build();
            assertSame(ranged, "auto", "other", "another secret", EMPTY);
        }
    }

    @Test
    void streamedPutsAreSignedAsTheMinioClientSignsThem() throws Exception {
        Request put = new Request.Builder()
                .url("http://localhost:19000/b/k/with%2Bplus?uploadId=abc%3D&partNumber=3")
                .header("Host", "localhost:19000").header("Accept-Encoding", "identity")
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").header("x-amz-date", "20261129T142000Z")
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("x-amz-meta-note", "  two   spaces  inside ")
                .addHeader("x-amz-meta-multi", "one").addHeader("X-Amz-Meta-Multi", "two")
                .header("Cache-Control", "max-age=60").header("User-Agent", "ignored/1.0")
                .put(RequestBody.create(new byte[0])).build();
        assertSame(put, "us-east-1", "AKID", "s3cr3t", "UNSIGNED-PAYLOAD");
    }

    @Test
    void signatureDependsOnTheSignedParts() throws Exception {
        Request a = get("http://127.0.0.1:19000/b/k", "20261129T142000Z").build();
        Request b = get("http://127.0.0.1:19000/b/k2", "20261129T142000Z").build();
        assertNotEquals(signer.sign(a, "us-east-1", "A", "s", EMPTY).header("Authorization"),
                signer.sign(b, "us-east-1", "A", "s", EMPTY).header("Authorization"));
        assertNotEquals(signer.sign(a, "us-east-1", "A", "s", EMPTY).header("Authorization"),
                signer.sign(a, "us-east-1", "A", "t", EMPTY).header("Authorization"));
    }

    @Test
    void spacesCollapseLikeTheMinioRegex() {
        for (String v : List.of("a", " a ", "a  b", "a   b  c ", "\ta  b\t", "", "   ")) {
            assertEquals(v.replaceAll("( +)", " ").trim(), BackendSigner.collapseSpaces(v), v);
        }
    }

    @Test
    void amzDateIsNowInTheSigV4Form() {
        String d = signer.amzDate();
        assertEquals(16, d.length());
        assertEquals(io.minio.Time.AMZ_DATE_FORMAT.parse(d, java.time.ZonedDateTime::from)
                .format(io.minio.Time.AMZ_DATE_FORMAT), d);
        long diff = Math.abs(java.time.ZonedDateTime.parse(d, io.minio.Time.AMZ_DATE_FORMAT).toEpochSecond()
                - System.currentTimeMillis() / 1000);
        assertEquals(true, diff <= 2, "x-amz-date " + d + " is " + diff + " s off");
    }

    private static Request.Builder get(String url, String date) {
        HttpUrl u = HttpUrl.get(url);
        return new Request.Builder().url(u).get().header("Host", u.host() + ":" + u.port())
                .header("Accept-Encoding", "identity").header("x-amz-content-sha256", EMPTY)
                .header("x-amz-date", date);
    }

    private void assertSame(Request request, String region, String access, String secret, String sha)
            throws Exception {
        String expected = Signer.signV4S3(request, region, access, secret, sha).header("Authorization");
        String actual = signer.sign(request, region, access, secret, sha).header("Authorization");
        assertEquals(expected, actual);
        // and again, now from the cached signing key
        assertEquals(expected, signer.sign(request, region, access, secret, sha).header("Authorization"));
    }
}
