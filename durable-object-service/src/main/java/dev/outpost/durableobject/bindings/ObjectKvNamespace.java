package dev.outpost.durableobject.bindings;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvKey;
import dev.outpost.runtime.bindings.KvListPage;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.KvPutOptions;
import io.grpc.Status;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A KV namespace binding inside a Durable Object (KV-2..KV-7 from DO-6 {@code this.env}): straight to kv-service
 * over gRPC, as the gateway's binding does but without its near cache (an object's reads see kv-service's answer).
 * Failures read as the gateway phrases them: {@code KV GET failed: <status> <text>} (KV-11).
 */
public final class ObjectKvNamespace implements KvNamespaceBinding {
    private final KvService kv;
    private final NamespaceRef namespace;
    private final Duration timeout;

    public ObjectKvNamespace(KvService kv, String accountId, String scriptName, String namespaceId, Duration timeout) {
        this.kv = kv;
        this.namespace = NamespaceRef.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(scriptName))
                .setNamespaceId(namespaceId).build();
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<KvEntry> get(String key, int cacheTtlSeconds) {
        return call("GET", kv.get(GetRequest.newBuilder().setNs(namespace).setKey(key).setCacheTtl(cacheTtlSeconds)
                .build()).map(r -> r.getFound()
                ? new KvEntry(r.getValue().toByteArray(), r.getMetadataJson().isEmpty() ? null : r.getMetadataJson(),
                r.getExpiration())
                : null));
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] value, KvPutOptions options) {
        // the array is the fresh copy the isolate's bridge made for this call: no second copy
        PutRequest.Builder put = PutRequest.newBuilder().setNs(namespace).setKey(key)
                .setValue(UnsafeByteOperations.unsafeWrap(value));
        if (options != null) {
            put.setExpiration(options.expiration()).setExpirationTtl(options.expirationTtl());
            if (options.metadataJson() != null) {
                put.setMetadataJson(options.metadataJson());
            }
        }
        return call("PUT", kv.put(put.build()).replaceWithVoid());
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return call("DELETE", kv.delete(DeleteRequest.newBuilder().setNs(namespace).setKey(key).build())
                .replaceWithVoid());
    }

    @Override
    public CompletionStage<KvListPage> list(String prefix, int limit, String cursor) {
        ListRequest.Builder list = ListRequest.newBuilder().setNs(namespace).setLimit(limit);
        if (prefix != null) {
            list.setPrefix(prefix);
        }
        if (cursor != null) {
            list.setCursor(cursor);
        }
        return call("LIST", kv.list(list.build()).map(r -> {
            List<KvKey> keys = r.getKeysList().stream().map(k -> new KvKey(k.getName(), k.getExpiration(),
                    k.getMetadataJson().isEmpty() ? null : k.getMetadataJson())).toList();
            return new KvListPage(keys, r.getListComplete(), r.getCursor().isEmpty() ? null : r.getCursor());
        }));
    }

    private <T> CompletionStage<T> call(String operation, Uni<T> call) {
        return call.ifNoItem().after(timeout).fail().onFailure().transform(f -> describe(operation, f))
                .subscribeAsCompletionStage();
    }

    /** KV-11: {@code KV <OP> failed: <http status> <text>}; a dead or slow kv-service is 503/504, never a hang. */
    static BindingException describe(String operation, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof io.grpc.StatusRuntimeException)
                && !(cause instanceof io.grpc.StatusException) && !(cause instanceof TimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new BindingException("KV " + operation + " failed: 504 the service did not answer in time");
        }
        Status status = Status.fromThrowable(cause);
        String errorCode = String.valueOf(OutpostErrors.codeOf(cause));
        int http = switch (errorCode) {
            case "KV_KEY_TOO_LONG" -> 414;
            case "KV_VALUE_TOO_LARGE", "KV_METADATA_TOO_LARGE", "KV_RESPONSE_TOO_LARGE" -> 413;
            default -> switch (status.getCode()) {
                case INVALID_ARGUMENT, OUT_OF_RANGE, FAILED_PRECONDITION -> 400;
                case NOT_FOUND -> 404;
                case PERMISSION_DENIED, UNAUTHENTICATED -> 403;
                case RESOURCE_EXHAUSTED -> 429;
                case UNAVAILABLE -> 503;
                case DEADLINE_EXCEEDED -> 504;
                default -> 500;
            };
        };
        String text = status.getCode() == Status.Code.UNAVAILABLE && OutpostErrors.codeOf(cause) == null
                ? "Service Unavailable (" + OutpostErrors.messageOf(cause) + ")" : OutpostErrors.messageOf(cause);
        return new BindingException("KV " + operation + " failed: " + http + " " + text);
    }
}
