package dev.outpost.gateway.dispatch;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.gateway.v1.ScheduledRequest;
import dev.outpost.contracts.gateway.v1.ScheduledResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchService;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.bindings.queue.QueueBatch;
import dev.outpost.runtime.bindings.queue.QueueBatchResult;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Calls into worker code from other services. {@code DeliverBatch}: queue-service hands a batch to the
 * consumer worker's {@code queue()} handler, run on the deployed version's isolates like any request; the answer
 * carries the handler's outcome and its ack/retry decisions, which queue-service settles. {@code Scheduled} and
 * {@code Fetch} are not served over gRPC yet and answer UNIMPLEMENTED with a code.
 */
@GrpcService
public class WorkerDispatchGrpcService implements WorkerDispatchService {
    private static final Logger LOG = Logger.getLogger(WorkerDispatchGrpcService.class);

    private final DeploymentTable deployments;
    private final WorkerHost host;

    public WorkerDispatchGrpcService(DeploymentTable deployments, WorkerHost host) {
        this.deployments = deployments;
        this.host = host;
    }

    @Override
    public Uni<DeliverBatchResponse> deliverBatch(DeliverBatchRequest request) {
        Optional<ActiveVersion> version = deployments.resolve(request.getWorker().getAccountId(),
                request.getWorker().getScriptName());
        if (version.isEmpty()) {
            return Uni.createFrom().item(DeliverBatchResponse.newBuilder().setOutcome(Outcome.OUTCOME_SCRIPT_NOT_FOUND)
                    .setError("Worker " + request.getWorker().getScriptName() + " is not deployed").build());
        }
        QueueBatch batch = QueueBatchMapping.batch(request, io.opentelemetry.context.Context.current());
        return Uni.createFrom().completionStage(() -> host.worker(version.get().versionId())
                .thenCompose(worker -> worker.queue(batch, Invocation.DEFAULT)))
                .map(QueueBatchMapping::response)
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "Worker %s could not run a queue batch of %s", request.getWorker().getScriptName(),
                            request.getQueueName());
                    return QueueBatchMapping.response(new QueueBatchResult("exception", false, false, null,
                            java.util.List.of(), java.util.Map.of(), String.valueOf(failure.getMessage())));
                });
    }

    @Override
    public Uni<ScheduledResponse> scheduled(ScheduledRequest request) {
        return Uni.createFrom().failure(OutpostErrors.error(Status.Code.UNIMPLEMENTED, "DISPATCH_NOT_IMPLEMENTED",
                "WorkerDispatchService.Scheduled is not served by this gateway yet"));
    }

    @Override
    public Uni<HttpResponse> fetch(WorkerFetchRequest request) {
        return Uni.createFrom().failure(OutpostErrors.error(Status.Code.UNIMPLEMENTED, "DISPATCH_NOT_IMPLEMENTED",
                "WorkerDispatchService.Fetch is not served by this gateway yet"));
    }
}
