package dev.outpost.queue.grpc;

import dev.outpost.contracts.queue.v1.AckRequest;
import dev.outpost.contracts.queue.v1.AckResponse;
import dev.outpost.contracts.queue.v1.Consumer;
import dev.outpost.contracts.queue.v1.ConsumerSettings;
import dev.outpost.contracts.queue.v1.QueueSettings;
import dev.outpost.contracts.queue.v1.PurgeStatus;
import dev.outpost.queue.messages.QueueMessages;
import dev.outpost.queue.messages.QueuePurge;
import dev.outpost.queue.pull.PullConsumers;
import dev.outpost.queue.registry.QueueManagement;
import dev.outpost.queue.registry.QueueRecord;
import io.smallrye.common.annotation.Blocking;
import java.util.List;
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
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The Queues gRPC API. Management (API-8: queues and their consumers, kept in Kafka by {@code QueueRegistry}) and
 * sending (Q-2..Q-4, {@code QueueMessages}), HTTP pull consumers (Q-9: pull and ack, {@code PullConsumers}) and
 * purging ({@code QueuePurge}) are served; push delivery runs on its own ({@code delivery}).
 */
@GrpcService
public class QueueGrpcService implements QueueService {

    private final QueueManagement management;
    private final QueueMessages messages;
    private final PullConsumers pulls;
    private final QueuePurge purges;

    public QueueGrpcService(QueueManagement management, QueueMessages messages, PullConsumers pulls, QueuePurge purges) {
        this.management = management;
        this.messages = messages;
        this.pulls = pulls;
        this.purges = purges;
    }


    @Override
    @Blocking
    public Uni<SendResponse> send(SendRequest request) {
        return answer(() -> SendResponse.newBuilder().setMetrics(messages.send(find(request.getQueue()),
                List.of(request.getMessage()), null,
                request.hasProducerDelaySeconds() ? request.getProducerDelaySeconds() : null)).build());
    }

    @Override
    @Blocking
    public Uni<SendResponse> sendBatch(SendBatchRequest request) {
        return answer(() -> SendResponse.newBuilder().setMetrics(messages.send(find(request.getQueue()),
                request.getMessagesList(), request.hasDelaySeconds() ? request.getDelaySeconds() : null,
                request.hasProducerDelaySeconds() ? request.getProducerDelaySeconds() : null)).build());
    }

    @Override
    @Blocking
    public Uni<QueueMetrics> metrics(QueueRef request) {
        return answer(() -> messages.metrics(find(request)));
    }

    @Override
    @Blocking
    public Uni<PullResponse> pull(PullRequest request) {
        return answer(() -> pulls.pull(find(request.getQueue()), request.getBatchSize(),
                request.getVisibilityTimeoutMs()));
    }

    @Override
    @Blocking
    public Uni<AckResponse> ack(AckRequest request) {
        return answer(() -> pulls.ack(find(request.getQueue()), request.getAcksList(), request.getRetriesList()));
    }

    @Override
    @Blocking
    public Uni<Queue> createQueue(CreateQueueRequest request) {
        return answer(() -> toProto(management.create(request.getCaller().getAccountId(), request.getQueueName(),
                request.getSettings().getDeliveryDelay(), request.getSettings().getMessageRetentionPeriod())));
    }

    @Override
    @Blocking
    public Uni<Queue> getQueue(QueueRef request) {
        return answer(() -> toProto(find(request)));
    }

    @Override
    @Blocking
    public Uni<ListQueuesResponse> listQueues(ListQueuesRequest request) {
        return answer(() -> {
            List<QueueRecord> all = management.list(request.getCaller().getAccountId(), request.getNamesList());
            int perPage = request.getPerPage() <= 0 ? 1000 : request.getPerPage();
            int page = Math.max(1, request.getPage());
            ListQueuesResponse.Builder out = ListQueuesResponse.newBuilder().setTotalCount(all.size());
            all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(q -> out.addQueues(toProto(q)));
            return out.build();
        });
    }

    @Override
    @Blocking
    public Uni<Queue> updateQueue(UpdateQueueRequest request) {
        return answer(() -> toProto(management.update(find(request.getQueue()), request.getQueueName(),
                request.getSettings().getDeliveryDelay(), request.getSettings().getMessageRetentionPeriod(),
                request.getSettings().getDeliveryPaused())));
    }

    @Override
    @Blocking
    public Uni<DeleteQueueResponse> deleteQueue(QueueRef request) {
        return answer(() -> {
            management.delete(find(request));
            return DeleteQueueResponse.getDefaultInstance();
        });
    }

    @Override
    @Blocking
    public Uni<Consumer> putConsumer(PutConsumerRequest request) {
        return answer(() -> {
            Consumer c = request.getConsumer();
            ConsumerSettings s = c.getSettings();
            QueueRecord.ConsumerRecord wanted = new QueueRecord.ConsumerRecord(c.getConsumerId().isEmpty() ? null
                    : c.getConsumerId(), c.getType().isEmpty() ? "worker" : c.getType(), c.getScriptName(),
                    c.getDeadLetterQueue(), s.getBatchSize() == 0 ? 10 : s.getBatchSize(),
                    s.hasMaxRetries() ? s.getMaxRetries() : 3, s.getMaxWaitTimeMs() == 0 ? 5000 : s.getMaxWaitTimeMs(),
                    s.getMaxConcurrency(), s.getRetryDelay(),
                    s.getVisibilityTimeoutMs() == 0 ? 30_000 : s.getVisibilityTimeoutMs(), 0);
            return toProto(management.putConsumer(find(request.getQueue()), wanted));
        });
    }

    @Override
    @Blocking
    public Uni<DeleteQueueResponse> deleteConsumer(DeleteConsumerRequest request) {
        return answer(() -> {
            management.deleteConsumer(find(request.getQueue()), request.getConsumerId());
            return DeleteQueueResponse.getDefaultInstance();
        });
    }

    private QueueRecord find(QueueRef ref) {
        return management.find(ref.getCaller().getAccountId(), ref.getQueueId(), ref.getQueueName());
    }

    private static <T> Uni<T> answer(java.util.function.Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (io.grpc.StatusRuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    static Queue toProto(QueueRecord q) {
        Queue.Builder b = Queue.newBuilder().setQueueId(q.id()).setQueueName(q.name()).setCreatedOnMs(q.createdOnMs())
                .setModifiedOnMs(q.modifiedOnMs()).setSettings(QueueSettings.newBuilder()
                        .setDeliveryDelay(q.deliveryDelay()).setMessageRetentionPeriod(q.messageRetentionPeriod())
                        .setDeliveryPaused(q.deliveryPaused()));
        q.consumers().forEach(c -> b.addConsumers(toProto(c)));
        return b.build();
    }

    static Consumer toProto(QueueRecord.ConsumerRecord c) {
        return Consumer.newBuilder().setConsumerId(c.id()).setType(c.type())
                .setScriptName(c.script() == null ? "" : c.script())
                .setDeadLetterQueue(c.deadLetterQueue() == null ? "" : c.deadLetterQueue())
                .setSettings(ConsumerSettings.newBuilder().setBatchSize(c.batchSize()).setMaxRetries(c.maxRetries())
                        .setMaxWaitTimeMs(c.maxWaitTimeMs()).setMaxConcurrency(c.maxConcurrency())
                        .setRetryDelay(c.retryDelay()).setVisibilityTimeoutMs(c.visibilityTimeoutMs()))
                .build();
    }

    @Override
    @Blocking
    public Uni<DeleteQueueResponse> purge(QueueRef request) {
        return answer(() -> {
            QueueRecord q = find(request);
            // this replica's pull consumer forgets the purged messages at once; others notice the new log start
            pulls.purged(q, purges.purge(q));
            return DeleteQueueResponse.getDefaultInstance();
        });
    }

    @Override
    @Blocking
    public Uni<PurgeStatus> getPurgeStatus(QueueRef request) {
        return answer(() -> purges.status(find(request)));
    }
}
