package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * R2's S3 credentials are API tokens (issue 6): access key id = the token's id, secret access key = the SHA-256 of
 * the token. Real processes: PostgreSQL, S3Proxy, r2-service (S3 API) and the gateway that resolves the keys; a
 * real S3 client (AWS SDK for Java v2) that no one here wrote.
 */
class R2TokenKeysEndToEndTest {
    static final int OFFSET = 8500;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = ItStack.HTTP;

    @TempDir
    static Path state;
    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.S3, Component.R2, Component.GATEWAY)
                .build();
        stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static S3Client s3(String accessKeyId, String secret) {
        return S3Client.builder().endpointOverride(URI.create(stack.url(Component.R2))).region(Region.of("auto"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .forcePathStyle(true).build();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates an API token through the control plane; returns {id, value}. */
    static String[] createToken(String name, String... scopes) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("name", name)
                .set("scopes", JSON.valueToTree(scopes)));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/accounts/"
                        + stack.credentials().accountId() + "/tokens"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode result = JSON.readTree(r.body()).path("result");
        return new String[] {result.path("id").asText(), result.path("value").asText()};
    }

    @Test
    void theLocalTokensKeyPairIsWhatOutpostEnvPrintsAndWorks() throws Exception {
        // bin/outpost env: AWS_ACCESS_KEY_ID = token id (32 hex), AWS_SECRET_ACCESS_KEY = sha256(token)
        String keyId = stack.credentials().apiTokenId().replace("-", "");
        try (S3Client s3 = s3(keyId, sha256(stack.credentials().apiToken()))) {
            s3.createBucket(b -> b.bucket("token-keys"));
            s3.putObject(b -> b.bucket("token-keys").key("hello.txt"), RequestBody.fromString("hi from a token key"));
            assertEquals("hi from a token key",
                    s3.getObjectAsBytes(b -> b.bucket("token-keys").key("hello.txt")).asUtf8String());
        }
    }

    @Test
    void aReadOnlyTokenReadsButCannotWrite() throws Exception {
        String[] admin = {stack.credentials().apiTokenId(), stack.credentials().apiToken()};
        try (S3Client s3 = s3(admin[0], sha256(admin[1]))) {
            s3.createBucket(b -> b.bucket("read-only"));
            s3.putObject(b -> b.bucket("read-only").key("k"), RequestBody.fromString("v"));
        }
        String[] reader = createToken("r2 reader", "r2:read");
        try (S3Client s3 = s3(reader[0], sha256(reader[1]))) {
            assertEquals("v", s3.getObjectAsBytes(b -> b.bucket("read-only").key("k")).asUtf8String());
            assertEquals(1, s3.listObjectsV2(b -> b.bucket("read-only")).contents().size());
            S3Exception denied = assertThrows(S3Exception.class,
                    () -> s3.putObject(b -> b.bucket("read-only").key("k2"), RequestBody.fromString("no")));
            assertEquals(403, denied.statusCode());
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void tokensWithoutAnR2ScopeAndWrongSecretsAreRefused() throws Exception {
        String[] workersOnly = createToken("no r2", "workers:edit");
        try (S3Client s3 = s3(workersOnly[0], sha256(workersOnly[1]))) {
            S3Exception e = assertThrows(S3Exception.class, s3::listBuckets);
            assertEquals(403, e.statusCode());
            assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
        }
        String[] writer = createToken("r2 writer", "r2:edit");
        try (S3Client s3 = s3(writer[0], sha256("not the token"))) {
            S3Exception e = assertThrows(S3Exception.class, s3::listBuckets);
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
        try (S3Client s3 = s3("00000000000000000000000000000000", "whatever")) {
            S3Exception e = assertThrows(S3Exception.class, s3::listBuckets);
            assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
        }
    }
}
