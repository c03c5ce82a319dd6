package dev.outpost.gateway.dispatch;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.clients.HttpMessages;
import dev.outpost.contracts.gateway.v1.WorkerCallRequest;
import dev.outpost.contracts.gateway.v1.WorkerCallResponse;
import dev.outpost.contracts.gateway.v1.WorkerRef;
import dev.outpost.gateway.bindings.service.CallDepth;
import dev.outpost.gateway.bindings.service.LocalServiceBinding;
import dev.outpost.gateway.ingress.RequestIds;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.bindings.BindingCallContext;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.gateway.v1.DeliverBatchRequest;
import dev.outpost.contracts.gateway.v1.DeliverBatchResponse;
import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.gateway.v1.ScheduledRequest;
import dev.outpost.contracts.gateway.v1.ScheduledResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchService;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import dev.outpost.gateway.cron.ScheduledInvoker;
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
 * carries the handler's outcome and its ack/retry decisions, which queue-service settles. {@code Scheduled} runs the
 * worker's {@code scheduled()} handler as the cron runner does. {@code Fetch} and {@code Call} serve the service
 * bindings of Durable Objects (SVC-2/SVC-3), which run in durable-object-service.
 */
@GrpcService
public class WorkerDispatchGrpcService implements WorkerDispatchService {
    private static final Logger LOG = Logger.getLogger(WorkerDispatchGrpcService.class);

    private final DeploymentTable deployments;
    private final WorkerHost host;
    private final ScheduledInvoker scheduled;

    public WorkerDispatchGrpcService(DeploymentTable deployments, WorkerHost host, ScheduledInvoker scheduled) {
        this.deployments = deployments;
        this.host = host;
        this.scheduled = scheduled;
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

    /**
     * CRON-1: the worker's {@code scheduled()} handler, on the same path as the cron runner. An explicit
     * {@code version_id} must be the deployed one (older versions are not kept loaded for this).
     */
    @Override
    public Uni<ScheduledResponse> scheduled(ScheduledRequest request) {
        Optional<ActiveVersion> version = deployments.resolve(request.getWorker().getAccountId(),
                request.getWorker().getScriptName());
        String wanted = request.getWorker().getVersionId();
        if (version.isEmpty() || !wanted.isEmpty() && !wanted.equals(version.get().versionId().toString())) {
            return Uni.createFrom().item(ScheduledResponse.newBuilder().setOutcome(Outcome.OUTCOME_SCRIPT_NOT_FOUND)
                    .setError("Worker " + request.getWorker().getScriptName()
                            + (version.isEmpty() ? " is not deployed" : " does not serve version " + wanted)).build());
        }
        long time = request.getScheduledTimeMs() == 0 ? System.currentTimeMillis() : request.getScheduledTimeMs();
        return Uni.createFrom().completionStage(() -> scheduled.run(version.get(), request.getCron(), time, "grpc",
                        io.opentelemetry.context.Context.current()))
                .map(result -> ScheduledResponse.newBuilder().setOutcome(outcome(result.outcome()))
                        .setNoRetry(result.noRetry()).setError(result.error()).build());
    }

    private static Outcome outcome(String outcome) {
        return switch (outcome) {
            case "ok" -> Outcome.OUTCOME_OK;
            case "exceededCpu" -> Outcome.OUTCOME_EXCEEDED_CPU;
            case "exceededMemory" -> Outcome.OUTCOME_EXCEEDED_MEMORY;
            default -> Outcome.OUTCOME_EXCEPTION;
        };
    }

    /**
     * SVC-2 from a Durable Object (durable-object-service runs objects, the gateway runs workers): the binding's
     * target served as {@link LocalServiceBinding} serves a worker's binding, with the hops behind the call counted
     * for the loop limit. Bodies travel whole.
     */
    @Override
    public Uni<HttpResponse> fetch(WorkerFetchRequest request) {
        var http = request.getRequest();
        WorkerRequest hop = HttpMessages.request(http, http.getBody().toByteArray(), RequestIds.next("svc"), null);
        return Uni.createFrom().completionStage(() -> {
            ServiceBinding binding = binding(request.getWorker(), request.getBinding(), request.getEntrypoint(),
                    request.getPropsJson());
            return BindingCallContext.call(CallDepth.at(io.opentelemetry.context.Context.current(), request.getDepth()),
                            () -> binding.fetch(hop))
                    .thenCompose(response -> HttpMessages.body(response)
                            .thenApply(body -> HttpMessages.response(response, body)));
        }).onFailure(e -> !(e instanceof io.grpc.StatusRuntimeException)).transform(WorkerDispatchGrpcService::notServed);
    }

    /** SVC-3 from a Durable Object: an RPC method of the target's entrypoint, answered as its outcome JSON. */
    @Override
    public Uni<WorkerCallResponse> call(WorkerCallRequest request) {
        RpcCall call = new RpcCall(request.getMember(), request.getArgumentsJson().isEmpty() ? null
                : request.getArgumentsJson(), RequestIds.next("rpc"), null);
        return Uni.createFrom().completionStage(() -> {
            ServiceBinding binding = binding(request.getWorker(), request.getBinding(), request.getEntrypoint(),
                    request.getPropsJson());
            return BindingCallContext.call(CallDepth.at(io.opentelemetry.context.Context.current(), request.getDepth()),
                    () -> binding.call(call));
        }).map(outcome -> WorkerCallResponse.newBuilder().setOutcomeJson(outcome).build())
                .onFailure(e -> !(e instanceof io.grpc.StatusRuntimeException)).transform(WorkerDispatchGrpcService::notServed);
    }

    private ServiceBinding binding(WorkerRef worker, String name, String entrypoint, String propsJson) {
        return new LocalServiceBinding(deployments, host, worker.getAccountId(), name.isEmpty() ? worker.getScriptName()
                : name, worker.getScriptName(), entrypoint.isEmpty() ? null : entrypoint,
                propsJson.isEmpty() ? null : propsJson);
    }

    /** A target that is not deployed (or failed to load): FAILED_PRECONDITION with the binding's message. */
    private static Throwable notServed(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return OutpostErrors.error(Status.Code.FAILED_PRECONDITION, "DISPATCH_TARGET_UNAVAILABLE",
                String.valueOf(cause.getMessage()));
    }
}
