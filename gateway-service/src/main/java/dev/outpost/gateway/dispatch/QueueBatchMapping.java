package dev.outpost.gateway.dispatch;

import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.MessageRetry;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.runtime.bindings.queue.QueueBatch;
import dev.outpost.runtime.bindings.queue.QueueBatchResult;
import java.util.ArrayList;
import java.util.List;

/** DeliverBatch's protobuf ↔ the runtime's {@link QueueBatch} and {@link QueueBatchResult}. */
final class QueueBatchMapping {
    private QueueBatchMapping() {
    }

    static QueueBatch batch(DeliverBatchRequest request, Object attachment) {
        List<QueueBatch.Message> messages = new ArrayList<>(request.getMessagesCount());
        for (DeliveredMessage m : request.getMessagesList()) {
            messages.add(new QueueBatch.Message(m.getId(), m.getTimestampMs(), m.getBody().toByteArray(),
                    contentType(m.getContentType()), Math.max(1, m.getAttempts())));
        }
        return new QueueBatch(request.getQueueName(), messages, "queue-" + request.getQueueName() + "-"
                + Long.toHexString(System.nanoTime()), attachment);
    }

    static String contentType(dev.outpost.contracts.queue.v1.ContentType type) {
        return switch (type) {
            case CONTENT_TYPE_TEXT -> "text";
            case CONTENT_TYPE_BYTES -> "bytes";
            case CONTENT_TYPE_V8 -> "v8";
            default -> "json";
        };
    }

    static DeliverBatchResponse response(QueueBatchResult result) {
        DeliverBatchResponse.Builder b = DeliverBatchResponse.newBuilder().setOutcome(switch (result.outcome()) {
            case "ok" -> Outcome.OUTCOME_OK;
            case "exceededCpu" -> Outcome.OUTCOME_EXCEEDED_CPU;
            case "exceededMemory" -> Outcome.OUTCOME_EXCEEDED_MEMORY;
            default -> Outcome.OUTCOME_EXCEPTION;
        }).setAckAll(result.ackAll()).setRetryAll(result.retryAll()).addAllExplicitAcks(result.acks())
                .setError(result.error() == null ? "" : result.error());
        if (result.retryAllDelaySeconds() != null) {
            b.setRetryAllDelaySeconds(result.retryAllDelaySeconds());
        }
        result.retries().forEach((id, delay) -> {
            MessageRetry.Builder r = MessageRetry.newBuilder().setMessageId(id);
            if (delay != null) {
                r.setDelaySeconds(delay);
            }
            b.addRetryMessages(r);
        });
        return b.build();
    }
}
