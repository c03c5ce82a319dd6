package dev.outpost.queue.delivery;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchServiceGrpc;
import dev.outpost.contracts.gateway.v1.WorkerRef;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import dev.outpost.queue.messages.StoredMessage;
import dev.outpost.queue.registry.QueueRecord;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands a batch to the consumer worker's {@code queue()} handler through the gateway's
 * {@code WorkerDispatchService.DeliverBatch} and waits for its answer. Blocking: each delivery loop is its
 * own thread.
 */
@ApplicationScoped
public class GatewayDispatch {
    private final WorkerDispatchServiceGrpc.WorkerDispatchServiceBlockingStub gateway;
    private final Duration timeout;

    public GatewayDispatch(@GrpcClient("gateway") WorkerDispatchServiceGrpc.WorkerDispatchServiceBlockingStub gateway,
            @ConfigProperty(name = "outpost.queue.delivery-timeout", defaultValue = "15m") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public DeliverBatchResponse deliver(QueueRecord queue, QueueRecord.ConsumerRecord consumer, List<StoredMessage> batch) {
        DeliverBatchRequest.Builder request = DeliverBatchRequest.newBuilder().setQueueName(queue.name())
                .setWorker(WorkerRef.newBuilder().setAccountId(queue.accountId()).setScriptName(consumer.script()));
        for (StoredMessage m : batch) {
            request.addMessages(DeliveredMessage.newBuilder().setId(m.id()).setTimestampMs(m.timestampMs())
                    .setBody(UnsafeByteOperations.unsafeWrap(m.body())).setContentType(m.contentType())
                    .setAttempts(m.attempts()));
        }
        return gateway.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).deliverBatch(request.build());
    }
}
