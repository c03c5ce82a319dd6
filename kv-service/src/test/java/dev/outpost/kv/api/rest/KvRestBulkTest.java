package dev.outpost.kv.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KV-10: multipart PUT (value + metadata) and the bulk endpoints, with their bad-input errors. */
@QuarkusTest
class KvRestBulkTest {

    private final String account = "acct-" + UUID.randomUUID();

    private String base() {
        return "/client/v4/accounts/" + account + "/storage/kv/namespaces";
    }

    private static RequestSpecification authed() {
        return given().header("Authorization", "Bearer test-token").urlEncodingEnabled(false);
    }

    private String createNamespace(String title) {
        return authed().contentType("application/json").body("{\"title\":\"" + title + "\"}").post(base())
                .then().statusCode(200).extract().path("result.id");
    }

    @Test
    void multipartPutStoresValueAndMetadata() {
        String ns = createNamespace("multipart");
        authed().multiPart("value", "file.bin", new byte[]{1, 2, (byte) 250}, "application/octet-stream")
                .multiPart("metadata", "{\"owner\":\"me\"}")
                .put(base() + "/" + ns + "/values/bin%2Fkey?expiration_ttl=120")
                .then().statusCode(200).body("success", equalTo(true)).body("result", nullValue());
        byte[] back = authed().get(base() + "/" + ns + "/values/bin%2Fkey").then().statusCode(200)
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[]{1, 2, (byte) 250}, back);
        authed().get(base() + "/" + ns + "/metadata/bin%2Fkey").then().statusCode(200)
                .body("result.owner", equalTo("me"));
        // a text field as the value works too
        authed().multiPart(new io.restassured.builder.MultiPartSpecBuilder("héllo").controlName("value")
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build()).put(base() + "/" + ns + "/values/text").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals("héllo", new String(authed().get(base() + "/" + ns + "/values/text")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8));
        // bad input: metadata not JSON, metadata too large, no value field; nothing changes
        authed().multiPart("value", "x").multiPart("metadata", "{nope").put(base() + "/" + ns + "/values/bad")
                .then().statusCode(400).body("success", equalTo(false))
                .body("errors[0].message", equalTo("metadata must be JSON text"));
        authed().multiPart("value", "x").multiPart("metadata", "\"" + "m".repeat(1100) + "\"")
                .put(base() + "/" + ns + "/values/bad").then().statusCode(413)
                .body("errors[0].message", containsString("exceeds limit of 1024"));
        authed().multiPart("metadata", "{}").put(base() + "/" + ns + "/values/bad").then().statusCode(400);
        authed().get(base() + "/" + ns + "/values/bad").then().statusCode(404);
    }

    @Test
    void bulkWriteGetAndDelete() {
        String ns = createNamespace("bulk");
        String b64 = java.util.Base64.getEncoder().encodeToString(new byte[]{0, 1, 2});
        authed().contentType("application/json").body("[{\"key\":\"a\",\"value\":\"1\"},"
                + "{\"key\":\"b\",\"value\":\"{\\\"n\\\":2}\",\"metadata\":{\"m\":true},\"expiration_ttl\":3600},"
                + "{\"key\":\"c\",\"value\":\"" + b64 + "\",\"base64\":true}]")
                .put(base() + "/" + ns + "/bulk").then().statusCode(200)
                .body("result.successful_key_count", equalTo(3)).body("result.unsuccessful_keys", empty());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[]{0, 1, 2},
                authed().get(base() + "/" + ns + "/values/c").then().statusCode(200).extract().asByteArray());

        authed().contentType("application/json").body("{\"keys\":[\"a\",\"missing\"]}")
                .post(base() + "/" + ns + "/bulk/get").then().statusCode(200)
                .body("result.values.a", equalTo("1")).body("result.values.missing", nullValue());
        authed().contentType("application/json").body("{\"keys\":[\"b\"],\"type\":\"json\",\"withMetadata\":true}")
                .post(base() + "/" + ns + "/bulk/get").then().statusCode(200)
                .body("result.values.b.value.n", equalTo(2)).body("result.values.b.metadata.m", equalTo(true))
                .body("result.values.b.expiration", org.hamcrest.Matchers.greaterThan(0));
        authed().contentType("application/json").body("{\"keys\":[\"a\"],\"type\":\"arrayBuffer\"}")
                .post(base() + "/" + ns + "/bulk/get").then().statusCode(400)
                .body("errors[0].message", equalTo("\"arrayBuffer\" is not a valid type. Use \"json\" or \"text\""));
        authed().contentType("application/json").body("{\"keys\":[]}").post(base() + "/" + ns + "/bulk/get")
                .then().statusCode(400).body("success", equalTo(false));

        authed().contentType("application/json").body("[\"a\",\"never-there\"]")
                .post(base() + "/" + ns + "/bulk/delete").then().statusCode(200)
                .body("result.successful_key_count", equalTo(2));
        authed().contentType("application/json").body("[\"b\"]").delete(base() + "/" + ns + "/bulk")
                .then().statusCode(200).body("result.successful_key_count", equalTo(1));
        authed().get(base() + "/" + ns + "/keys").then().statusCode(200).body("result.name", contains("c"));
    }

    @Test
    void aBadBulkWriteChangesNothing() {
        String ns = createNamespace("bulk-bad");
        // one oversized key refuses the whole batch
        authed().contentType("application/json").body("[{\"key\":\"ok\",\"value\":\"1\"},{\"key\":\"" + "k".repeat(513)
                        + "\",\"value\":\"2\"}]")
                .put(base() + "/" + ns + "/bulk").then().statusCode(414)
                .body("errors[0].message", equalTo("UTF-8 encoded length of 513 exceeds key length limit of 512."));
        authed().contentType("application/json").body("[{\"key\":\"ok\",\"value\":\"1\",\"expiration_ttl\":1}]")
                .put(base() + "/" + ns + "/bulk").then().statusCode(400)
                // the test profile sets outpost.kv.min-ttl-seconds=2 (60 in production)
                .body("errors[0].message", equalTo("Invalid expiration_ttl of 1. Expiration TTL must be at least 2."));
        authed().contentType("application/json").body("{\"key\":\"ok\"}").put(base() + "/" + ns + "/bulk")
                .then().statusCode(400).body("errors[0].message", equalTo("body must be a JSON array"));
        authed().contentType("application/json").body("[{\"key\":\"ok\",\"value\":\"!!\",\"base64\":true}]")
                .put(base() + "/" + ns + "/bulk").then().statusCode(400);
        authed().contentType("application/json").body("[{\"key\":\"x\",\"value\":\"1\"}]")
                .put(base() + "/nonexistent0000000000000000000000/bulk")
                .then().statusCode(404);
        authed().get(base() + "/" + ns + "/keys").then().statusCode(200).body("result", empty());
    }
}
