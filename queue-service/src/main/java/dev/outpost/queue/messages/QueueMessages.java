package dev.outpost.queue.messages;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import dev.outpost.contracts.queue.v1.QueueMetrics;
import dev.outpost.queue.registry.QueueRecord;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Producing (Q-2..Q-4): checks the limits, gives each message its id, timestamp and delivery time, appends them to
 * the queue's topic and answers with the backlog once Kafka has stored them.
 */
@ApplicationScoped
public class QueueMessages {
    private final MessageLog log;
    private final BacklogMetrics metrics;

    public QueueMessages(MessageLog log, BacklogMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Stores the messages of one send/sendBatch. Q-4 precedence of delays: the message's own, then the
     * send/sendBatch option ({@code batchDelay}), then the producer binding's {@code delivery_delay}, then the queue's.
     */
    public QueueMetrics send(QueueRecord queue, List<OutgoingMessage> messages, Integer batchDelay, Integer producerDelay) {
        SendLimits.checkBatch(messages);
        SendLimits.checkPullable(queue, messages);
        if (batchDelay != null) {
            SendLimits.checkDelay(batchDelay);
        }
        if (producerDelay != null) {
            SendLimits.checkDelay(producerDelay);
        }
        long now = System.currentTimeMillis();
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        for (OutgoingMessage m : messages) {
            int delay = m.hasDelaySeconds() ? m.getDelaySeconds()
                    : batchDelay != null ? batchDelay
                    : producerDelay != null ? producerDelay : queue.deliveryDelay();
            stored.add(new StoredMessage(UUID.randomUUID().toString().replace("-", ""), now, m.getBody().toByteArray(),
                    m.getContentType(), 1, delay == 0 ? 0 : now + delay * 1000L,
                    StoredMessage.FROM_API.equals(m.getSource()) ? StoredMessage.FROM_API : StoredMessage.FROM_WORKER));
        }
        try {
            log.append(queue.topic(), stored);
            // a send answers with the backlog count only; metrics() reads bytes and the oldest timestamp too
            return metrics.count(queue.id(), queue.topic());
        } catch (MessageStorageException e) {
            throw unavailable(e);
        }
    }

    public QueueMetrics metrics(QueueRecord queue) {
        try {
            return metrics.of(queue.id(), queue.topic());
        } catch (MessageStorageException e) {
            throw unavailable(e);
        }
    }

    private static StatusRuntimeException unavailable(MessageStorageException e) {
        return OutpostErrors.error(Status.Code.UNAVAILABLE, "QUEUE_STORAGE_UNAVAILABLE", e.getMessage());
    }
}
