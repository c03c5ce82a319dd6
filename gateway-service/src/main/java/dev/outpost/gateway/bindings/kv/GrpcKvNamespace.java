package dev.outpost.gateway.bindings.kv;

import com.google.protobuf.ByteString;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.gateway.bindings.BindingCalls;
import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvKey;
import dev.outpost.runtime.bindings.KvListPage;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.KvPutOptions;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A worker's KV namespace binding, served by kv-service over gRPC (KV-2..KV-7). */
public final class GrpcKvNamespace implements KvNamespaceBinding {
    private final KvService kv;
    private final NamespaceRef namespace;
    private final Duration timeout;

    public GrpcKvNamespace(KvService kv, String accountId, String scriptName, String namespaceId, Duration timeout) {
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
        PutRequest.Builder put = PutRequest.newBuilder().setNs(namespace).setKey(key)
                .setValue(ByteString.copyFrom(value));
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
        return BindingCalls.start("KV", operation, timeout, call);
    }
}
