package dev.outpost.r2.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.r2.support.S3Clients;
import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** SigV4 on the S3 API: presigned URLs work, everything unsigned or mis-signed is refused with S3 XML. */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class S3AuthTest {

    @TestHTTPResource("/")
    URL url;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String bucket;

    @BeforeEach
    void bucket() {
        bucket = "auth-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client s3 = S3Clients.client(url.getPort())) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("obj"), RequestBody.fromString("protected"));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertS3Error(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("xml"));
        assertTrue(r.body().contains("<Code>" + code + "</Code>"), r.body());
        assertTrue(r.body().contains("<RequestId>"), r.body());
        assertTrue(r.body().contains("<Message>"), r.body());
    }

    @Test
    void missingAuthIsAccessDenied() throws Exception {
        assertS3Error(send(HttpRequest.newBuilder(URI.create(url + bucket + "/obj")).GET()), 403, "AccessDenied");
        assertS3Error(send(HttpRequest.newBuilder(URI.create(url.toString())).GET()), 403, "AccessDenied");
        assertS3Error(send(HttpRequest.newBuilder(URI.create(url + bucket + "/new"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))), 403, "AccessDenied");
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (S3Client bad = S3Clients.client(url.getPort(), S3Clients.ACCESS_KEY, "wrong-secret")) {
            S3Exception e = assertThrows(S3Exception.class, () -> bad.getObjectAsBytes(b -> b.bucket(bucket).key("obj")));
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            S3Exception put = assertThrows(S3Exception.class,
                    () -> bad.putObject(b -> b.bucket(bucket).key("evil"), RequestBody.fromString("x")));
            assertEquals(403, put.statusCode());
        }
        try (S3Client unknown = S3Clients.client(url.getPort(), "no-such-key", "whatever")) {
            S3Exception e = assertThrows(S3Exception.class, () -> unknown.listBuckets());
            assertEquals(403, e.statusCode());
            assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void presignedGetAndPutWork() throws Exception {
        try (S3Presigner presigner = S3Clients.presigner(url.getPort())) {
            URL put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("pre/signed.txt"))).url();
            assertEquals(200, send(HttpRequest.newBuilder(put.toURI())
                    .PUT(HttpRequest.BodyPublishers.ofString("via presigned put"))).statusCode());
            URL get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("pre/signed.txt"))).url();
            HttpResponse<String> got = send(HttpRequest.newBuilder(get.toURI()).GET());
            assertEquals(200, got.statusCode());
            assertEquals("via presigned put", got.body());
            // HTTP/2 (h2c upgrade) carries the host differently; the signature must still verify
            HttpResponse<String> h2 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(get.toURI()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("via presigned put", h2.body());

            String tampered = get.toString().replace("pre/signed.txt", "pre/other.txt");
            assertS3Error(send(HttpRequest.newBuilder(URI.create(tampered)).GET()), 403, "SignatureDoesNotMatch");
            URL shortLived = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(g -> g.bucket(bucket).key("pre/signed.txt"))).url();
            Thread.sleep(2100);
            assertS3Error(send(HttpRequest.newBuilder(shortLived.toURI()).GET()), 403, "AccessDenied");
        }
    }

    @Test
    void tamperedAwsChunkedBodyIsRefusedAndNotStored() throws Exception {
        byte[] chunk = "chunk data that will be signed".getBytes(StandardCharsets.UTF_8);
        String path = "/" + bucket + "/chunked";
        for (boolean tamper : List.of(false, true)) {
            String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
            String date = amzDate.substring(0, 8);
            String scope = date + "/auto/s3/aws4_request";
            String host = url.getHost() + ":" + url.getPort();
            String seedMode = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("host", host).add("x-amz-content-sha256", seedMode)
                    .add("x-amz-date", amzDate).add("x-amz-decoded-content-length", Integer.toString(chunk.length));
            String signed = "host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length";
            String canonical = SigV4Verifier.canonicalRequest("PUT", path, List.of(), headers, signed, seedMode, false);
            byte[] key = SigV4Verifier.signingKey(S3Clients.SECRET_KEY, date, "auto", "s3");
            String seed = SigV4Verifier.sign(key, SigV4Verifier.stringToSign(amzDate, scope, canonical));
            String chunkSig = chunkSignature(key, amzDate, scope, seed, chunk);
            String finalSig = chunkSignature(key, amzDate, scope, chunkSig, new byte[0]);
            byte[] sent = chunk.clone();
            if (tamper) {
                sent[0] = 'X';
            }
            StringBuilder body = new StringBuilder();
            body.append(Integer.toHexString(chunk.length)).append(";chunk-signature=").append(chunkSig).append("\r\n")
                    .append(new String(sent, StandardCharsets.UTF_8)).append("\r\n")
                    .append("0;chunk-signature=").append(finalSig).append("\r\n\r\n");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + path))
                    .header("x-amz-content-sha256", seedMode)
                    .header("x-amz-date", amzDate)
                    .header("x-amz-decoded-content-length", Integer.toString(chunk.length))
                    .header("Content-Encoding", "aws-chunked")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + S3Clients.ACCESS_KEY + "/" + scope
                            + ", SignedHeaders=" + signed + ", Signature=" + seed)
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
            try (S3Client s3 = S3Clients.client(url.getPort())) {
                if (tamper) {
                    assertS3Error(r, 403, "SignatureDoesNotMatch");
                    assertArrayEquals(chunk, s3.getObjectAsBytes(b -> b.bucket(bucket).key("chunked")).asByteArray(),
                            "the earlier good upload is untouched");
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                    var stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key("chunked"));
                    assertArrayEquals(chunk, stored.asByteArray());
                    assertEquals(null, stored.response().contentEncoding(), "aws-chunked is not stored as the encoding");
                }
            }
        }
    }

    private static String chunkSignature(byte[] key, String amzDate, String scope, String previous, byte[] data) {
        String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                + SigV4Verifier.EMPTY_SHA256 + "\n" + SigV4Verifier.hex(SigV4Verifier.sha256(data));
        return SigV4Verifier.sign(key, toSign);
    }

    @Test
    void signedPayloadHashMustMatchTheBody() throws Exception {
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String date = amzDate.substring(0, 8);
        String scope = date + "/us-east-1/s3/aws4_request";
        String path = "/" + bucket + "/hashed";
        String claimed = SigV4Verifier.hex(SigV4Verifier.sha256("the real body".getBytes(StandardCharsets.UTF_8)));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("host", url.getHost() + ":" + url.getPort())
                .add("x-amz-content-sha256", claimed).add("x-amz-date", amzDate);
        String signed = "host;x-amz-content-sha256;x-amz-date";
        byte[] key = SigV4Verifier.signingKey(S3Clients.SECRET_KEY, date, "us-east-1", "s3");
        String sig = SigV4Verifier.sign(key, SigV4Verifier.stringToSign(amzDate, scope,
                SigV4Verifier.canonicalRequest("PUT", path, List.of(), headers, signed, claimed, false)));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + path))
                .header("x-amz-content-sha256", claimed).header("x-amz-date", amzDate)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + S3Clients.ACCESS_KEY + "/" + scope
                        + ", SignedHeaders=" + signed + ", Signature=" + sig)
                .PUT(HttpRequest.BodyPublishers.ofString("a different body")));
        assertS3Error(r, 400, "XAmzContentSHA256Mismatch");
        try (S3Client s3 = S3Clients.client(url.getPort())) {
            assertEquals(404, assertThrows(S3Exception.class,
                    () -> s3.headObject(b -> b.bucket(bucket).key("hashed"))).statusCode());
        }
    }

    @Test
    void healthAndRestPathsAreNotShadowedByTheS3Api() throws Exception {
        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(url + "q/health/ready")).GET());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("s3-backend"), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        HttpResponse<String> rest = send(HttpRequest.newBuilder(URI.create(url + "client/v4/accounts/a/r2/buckets")).GET());
        assertEquals(401, rest.statusCode());
        assertTrue(rest.body().contains("\"success\":false"), rest.body());
    }
}
