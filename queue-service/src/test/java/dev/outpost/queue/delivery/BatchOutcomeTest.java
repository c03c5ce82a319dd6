package dev.outpost.queue.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.MessageRetry;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Q-6 precedence and Q-7 retry delays and dead-lettering, applied to a consumer's answer. */
class BatchOutcomeTest {
    static final QueueRecord.ConsumerRecord CONSUMER = new QueueRecord.ConsumerRecord("c", "worker", "w", "dlq", 10, 2,
            5000, 0, 30, 30_000, 0);

    static StoredMessage message(String id, int attempts) {
        return new StoredMessage(id, 1L, new byte[0], ContentType.CONTENT_TYPE_JSON, attempts, 0);
    }

    @Test
    void q6PerMessageCallsBeatBatchCallsWhichBeatTheOutcome() {
        List<StoredMessage> batch = List.of(message("a", 1), message("b", 1), message("c", 1));
        DeliverBatchResponse answer = DeliverBatchResponse.newBuilder().setOutcome(Outcome.OUTCOME_OK)
                .addExplicitAcks("a").addRetryMessages(MessageRetry.newBuilder().setMessageId("b").setDelaySeconds(9))
                .setRetryAll(true).build();
        List<Settlement> s = BatchOutcome.settle(batch, answer, CONSUMER);
        assertInstanceOf(Settlement.Ack.class, s.get(0));
        assertEquals(9, ((Settlement.Retry) s.get(1)).delaySeconds(), "explicit delay");
        assertEquals(30, ((Settlement.Retry) s.get(2)).delaySeconds(), "retryAll without a delay: the consumer's retry_delay");
    }

    @Test
    void q6SuccessAcksAndAThrowRetriesWhatWasNotDecided() {
        List<StoredMessage> batch = List.of(message("a", 1), message("b", 1));
        assertInstanceOf(Settlement.Ack.class, BatchOutcome.settle(batch,
                DeliverBatchResponse.newBuilder().setOutcome(Outcome.OUTCOME_OK).build(), CONSUMER).get(1));
        List<Settlement> failed = BatchOutcome.settle(batch, DeliverBatchResponse.newBuilder()
                .setOutcome(Outcome.OUTCOME_EXCEPTION).addExplicitAcks("a").build(), CONSUMER);
        assertInstanceOf(Settlement.Ack.class, failed.get(0), "explicitly acked before the throw");
        assertInstanceOf(Settlement.Retry.class, failed.get(1));
    }

    @Test
    void q7MessagesOutOfRetriesAreDeadLettered() {
        // max_retries 2: attempts 1 and 2 are retried, the third failure is the last
        List<StoredMessage> batch = List.of(message("a", 2), message("b", 3));
        List<Settlement> s = BatchOutcome.settle(batch, DeliverBatchResponse.newBuilder()
                .setOutcome(Outcome.OUTCOME_EXCEEDED_CPU).build(), CONSUMER);
        assertInstanceOf(Settlement.Retry.class, s.get(0));
        assertInstanceOf(Settlement.DeadLetter.class, s.get(1));
        assertEquals(1, s.get(1).message().deadLettered().attempts());
        assertEquals("b", s.get(1).message().deadLettered().id());
        assertEquals(4, s.get(1).message().retried(0).attempts());
    }
}
