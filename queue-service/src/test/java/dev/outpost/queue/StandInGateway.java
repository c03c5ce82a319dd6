package dev.outpost.queue;

import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.MessageRetry;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.gateway.v1.ScheduledRequest;
import dev.outpost.contracts.gateway.v1.ScheduledResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchService;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import dev.outpost.contracts.queue.v1.DeliveredMessage;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's WorkerDispatchService as a consumer worker would answer it, served over real gRPC by the test
 * app itself (queue-service's gateway client points at its own port in {@link KafkaBroker}): records every batch
 * and decides per message by its text body — {@code retry-me} is retried on its first attempt, {@code poison}
 * always, {@code boom} makes the whole invocation fail, anything else is left to the outcome (acked).
 */
@GrpcService
public class StandInGateway implements WorkerDispatchService {
    static final List<DeliverBatchRequest> BATCHES = new CopyOnWriteArrayList<>();

    @Override
    public Uni<DeliverBatchResponse> deliverBatch(DeliverBatchRequest request) {
        BATCHES.add(request);
        DeliverBatchResponse.Builder answer = DeliverBatchResponse.newBuilder().setOutcome(Outcome.OUTCOME_OK);
        for (DeliveredMessage m : request.getMessagesList()) {
            String body = m.getBody().toString(StandardCharsets.UTF_8);
            if (body.equals("poison") || (body.equals("retry-me") && m.getAttempts() < 2)) {
                answer.addRetryMessages(MessageRetry.newBuilder().setMessageId(m.getId()));
            } else if (body.equals("boom")) {
                answer.setOutcome(Outcome.OUTCOME_EXCEPTION);
            }
        }
        return Uni.createFrom().item(answer.build());
    }

    @Override
    public Uni<ScheduledResponse> scheduled(ScheduledRequest request) {
        return Uni.createFrom().item(ScheduledResponse.getDefaultInstance());
    }

    @Override
    public Uni<HttpResponse> fetch(WorkerFetchRequest request) {
        return Uni.createFrom().item(HttpResponse.getDefaultInstance());
    }

    @Override
    public Uni<dev.outpost.contracts.gateway.v1.WorkerCallResponse> call(
            dev.outpost.contracts.gateway.v1.WorkerCallRequest request) {
        return Uni.createFrom().item(dev.outpost.contracts.gateway.v1.WorkerCallResponse.getDefaultInstance());
    }
}
