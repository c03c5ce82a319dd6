package dev.outpost.gateway.bindings.durableobject;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.CallFailure;
import dev.outpost.contracts.clients.HttpMessages;
import dev.outpost.contracts.clients.ObjectReplies;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchHead;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.gateway.hosting.ActiveVersion;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.DurableObjectClient;
import io.smallrye.mutiny.Multi;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The stubs of one {@code durable_object_namespace} binding (DO-5): each call goes over gRPC to the shard that owns
 * the object, naming the version of the namespace's script that is deployed now, so the object runs the current
 * code. Failures on the way are errors the stub throws with {@code .remote = false}; transport failures a caller may
 * retry are marked so the stub sets {@code .retryable}.
 */
public final class GrpcDurableObjectClient implements DurableObjectClient {
    private final DurableObjectShards shards;
    private final DeploymentTable deployments;
    private final String accountId;
    private final String callerScript;
    private final String bindingName;
    private final String namespaceId;
    private final String className;
    private final String scriptName;

    public GrpcDurableObjectClient(DurableObjectShards shards, DeploymentTable deployments, String accountId,
                                   String callerScript, String bindingName, String namespaceId, String className,
                                   String scriptName) {
        this.shards = shards;
        this.deployments = deployments;
        this.accountId = accountId;
        this.callerScript = callerScript;
        this.bindingName = bindingName;
        this.namespaceId = namespaceId;
        this.className = className;
        this.scriptName = scriptName;
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(String objectId, String name, WorkerRequest request) {
        ObjectAddress address;
        try {
            address = address(objectId, name);
        } catch (BindingException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectFetchRequest head = ObjectFetchRequest.newBuilder().setHead(ObjectFetchHead.newBuilder()
                .setAddress(address).setRequest(HttpMessages.request(request, request.body()))).build();
        return shards.owner(objectId).fetch(Multi.createFrom().item(head)).collect().asList()
                .subscribeAsCompletionStage()
                .handle((parts, failure) -> {
                    if (failure != null) {
                        throw failed(objectId, failure);
                    }
                    return ObjectReplies.response(parts);
                });
    }

    @Override
    public CompletionStage<String> call(String objectId, String name, String member, String argumentsJson) {
        ObjectAddress address;
        try {
            address = address(objectId, name);
        } catch (BindingException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectCallRequest request = ObjectCallRequest.newBuilder().setAddress(address).addPath(member)
                .setArguments(ByteString.copyFromUtf8(argumentsJson == null ? "" : argumentsJson)).build();
        return shards.owner(objectId).call(request).subscribeAsCompletionStage().handle((reply, failure) -> {
            if (failure != null) {
                throw failed(objectId, failure);
            }
            return ObjectReplies.outcome(reply);
        });
    }

    private ObjectAddress address(String objectId, String name) {
        Optional<ActiveVersion> version = deployments.resolve(accountId, scriptName);
        if (version.isEmpty()) {
            throw new BindingException("Durable Object binding '" + bindingName + "' (class " + className
                    + ") points at worker '" + scriptName + "', which is not deployed.");
        }
        return ObjectAddress.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(callerScript))
                .setNamespaceId(namespaceId).setScriptName(scriptName).setClassName(className)
                .setObjectId(objectId).setName(name == null ? "" : name)
                .setScriptVersionId(version.get().versionId().toString()).build();
    }

    /** DO-5/DO-15: the service's message; a shard that is down or too slow is worth retrying. */
    private BindingException failed(String objectId, Throwable failure) {
        CallFailure failed = CallFailure.of(failure);
        String message = failed.message();
        if (failed.dropped()) {
            shards.reconnect(objectId);
            message = "Durable Object service unavailable: " + message;
        }
        return new BindingException((failed.retryable() ? ObjectReplies.RETRYABLE : "") + message, failed.cause());
    }
}
