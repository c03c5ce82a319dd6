package dev.outpost.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.queue.v1.Consumer;
import dev.outpost.contracts.queue.v1.ConsumerSettings;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.contracts.queue.v1.CreateQueueRequest;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import dev.outpost.contracts.queue.v1.PutConsumerRequest;
import dev.outpost.contracts.queue.v1.QueueRef;
import dev.outpost.contracts.queue.v1.QueueServiceGrpc;
import dev.outpost.contracts.queue.v1.SendBatchRequest;
import dev.outpost.contracts.queue.v1.SendRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * queue-service against a real Kafka broker: sends are stored and counted in the backlog, limits are
 * refused with codes, and push delivery (Q-5..Q-8) hands never-empty batches of at most batch_size to
 * the consumer, retries with attempts counted, dead-letters with the same id, waits out delays, and commits so
 * the backlog drains.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBroker.class, restrictToAnnotatedClass = true)
class PushDeliveryKafkaTest {
    static ManagedChannel channel;
    static QueueServiceGrpc.QueueServiceBlockingStub queues;
    static final Caller CALLER = Caller.newBuilder().setAccountId("acct").build();

    @BeforeAll
    static void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", KafkaBroker.SERVICE_PORT).usePlaintext().build();
        queues = QueueServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void disconnect() {
        channel.shutdownNow();
    }

    static QueueServiceGrpc.QueueServiceBlockingStub stub() {
        return queues.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** The registry needs Kafka; the first create waits until the service has connected. */
    static String createQueue(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                return stub().createQueue(CreateQueueRequest.newBuilder().setCaller(CALLER).setQueueName(name).build())
                        .getQueueId();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    static OutgoingMessage text(String body) {
        return OutgoingMessage.newBuilder().setBody(ByteString.copyFromUtf8(body))
                .setContentType(ContentType.CONTENT_TYPE_TEXT).build();
    }

    static QueueRef ref(String name) {
        return QueueRef.newBuilder().setCaller(CALLER).setQueueName(name).build();
    }

    static List<DeliveredMessage> delivered(String queue, Predicate<DeliveredMessage> which) {
        return StandInGateway.BATCHES.stream().filter(b -> b.getQueueName().equals(queue))
                .flatMap(b -> b.getMessagesList().stream()).filter(which).toList();
    }

    static DeliveredMessage await(String queue, Predicate<DeliveredMessage> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<DeliveredMessage> found = delivered(queue, which);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never delivered on " + queue);
    }

    static Predicate<DeliveredMessage> body(String text) {
        return m -> m.getBody().toString(StandardCharsets.UTF_8).equals(text);
    }

    @Test
    void sendsAreStoredDeliveredRetriedAndDeadLettered() throws Exception {
        createQueue("jobs");
        createQueue("jobs-dlq");

        // stored before the answer, counted in the backlog (no consumer yet)
        var first = stub().send(SendRequest.newBuilder().setQueue(ref("jobs")).setMessage(text("a")).build());
        assertEquals(1, first.getMetrics().getBacklogCount());
        var metrics = stub().metrics(ref("jobs"));
        assertEquals(1, metrics.getBacklogCount());
        assertEquals(101, metrics.getBacklogBytes(), "body plus 100 bytes of metadata");
        assertTrue(metrics.getOldestMessageTimestampMs() > 0);
        stub().sendBatch(SendBatchRequest.newBuilder().setQueue(ref("jobs")).addMessages(text("b"))
                .addMessages(text("c")).addMessages(text("retry-me")).addMessages(text("poison"))
                .addMessages(text("later").toBuilder().setDelaySeconds(1)).build());

        // limits with codes
        StatusRuntimeException big = assertThrows(StatusRuntimeException.class, () -> stub().send(SendRequest.newBuilder()
                .setQueue(ref("jobs")).setMessage(text("x".repeat(127_901))).build()));
        assertEquals("QUEUE_MESSAGE_TOO_LARGE", OutpostErrors.codeOf(big));
        var batch = SendBatchRequest.newBuilder().setQueue(ref("jobs"));
        for (int i = 0; i < 101; i++) {
            batch.addMessages(text("m"));
        }
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> stub().sendBatch(batch.build())).getStatus().getCode());
        assertEquals("QUEUE_INVALID_DELAY", OutpostErrors.codeOf(assertThrows(StatusRuntimeException.class,
                () -> stub().send(SendRequest.newBuilder().setQueue(ref("jobs"))
                        .setMessage(text("m").toBuilder().setDelaySeconds(43_201)).build()))));

        // batches of at most 3, waiting at most 200 ms; one retry, then the dead-letter queue
        stub().putConsumer(PutConsumerRequest.newBuilder().setQueue(ref("jobs")).setConsumer(Consumer.newBuilder()
                .setType("worker").setScriptName("w").setDeadLetterQueue("jobs-dlq").setSettings(ConsumerSettings
                        .newBuilder().setBatchSize(3).setMaxWaitTimeMs(200).setMaxRetries(1))).build());
        stub().putConsumer(PutConsumerRequest.newBuilder().setQueue(ref("jobs-dlq")).setConsumer(Consumer.newBuilder()
                .setType("worker").setScriptName("dlq-w").setSettings(ConsumerSettings.newBuilder().setBatchSize(3)
                        .setMaxWaitTimeMs(200))).build());

        DeliveredMessage a = await("jobs", body("a"));
        assertEquals(1, a.getAttempts());
        assertEquals(ContentType.CONTENT_TYPE_TEXT, a.getContentType());
        await("jobs", body("c"));
        // retried once, then acked on the second attempt with the same id and timestamp
        DeliveredMessage retried = await("jobs", body("retry-me").and(m -> m.getAttempts() == 2));
        DeliveredMessage firstTry = await("jobs", body("retry-me").and(m -> m.getAttempts() == 1));
        assertEquals(firstTry.getId(), retried.getId());
        assertEquals(firstTry.getTimestampMs(), retried.getTimestampMs());
        // out of retries → the dead-letter queue, same id, a first attempt there
        DeliveredMessage dead = await("jobs-dlq", body("poison"));
        assertEquals(1, dead.getAttempts());
        assertEquals(await("jobs", body("poison")).getId(), dead.getId());
        // a delayed message arrives, not before its delay
        DeliveredMessage later = await("jobs", body("later"));
        assertTrue(later.getTimestampMs() > 0);

        for (DeliverBatchRequest b : StandInGateway.BATCHES) {
            assertTrue(b.getMessagesCount() >= 1 && b.getMessagesCount() <= 3, "Q-8: never empty, at most batch_size");
            assertEquals("acct", b.getWorker().getAccountId());
        }
        // at-least-once bookkeeping: everything settled is committed, so the backlog drains
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long backlog;
        do {
            Thread.sleep(300);
            backlog = stub().metrics(ref("jobs")).getBacklogCount();
        } while (backlog > 0 && System.nanoTime() < deadline);
        assertEquals(0, backlog);
    }
}
