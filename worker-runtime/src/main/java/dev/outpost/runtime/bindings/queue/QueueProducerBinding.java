package dev.outpost.runtime.bindings.queue;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The host side of a Queue producer binding (Q-1..Q-3). The gateway implements it with gRPC calls to
 * queue-service; tests implement it in memory. queues.js has already checked the content types and encoded the
 * bodies; the implementation checks sizes and delays (queue-service does too) and completes once the messages are
 * durably stored. A failed stage rejects the JS promise with an Error carrying the exception message.
 */
public interface QueueProducerBinding {
    /** one message; {@code delaySeconds} of the message wins over the producer's delay. */
    CompletionStage<QueueBacklog> send(QueueOutgoingMessage message);

    /** 1..100 messages stored together; {@code delaySeconds} (null = unset) applies to those without their own. */
    CompletionStage<QueueBacklog> sendBatch(List<QueueOutgoingMessage> messages, Integer delaySeconds);

    /** {@code metrics()}. */
    CompletionStage<QueueBacklog> metrics();
}
