package dev.outpost.kv.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.BulkPutRequest;
import dev.outpost.contracts.kv.v1.BulkResponse;
import dev.outpost.contracts.kv.v1.CreateNamespaceRequest;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * KV-5: at most one write per second to the same key (the other test classes run with the limit off, since
 * they rewrite keys at once); KV-3: a bulk get returning more than 25 MB is refused. Real gRPC and REST.
 */
@QuarkusTest
@TestProfile(KvWriteRateAndBulkGetLimitTest.OneWritePerSecond.class)
class KvWriteRateAndBulkGetLimitTest {

    public static class OneWritePerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outpost.kv.write-rate-per-key", "1");
        }
    }

    @GrpcClient("kv")
    KvServiceGrpc.KvServiceBlockingStub kv;

    // KV-5: a second write of a key within a second gets 429 and changes nothing; other keys are not affected.
    @Test
    void secondWriteOfAKeyWithinASecondIsRefusedOverGrpc() throws Exception {
        NamespaceRef ns = newNamespace("acct-" + UUID.randomUUID());
        put(ns, "hot", "first");
        put(ns, "other", "x");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> put(ns, "hot", "second"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode()); // gateway: "KV PUT failed: 429 ..."
        assertEquals("KV_TOO_MANY_REQUESTS", OutpostErrors.codeOf(e));
        assertEquals("Too Many Requests", OutpostErrors.messageOf(e));
        assertEquals("first", get(ns, "hot"));

        Thread.sleep(1100);
        put(ns, "hot", "third");
        assertEquals("third", get(ns, "hot"));
    }

    // KV-5 in bulk: a key written less than a second ago (or twice in one batch) is reported unsuccessful.
    @Test
    void bulkWriteReportsRateLimitedKeysAsUnsuccessful() {
        NamespaceRef ns = newNamespace("acct-" + UUID.randomUUID());
        put(ns, "recent", "v1");
        BulkResponse r = kv.bulkPut(BulkPutRequest.newBuilder().setNs(ns)
                .addEntries(PutRequest.newBuilder().setKey("recent").setValue(utf8("v2")))
                .addEntries(PutRequest.newBuilder().setKey("fresh").setValue(utf8("a")))
                .addEntries(PutRequest.newBuilder().setKey("fresh").setValue(utf8("b"))).build());
        assertEquals(1, r.getSuccessfulKeyCount());
        assertEquals(List.of("recent", "fresh"), r.getUnsuccessfulKeysList());
        assertEquals("v1", get(ns, "recent"));
        assertEquals("a", get(ns, "fresh"));
    }

    // KV-5 over REST: 429 in the Cloudflare envelope.
    @Test
    void restPutOfTheSameKeyTwiceWithinASecondGets429() {
        String account = "acct-" + UUID.randomUUID();
        String base = "/client/v4/accounts/" + account + "/storage/kv/namespaces";
        String ns = given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body("{\"title\":\"rate\"}").post(base).then().statusCode(200).extract().path("result.id");
        String path = base + "/" + ns + "/values/k";
        given().header("Authorization", "Bearer test-token").contentType("application/octet-stream").body("one".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(path).then().statusCode(200);
        given().header("Authorization", "Bearer test-token").contentType("application/octet-stream").body("two".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put(path).then().statusCode(429).body("success", equalTo(false))
                .body("errors.code", contains(10049)).body("errors.message", contains("Too Many Requests"));
        given().header("Authorization", "Bearer test-token").get(path).then().statusCode(200).body(equalTo("one"));
    }

    // KV-3: 100 keys is fine, but not more than 25 MB of values in one bulk get (413 over REST).
    @Test
    void bulkGetOverTwentyFiveMegabytesIsRefused() {
        NamespaceRef ns = newNamespace("acct-" + UUID.randomUUID());
        byte[] big = new byte[13 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("a").setValue(ByteString.copyFrom(big)).build());
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("b").setValue(ByteString.copyFrom(big)).build());
        assertEquals(2, kv.getMany(GetManyRequest.newBuilder().setNs(ns).addKeys("a").addKeys("missing").build())
                .getEntriesCount()); // 13 MiB: under the limit
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> kv.getMany(GetManyRequest.newBuilder().setNs(ns).addKeys("a").addKeys("b").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("KV_RESPONSE_TOO_LARGE", OutpostErrors.codeOf(e));
    }

    private NamespaceRef newNamespace(String account) {
        Caller caller = Caller.newBuilder().setAccountId(account).setScriptName("test").build();
        String id = kv.createNamespace(CreateNamespaceRequest.newBuilder().setCaller(caller)
                .setTitle("ns-" + UUID.randomUUID()).build()).getId();
        return NamespaceRef.newBuilder().setCaller(caller).setNamespaceId(id).build();
    }

    private void put(NamespaceRef ns, String key, String value) {
        kv.put(PutRequest.newBuilder().setNs(ns).setKey(key).setValue(utf8(value)).build());
    }

    private String get(NamespaceRef ns, String key) {
        return kv.get(GetRequest.newBuilder().setNs(ns).setKey(key).build()).getValue().toStringUtf8();
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
