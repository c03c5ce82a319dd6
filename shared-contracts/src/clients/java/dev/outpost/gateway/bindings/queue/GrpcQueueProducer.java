package dev.outpost.gateway.bindings.queue;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.contracts.queue.v1.OutgoingMessage;
import dev.outpost.contracts.queue.v1.QueueMetrics;
import dev.outpost.contracts.queue.v1.QueueRef;
import dev.outpost.contracts.queue.v1.QueueService;
import dev.outpost.contracts.queue.v1.SendBatchRequest;
import dev.outpost.contracts.queue.v1.SendRequest;
import dev.outpost.gateway.bindings.BindingCalls;
import dev.outpost.gateway.bindings.BindingFailures;
import dev.outpost.runtime.bindings.queue.QueueBacklog;
import dev.outpost.runtime.bindings.queue.QueueOutgoingMessage;
import dev.outpost.runtime.bindings.queue.QueueProducerBinding;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A worker's Queue producer binding (Q-1..Q-4), served by queue-service over gRPC: the queue is addressed by name
 * in the worker's account, the binding's {@code delivery_delay} travels with every send, and failures read
 * {@code Queue send failed: <status> <text>}.
 */
public final class GrpcQueueProducer implements QueueProducerBinding {
    private final QueueService queues;
    private final QueueRef queue;
    private final Integer producerDelay;
    private final Duration timeout;

    public GrpcQueueProducer(QueueService queues, String accountId, String scriptName, String queueName,
            Integer producerDelay, Duration timeout) {
        this.queues = queues;
        this.queue = QueueRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(scriptName))
                .setQueueName(queueName).build();
        this.producerDelay = producerDelay;
        this.timeout = timeout;
    }

    static ContentType contentType(String name) {
        return switch (name) {
            case "text" -> ContentType.CONTENT_TYPE_TEXT;
            case "bytes" -> ContentType.CONTENT_TYPE_BYTES;
            case "v8" -> ContentType.CONTENT_TYPE_V8;
            default -> ContentType.CONTENT_TYPE_JSON;
        };
    }

    static OutgoingMessage proto(QueueOutgoingMessage m) {
        OutgoingMessage.Builder b = OutgoingMessage.newBuilder().setBody(UnsafeByteOperations.unsafeWrap(m.body()))
                .setContentType(contentType(m.contentType()));
        if (m.delaySeconds() != null) {
            b.setDelaySeconds(m.delaySeconds());
        }
        return b.build();
    }

    @Override
    public CompletionStage<QueueBacklog> send(QueueOutgoingMessage message) {
        SendRequest.Builder request = SendRequest.newBuilder().setQueue(queue).setMessage(proto(message));
        if (producerDelay != null) {
            request.setProducerDelaySeconds(producerDelay);
        }
        return call("send", queues.send(request.build()).map(r -> backlog(r.getMetrics())));
    }

    @Override
    public CompletionStage<QueueBacklog> sendBatch(List<QueueOutgoingMessage> messages, Integer delaySeconds) {
        SendBatchRequest.Builder request = SendBatchRequest.newBuilder().setQueue(queue);
        messages.forEach(m -> request.addMessages(proto(m)));
        if (delaySeconds != null) {
            request.setDelaySeconds(delaySeconds);
        }
        if (producerDelay != null) {
            request.setProducerDelaySeconds(producerDelay);
        }
        return call("sendBatch", queues.sendBatch(request.build()).map(r -> backlog(r.getMetrics())));
    }

    @Override
    public CompletionStage<QueueBacklog> metrics() {
        return call("metrics", queues.metrics(queue).map(GrpcQueueProducer::backlog));
    }

    private <T> CompletionStage<T> call(String operation, Uni<T> call) {
        return BindingCalls.start(timeout, call, f -> BindingFailures.describe("Queue", operation, f));
    }

    private static QueueBacklog backlog(QueueMetrics m) {
        return new QueueBacklog(m.getBacklogCount(), m.getBacklogBytes(), m.getOldestMessageTimestampMs());
    }
}
