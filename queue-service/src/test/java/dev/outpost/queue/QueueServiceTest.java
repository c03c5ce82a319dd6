package dev.outpost.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.QueueServiceGrpc;
import dev.outpost.contracts.queue.v1.PullRequest;
import dev.outpost.contracts.queue.v1.QueueRef;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs without a Kafka broker: readiness must say so (the integration tests check it with one). */
@QuarkusTest
class QueueServiceTest {
    static ManagedChannel channel;

    @BeforeAll
    static void connect() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    @AfterAll
    static void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void liveButNotReadyWithoutKafka() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("checks.name", hasItem("kafka"));
    }

    @Test
    void pullingAnUnknownQueueIsNotFoundWithACode() {
        // pull answers with a status and an Outpost code the gateway maps to Cloudflare's envelope
        var stub = QueueServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.pull(PullRequest.newBuilder().setQueue(QueueRef.newBuilder().setQueueId("nope")).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("QUEUE_NOT_FOUND", OutpostErrors.codeOf(e));
    }
}
