package dev.outpost.queue.grpc;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.queue.v1.AckRequest;
import dev.outpost.contracts.queue.v1.AckResponse;
import dev.outpost.contracts.queue.v1.Consumer;
import dev.outpost.contracts.queue.v1.CreateQueueRequest;
import dev.outpost.contracts.queue.v1.DeleteConsumerRequest;
import dev.outpost.contracts.queue.v1.DeleteQueueResponse;
import dev.outpost.contracts.queue.v1.ListQueuesRequest;
import dev.outpost.contracts.queue.v1.ListQueuesResponse;
import dev.outpost.contracts.queue.v1.PullRequest;
import dev.outpost.contracts.queue.v1.PullResponse;
import dev.outpost.contracts.queue.v1.PutConsumerRequest;
import dev.outpost.contracts.queue.v1.Queue;
import dev.outpost.contracts.queue.v1.QueueMetrics;
import dev.outpost.contracts.queue.v1.QueueRef;
import dev.outpost.contracts.queue.v1.QueueService;
import dev.outpost.contracts.queue.v1.SendBatchRequest;
import dev.outpost.contracts.queue.v1.SendRequest;
import dev.outpost.contracts.queue.v1.SendResponse;
import dev.outpost.contracts.queue.v1.UpdateQueueRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The Queues gRPC API. Queues on Kafka are not built yet — no issue covers them so far — so every
 * RPC answers UNIMPLEMENTED with a code a caller can test for, rather than pretending to work.
 */
@GrpcService
public class QueueGrpcService implements QueueService {

    private static <T> Uni<T> notYet() {
        return Uni.createFrom().failure(OutpostErrors.error(Status.Code.UNIMPLEMENTED, "QUEUE_NOT_IMPLEMENTED",
                "Queues are not available in this version of Outpost"));
    }

    @Override
    public Uni<SendResponse> send(SendRequest request) {
        return notYet();
    }

    @Override
    public Uni<SendResponse> sendBatch(SendBatchRequest request) {
        return notYet();
    }

    @Override
    public Uni<QueueMetrics> metrics(QueueRef request) {
        return notYet();
    }

    @Override
    public Uni<PullResponse> pull(PullRequest request) {
        return notYet();
    }

    @Override
    public Uni<AckResponse> ack(AckRequest request) {
        return notYet();
    }

    @Override
    public Uni<Queue> createQueue(CreateQueueRequest request) {
        return notYet();
    }

    @Override
    public Uni<Queue> getQueue(QueueRef request) {
        return notYet();
    }

    @Override
    public Uni<ListQueuesResponse> listQueues(ListQueuesRequest request) {
        return notYet();
    }

    @Override
    public Uni<Queue> updateQueue(UpdateQueueRequest request) {
        return notYet();
    }

    @Override
    public Uni<DeleteQueueResponse> deleteQueue(QueueRef request) {
        return notYet();
    }

    @Override
    public Uni<Consumer> putConsumer(PutConsumerRequest request) {
        return notYet();
    }

    @Override
    public Uni<DeleteQueueResponse> deleteConsumer(DeleteConsumerRequest request) {
        return notYet();
    }

    @Override
    public Uni<DeleteQueueResponse> purge(QueueRef request) {
        return notYet();
    }
}
