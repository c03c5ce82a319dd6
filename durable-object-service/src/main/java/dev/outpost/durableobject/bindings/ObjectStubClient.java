package dev.outpost.durableobject.bindings;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.CallFailure;
import dev.outpost.contracts.clients.HttpMessages;
import dev.outpost.contracts.clients.ObjectReplies;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchHead;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.durableobject.hosting.ObjectHost;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.DurableObjectClient;
import io.smallrye.mutiny.Multi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The stubs of a {@code durable_object_namespace} binding inside an object (DO-5 from DO-6 {@code this.env}): the
 * version of the namespace's script deployed now comes from the gateway; an object this shard owns is called in
 * process through {@link ObjectHost} (its events are serialised like any other), one owned by another shard over
 * gRPC, as the gateway's stubs do. Failures on the way reject with {@code .remote = false}; a shard that is down
 * or too slow is marked retryable.
 */
public final class ObjectStubClient implements DurableObjectClient {
    private final ObjectHost host;
    private final ObjectPlacement placement;
    private final ShardChannels shards;
    private final Duration timeout;
    private final String accountId;
    private final String callerScript;
    private final String namespaceId;
    private final String className;

    public ObjectStubClient(ObjectHost host, ObjectPlacement placement, ShardChannels shards, Duration timeout,
                            String accountId, String callerScript, String namespaceId, String className) {
        this.host = host;
        this.placement = placement;
        this.shards = shards;
        this.timeout = timeout;
        this.accountId = accountId;
        this.callerScript = callerScript;
        this.namespaceId = namespaceId;
        this.className = className;
    }

    @Override
    public CompletionStage<WorkerResponse> fetch(String objectId, String name, WorkerRequest request) {
        return address(objectId, name).thenCompose(address -> {
            if (placement.isLocal(objectId)) {
                return host.fetch(address, request);
            }
            ObjectFetchRequest head = ObjectFetchRequest.newBuilder().setHead(ObjectFetchHead.newBuilder()
                    .setAddress(address).setRequest(HttpMessages.request(request, request.body()))).build();
            return shards.shard(placement.owner(objectId), timeout.toMillis()).fetch(Multi.createFrom().item(head))
                    .collect().asList().subscribeAsCompletionStage().thenApply(ObjectReplies::response);
        }).handle((response, failure) -> {
            if (failure != null) {
                throw failed(objectId, failure);
            }
            return response;
        });
    }

    @Override
    public CompletionStage<String> call(String objectId, String name, String member, String argumentsJson) {
        return address(objectId, name).thenCompose(address -> {
            if (placement.isLocal(objectId)) {
                return host.call(address, member, argumentsJson);
            }
            ObjectCallRequest request = ObjectCallRequest.newBuilder().setAddress(address).addPath(member)
                    .setArguments(ByteString.copyFromUtf8(argumentsJson == null ? "" : argumentsJson)).build();
            return shards.shard(placement.owner(objectId), timeout.toMillis()).call(request)
                    .subscribeAsCompletionStage().thenApply(ObjectReplies::outcome);
        }).handle((outcome, failure) -> {
            if (failure != null) {
                throw failed(objectId, failure);
            }
            return outcome;
        });
    }

    private CompletableFuture<ObjectAddress> address(String objectId, String name) {
        return host.currentVersion(accountId, namespaceId).thenApply(version -> ObjectAddress.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(callerScript))
                .setNamespaceId(namespaceId).setClassName(className).setObjectId(objectId)
                .setName(name == null ? "" : name).setScriptVersionId(version).build());
    }

    /** DO-5/DO-15: the service's message; a shard (or the gateway) that is down or too slow is worth retrying. */
    private BindingException failed(String objectId, Throwable failure) {
        CallFailure failed = CallFailure.of(failure);
        if (failed.cause() instanceof BindingException b) {
            return b;
        }
        String message = failed.message();
        if (failed.dropped()) {
            if (!placement.isLocal(objectId)) {
                shards.reconnect(placement.owner(objectId));
            }
            message = "Durable Object service unavailable: " + message;
        }
        return new BindingException((failed.retryable() ? ObjectReplies.RETRYABLE : "") + message, failed.cause());
    }
}
