package dev.outpost.durableobject.bindings;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.CallFailure;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.common.v1.Header;
import dev.outpost.contracts.common.v1.HttpRequest;
import dev.outpost.contracts.common.v1.HttpResponse;
import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.contracts.durableobject.v1.ObjectCallRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchHead;
import dev.outpost.contracts.durableobject.v1.ObjectFetchRequest;
import dev.outpost.contracts.durableobject.v1.ObjectFetchResponse;
import dev.outpost.durableobject.hosting.ObjectHost;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.runtime.WorkerRequest;
import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.DurableObjectClient;
import dev.outpost.runtime.glue.JsonText;
import io.smallrye.mutiny.Multi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /** The prefix durable-objects.js reads as "retryable". */
    static final String RETRYABLE = "[retryable] ";

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
            HttpRequest.Builder http = HttpRequest.newBuilder().setMethod(request.method()).setUrl(request.url())
                    .setBody(ByteString.copyFrom(request.body() == null ? new byte[0] : request.body()));
            for (Map.Entry<String, String> h : request.headers()) {
                http.addHeaders(Header.newBuilder().setName(h.getKey()).setValue(h.getValue()));
            }
            ObjectFetchRequest head = ObjectFetchRequest.newBuilder()
                    .setHead(ObjectFetchHead.newBuilder().setAddress(address).setRequest(http)).build();
            return shards.shard(placement.owner(objectId), timeout.toMillis()).fetch(Multi.createFrom().item(head))
                    .collect().asList().subscribeAsCompletionStage().thenApply(ObjectStubClient::response);
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
                    .subscribeAsCompletionStage().thenApply(reply -> {
                        if (reply.hasError()) {
                            StringBuilder sb = new StringBuilder("{\"ok\":false,\"error\":{\"name\":");
                            JsonText.quote(sb, reply.getError().getName()).append(",\"message\":");
                            JsonText.quote(sb, reply.getError().getMessage()).append("}}");
                            return sb.toString();
                        }
                        return reply.getResult().toString(StandardCharsets.UTF_8);
                    });
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

    private static WorkerResponse response(List<ObjectFetchResponse> parts) {
        HttpResponse head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ObjectFetchResponse part : parts) {
            if (part.hasHead()) {
                head = part.getHead();
                body.writeBytes(head.getBody().toByteArray());
            } else {
                body.writeBytes(part.getChunk().toByteArray());
            }
        }
        if (head == null) {
            throw new BindingException(RETRYABLE + "Durable Object fetch returned no response.");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header h : head.getHeadersList()) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
        }
        return new WorkerResponse(head.getStatus(), head.getStatusText(), headers, body.toByteArray());
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
        return new BindingException((failed.retryable() ? RETRYABLE : "") + message, failed.cause());
    }
}
