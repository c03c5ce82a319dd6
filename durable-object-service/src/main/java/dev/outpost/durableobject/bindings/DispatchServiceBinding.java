package dev.outpost.durableobject.bindings;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.CallFailure;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.clients.HttpMessages;
import dev.outpost.contracts.gateway.v1.WorkerCallRequest;
import dev.outpost.contracts.gateway.v1.WorkerDispatchService;
import dev.outpost.contracts.gateway.v1.WorkerFetchRequest;
import dev.outpost.contracts.gateway.v1.WorkerRef;
import dev.outpost.runtime.RpcCall;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.ServiceBinding;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service binding inside an object (SVC-2/SVC-3 from DO-6 {@code this.env}). Workers run in the gateway, not here,
 * so the call goes to the gateway's {@code WorkerDispatchService} ({@code Fetch}/{@code Call}), which serves it as it
 * serves a worker's own service binding (the deployed version of the target, its entrypoint and props, the loop
 * limit). Bodies travel whole. Failures reject the caller's promise with the gateway's message.
 */
public final class DispatchServiceBinding implements ServiceBinding {
    private final WorkerDispatchService gateway;
    private final WorkerRef target;
    private final String bindingName;
    private final String entrypoint;
    private final String propsJson;
    private final Duration timeout;

    public DispatchServiceBinding(WorkerDispatchService gateway, String accountId, String bindingName, String service,
                                  String entrypoint, String propsJson, Duration timeout) {
        this.gateway = gateway;
        this.target = WorkerRef.newBuilder().setAccountId(accountId).setScriptName(service).build();
        this.bindingName = bindingName;
        this.entrypoint = entrypoint == null ? "" : entrypoint;
        this.propsJson = propsJson == null ? "" : propsJson;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(WorkerRequest request) {
        return HttpMessages.body(request).thenCompose(body -> gateway.fetch(WorkerFetchRequest.newBuilder()
                        .setWorker(target).setBinding(bindingName).setEntrypoint(entrypoint).setPropsJson(propsJson)
                        .setRequest(HttpMessages.request(request, body)).build())
                .ifNoItem().after(timeout).fail()
                .subscribeAsCompletionStage())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw failed("fetch", failure);
                    }
                    return HttpMessages.response(response, response.getBody().toByteArray());
                });
    }

    @Override
    public CompletionStage<String> call(RpcCall call) {
        WorkerCallRequest request = WorkerCallRequest.newBuilder().setWorker(target).setBinding(bindingName)
                .setEntrypoint(entrypoint).setPropsJson(propsJson).setMember(call.member())
                .setArgumentsJson(call.argumentsJson() == null ? "" : call.argumentsJson()).build();
        return gateway.call(request).ifNoItem().after(timeout).fail().subscribeAsCompletionStage()
                .handle((reply, failure) -> {
                    if (failure != null) {
                        throw failed(call.member() + "()", failure);
                    }
                    return reply.getOutcomeJson();
                });
    }

    /** The gateway's own message for a target it cannot serve; else what went wrong on the way. */
    private BindingException failed(String what, Throwable failure) {
        CallFailure failed = CallFailure.of(failure);
        if (OutpostErrors.codeOf(failed.cause()) != null) {
            return new BindingException(failed.message(), failed.cause());
        }
        if (failed.cause() instanceof io.smallrye.mutiny.TimeoutException) {
            return new BindingException("Service binding '" + bindingName + "' " + what
                    + " failed: the gateway did not answer within " + timeout.toMillis() + " ms");
        }
        return new BindingException("Service binding '" + bindingName + "' " + what + " failed: " + failed.message(),
                failed.cause());
    }
}
