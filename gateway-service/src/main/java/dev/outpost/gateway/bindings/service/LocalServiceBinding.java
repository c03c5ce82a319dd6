package dev.outpost.gateway.bindings.service;

import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.WorkerHost;
import dev.outpost.gateway.ingress.ErrorPages;
import dev.outpost.gateway.ingress.RequestIds;
import dev.outpost.runtime.Invocation;
import dev.outpost.runtime.LoadedWorker;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingCallContext;
import dev.outpost.runtime.bindings.ServiceBinding;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service binding (SVC-1..SVC-3) served in process: the target worker's active version is looked up in the
 * deployment table at call time (so a redeploy of the target is picked up) and invoked through the
 * {@link WorkerHost}, never over the network. The target runs on its own isolate with its own limits.
 */
public final class LocalServiceBinding implements ServiceBinding {
    private final DeploymentTable deployments;
    private final WorkerHost host;
    private final String accountId;
    private final String bindingName;
    private final String service;
    private final Invocation invocation;

    public LocalServiceBinding(DeploymentTable deployments, WorkerHost host, String accountId, String bindingName,
            String service, String entrypoint, String propsJson) {
        this.deployments = deployments;
        this.host = host;
        this.accountId = accountId;
        this.bindingName = bindingName;
        this.service = service;
        this.invocation = new Invocation(entrypoint, propsJson, null);
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
        Object attachment = BindingCallContext.attachment();
        if (CallDepth.exceeded(attachment)) {
            return CompletableFuture.completedFuture(ErrorPages.loopLimit(header(request, "accept")));
        }
        WorkerRequest hop = new WorkerRequest(request.method(), request.url(), request.headers(), request.body(),
                RequestIds.next("svc"), CallDepth.next(attachment));
        return target().thenCompose(worker -> worker.fetch(hop, invocation));
    }

    @Override
    public CompletionStage<String> call(RpcCall call) {
        Object attachment = BindingCallContext.attachment();
        if (CallDepth.exceeded(attachment)) {
            return CompletableFuture.completedFuture("{\"ok\":false,\"error\":{\"name\":\"Error\",\"message\":"
                    + "\"Worker hit loop limit (error 1019): a worker cannot call itself or another worker more than "
                    + CallDepth.LIMIT + " times.\"}}");
        }
        RpcCall hop = new RpcCall(call.member(), call.argumentsJson(), RequestIds.next("rpc"), CallDepth.next(attachment));
        return target().thenCompose(worker -> worker.call(hop, invocation));
    }

    private CompletionStage<LoadedWorker> target() {
        Optional<ActiveVersion> version = deployments.resolve(accountId, service);
        if (version.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Service binding '" + bindingName
                    + "' points at worker '" + service + "', which is not deployed."));
        }
        return host.worker(version.get().versionId());
    }

    private static String header(WorkerRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
