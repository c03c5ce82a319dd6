package dev.outpost.durableobject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.common.v1.Header;
import dev.outpost.contracts.common.v1.HttpRequest;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.durableobject.v1.DurableObjectServiceGrpc;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchHead;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchResponse;
import dev.outpost.contracts.durableobject.v1.ValidateIdRequest;
import dev.outpost.contracts.placement.RendezvousHash;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * durable-object-service over a real gRPC socket: objects run in a worker-runtime isolate with SQLite storage.
 * The test profile configures two shards with this process as shard 0, so ids hashing to shard 1 must be refused.
 */
@QuarkusTest
@QuarkusTestResource(TestCodeServer.class)
class DurableObjectServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    static ManagedChannel channel;
    static DurableObjectServiceGrpc.DurableObjectServiceBlockingStub service;

    @BeforeAll
    static void connect() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        service = DurableObjectServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void disconnect() {
        channel.shutdownNow();
    }

    private static DurableObjectServiceGrpc.DurableObjectServiceBlockingStub stub() {
        return service.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A fresh random id owned by shard {@code shard} of the two configured. */
    static String idOwnedBy(int shard) {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (RendezvousHash.ownerIndex(id, 2) == shard) {
                return id;
            }
        }
    }

    static ObjectAddress address(String namespace, String id, String name) {
        return ObjectAddress.newBuilder().setCaller(Caller.newBuilder().setAccountId(TestCodeServer.ACCOUNT))
                .setNamespaceId(namespace).setObjectId(id).setName(name == null ? "" : name)
                .setScriptVersionId(TestCodeServer.VERSION).build();
    }

    /** Fetch is a bidirectional stream: the blocking stub cannot call it, so this waits on the async one. */
    static HttpResponse fetch(ObjectAddress address, String path) {
        java.util.concurrent.CompletableFuture<HttpResponse> head = new java.util.concurrent.CompletableFuture<>();
        var requests = DurableObjectServiceGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .fetch(new io.grpc.stub.StreamObserver<ObjectFetchResponse>() {
                    @Override
                    public void onNext(ObjectFetchResponse value) {
                        if (value.hasHead()) {
                            head.complete(value.getHead());
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        head.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        head.completeExceptionally(new IllegalStateException("no head"));
                    }
                });
        requests.onNext(ObjectFetchRequest.newBuilder().setHead(ObjectFetchHead.newBuilder().setAddress(address)
                .setRequest(HttpRequest.newBuilder().setMethod("GET").setUrl("https://do.example" + path))).build());
        requests.onCompleted();
        try {
            return head.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RPC call; the outcome JSON the caller's runtime would decode. */
    static JsonNode call(ObjectAddress address, String method, String encodedArgs) throws Exception {
        var reply = stub().call(ObjectCallRequest.newBuilder().setAddress(address).addPath(method)
                .setArguments(ByteString.copyFromUtf8(encodedArgs)).build());
        return JSON.readTree(reply.getResult().toStringUtf8());
    }

    static final String NO_ARGS = "{\"$\":\"arr\",\"v\":[]}";

    /** Decodes rpc-codec's encoding of plain values (objects, arrays, primitives) for assertions. */
    static JsonNode plain(JsonNode node) {
        if (node.isObject() && node.has("$")) {
            String tag = node.get("$").asText();
            if (tag.equals("arr")) {
                var out = JSON.createArrayNode();
                node.get("v").forEach(n -> out.add(plain(n)));
                return out;
            }
            if (tag.equals("obj")) {
                var out = JSON.createObjectNode();
                node.get("v").fields().forEachRemaining(e -> out.set(e.getKey(), plain(e.getValue())));
                return out;
            }
            if (tag.equals("u")) {
                return JSON.nullNode();
            }
        }
        return node;
    }

    @Test
    void healthIsLiveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void validatesObjectIdsOverGrpc() {
        // DO-3/DO-4: ids are 64 lowercase hex digits
        assertTrue(stub().validateId(ValidateIdRequest.newBuilder().setObjectId("a".repeat(64)).build()).getValid());
        var bad = stub().validateId(ValidateIdRequest.newBuilder().setObjectId("xyz").build());
        assertFalse(bad.getValid());
        assertEquals("Invalid Durable Object ID: must be 64 hex digits", bad.getReason());
    }

    @Test
    void counterKeepsStateAcrossFetchAndRpc() throws Exception {
        // DO-5, DO-6, DO-8: one instance per id; fetch and RPC share its storage; ctx.id.name and env reach it
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), "room-1");
        HttpResponse first = fetch(counter, "/");
        assertEquals(200, first.getStatus());
        JsonNode body = JSON.readTree(first.getBody().toStringUtf8());
        assertEquals(1, body.get("count").asInt());
        assertEquals("room-1", body.get("name").asText());
        assertEquals(counter.getObjectId(), body.get("id").asText());
        assertEquals("hello", body.get("greeting").asText());
        assertEquals(2, JSON.readTree(fetch(counter, "/").getBody().toStringUtf8()).get("count").asInt());
        JsonNode rpc = call(counter, "increment", "{\"$\":\"arr\",\"v\":[5]}");
        assertTrue(rpc.get("ok").asBoolean(), rpc.toString());
        assertEquals(7, rpc.get("value").asInt());
        assertEquals(8, JSON.readTree(fetch(counter, "/").getBody().toStringUtf8()).get("count").asInt());

        // another id of the same namespace has its own state
        ObjectAddress other = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode otherBody = JSON.readTree(fetch(other, "/").getBody().toStringUtf8());
        assertEquals(1, otherBody.get("count").asInt());
        assertTrue(otherBody.get("name").isNull());

        // DO-7: the constructor ran once; blockConcurrencyWhile() finished before the first event
        JsonNode who = plain(call(counter, "whoAmI", NO_ARGS).get("value"));
        assertEquals(1, who.get("activations").asInt());
        assertEquals(0, who.get("loaded").asInt());
    }

    @Test
    void refusesObjectsOwnedByAnotherShard() {
        // placement (DO-13): like D1, a shard never serves an id it does not own and names the owner
        ObjectAddress foreign = address(TestCodeServer.COUNTER_NS, idOwnedBy(1), null);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub().call(ObjectCallRequest.newBuilder().setAddress(foreign).addPath("increment")
                        .setArguments(ByteString.copyFromUtf8(NO_ARGS)).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("DO_NOT_OWNER", OutpostErrors.codeOf(e));
        assertEquals("127.0.0.1:1", e.getTrailers().get(OutpostErrors.OWNER));
        StatusRuntimeException fetchRefused = assertThrows(StatusRuntimeException.class, () -> fetch(foreign, "/"));
        assertEquals(Status.Code.FAILED_PRECONDITION, fetchRefused.getStatus().getCode());
    }

    @Test
    void eventsOfOneObjectAreSerialised() throws Exception {
        // DO-13: read, timer, write in each call: concurrent calls would lose updates if they interleaved
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        var async = DurableObjectServiceGrpc.newFutureStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        List<com.google.common.util.concurrent.ListenableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(async.call(ObjectCallRequest.newBuilder().setAddress(counter).addPath("slowIncrement")
                    .setArguments(ByteString.copyFromUtf8(NO_ARGS)).build()));
        }
        for (var c : calls) {
            c.get(60, TimeUnit.SECONDS);
        }
        assertEquals(21, call(counter, "slowIncrement", NO_ARGS).get("value").asInt());
    }

    @Test
    void storageKvApiHonoursBoundsBatchesAndTransactions() throws Exception {
        // DO-8: get/put/delete single and batched, list bounds, transaction rollback, structured-clone values
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode outcome = call(counter, "kvTour", NO_ARGS);
        assertTrue(outcome.get("ok").asBoolean(), outcome.toString());
        JsonNode r = plain(outcome.get("value"));
        assertEquals("[\"a\",\"b\",\"c\",\"ca\",\"d\",\"e\"]", r.get("listed").toString());
        assertEquals("[[\"a\",1],[\"b\",{\"nested\":[1,2]}]]", r.get("many").toString());
        assertEquals("[\"b\",\"c\",\"ca\"]", r.get("range").toString());
        assertEquals("[\"c\",\"ca\"]", r.get("after").toString());
        assertEquals("[\"c\",\"ca\"]", r.get("prefix").toString());
        assertEquals("[\"e\",\"d\"]", r.get("reversed").toString());
        assertTrue(r.get("deletedOne").asBoolean());
        assertFalse(r.get("deletedMissing").asBoolean());
        assertEquals(2, r.get("deletedMany").asInt());
        assertTrue(r.get("rolledBack").asBoolean());
        assertEquals(2, r.get("committed").asInt());
        assertTrue(r.get("date").asBoolean());
        assertEquals(2, r.get("map").asInt());
        assertEquals("[7,8]", r.get("bytes").toString());
        assertEquals("Maximum number of keys is 128. You passed 129.", r.get("tooMany").asText());
    }

    @Test
    void sqlExecGivesCursors() throws Exception {
        // DO-9: exec with bindings, columnNames, next/raw sharing position, one(), rowsRead/rowsWritten, blobs,
        // several statements in one exec
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode outcome = call(counter, "sqlTour", NO_ARGS);
        assertTrue(outcome.get("ok").asBoolean(), outcome.toString());
        JsonNode r = plain(outcome.get("value"));
        assertEquals(2, r.get("written").asInt());
        assertEquals("[\"name\",\"photo\"]", r.get("columns").toString());
        assertEquals("ada", r.get("firstName").asText());
        assertEquals("[1,2]", r.get("photo").toString());
        assertEquals("[[\"bob\",null]]", r.get("rest").toString());
        assertEquals(2, r.get("rowsRead").asInt());
        assertEquals(2, r.get("one").asInt());
        assertEquals("Expected exactly one result from SQL query, but got multiple results.", r.get("oneError").asText());
        assertTrue(r.get("beginError").asText().contains("transaction()"), r.get("beginError").asText());
        assertTrue(r.get("size").asBoolean());
        // DO-9: a query of several statements runs them all; bindings and cursor belong to the last
        assertEquals("[\"a;b\",\"c\"]", r.get("multiRows").toString());
        assertEquals(2, r.get("multiWritten").asInt());
    }

    @Test
    void objectExceptionsComeBackAsRemoteErrors() throws Exception {
        // DO-5: the object's exception, name and message, no stack
        ObjectAddress counter = address(TestCodeServer.COUNTER_NS, idOwnedBy(0), null);
        JsonNode outcome = call(counter, "fail", NO_ARGS);
        assertFalse(outcome.get("ok").asBoolean());
        assertEquals("TypeError", outcome.get("error").get("name").asText());
        assertEquals("nope", outcome.get("error").get("message").asText());
        // handlers and unknown members are not RPC methods
        assertEquals("The RPC receiver does not implement the method \"alarm\".",
                call(counter, "alarm", NO_ARGS).get("error").get("message").asText());
        // a fetch handler that throws: the error rides in the response for the stub to throw
        HttpResponse boom = fetch(counter, "/boom");
        assertEquals(500, boom.getStatus());
        String marker = boom.getHeadersList().stream().filter(h -> h.getName().equals("outpost-remote-error"))
                .map(Header::getValue).findFirst().orElseThrow();
        String decoded = java.net.URLDecoder.decode(marker, StandardCharsets.UTF_8);
        assertTrue(decoded.contains("RangeError") && decoded.contains("fetch went wrong"), decoded);
    }

    @Test
    void legacyClassesServeFetchButNotRpc() throws Exception {
        // DO-6 legacy: constructor(state, env) + fetch, storage through state.storage, no RPC
        ObjectAddress legacy = address(TestCodeServer.LEGACY_NS, idOwnedBy(0), null);
        assertEquals("legacy 1", fetch(legacy, "/").getBody().toStringUtf8());
        assertEquals("legacy 2", fetch(legacy, "/").getBody().toStringUtf8());
        JsonNode rpc = call(legacy, "notRpc", NO_ARGS);
        assertFalse(rpc.get("ok").asBoolean());
        assertEquals("The RPC receiver does not implement the method \"notRpc\".", rpc.get("error").get("message").asText());
    }

    @Test
    void unknownCodeIsAClearError() {
        ObjectAddress missing = address("99999999-9999-9999-9999-999999999999", idOwnedBy(0), null);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> fetch(missing, "/"));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("DO_CODE_NOT_FOUND", OutpostErrors.codeOf(e));
    }
}
