package dev.outpost.durableobject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.durableobject.v1.DurableObjectServiceGrpc;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ValidateIdRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DurableObjectServiceTest {

    static ManagedChannel channel;
    static DurableObjectServiceGrpc.DurableObjectServiceBlockingStub service;

    @BeforeAll
    static void connect() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        service = DurableObjectServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void healthIsLiveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void validatesObjectIdsOverGrpc() {
        // DO-3/DO-4: ids are 64 lowercase hex digits
        String good = "a".repeat(64);
        assertTrue(service.validateId(ValidateIdRequest.newBuilder().setObjectId(good).build())
                .getValid());
        var bad = service.validateId(ValidateIdRequest.newBuilder().setObjectId("xyz").build());
        assertFalse(bad.getValid());
        assertEquals("Invalid Durable Object ID: must be 64 hex digits", bad.getReason());
    }

    @Test
    void unbuiltRpcsSayUnimplementedWithACode() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> service.call(ObjectCallRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
        assertEquals("DO_NOT_IMPLEMENTED", OutpostErrors.codeOf(e));
    }
}
