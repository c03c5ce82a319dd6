package dev.outpost.gateway.bindings.kv;

import com.google.protobuf.UnsafeByteOperations;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.KeyValue;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import dev.outpost.gateway.bindings.BindingFailures;
import dev.outpost.gateway.bindings.UnaryCalls;
import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvKey;
import dev.outpost.runtime.bindings.KvListPage;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.KvPutOptions;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A worker's KV namespace binding, served by kv-service over gRPC (KV-2..KV-7), with reads answered from the
 * gateway's {@link KvNearCache} while fresh for the reader's cacheTtl (KV-9).
 * <p>
 * Calls go out on {@link KvChannel}'s plain async stub through {@link UnaryCalls} (started on the channel's I/O
 * thread, bounded by the gRPC deadline): a near-cache miss is the hot path of a worker's KV reads.
 */
public final class GrpcKvNamespace implements KvNamespaceBinding {
    private final KvChannel kv;
    private final NamespaceRef namespace;
    private final Duration timeout;
    /**
     * Larger values are not kept in the near cache: its bound counts entries, and 10,000 values of up to
     * 25 MiB each would not fit any heap. Such reads always go to kv-service.
     */
    static final int MAX_CACHED_VALUE_BYTES = 256 * 1024;

    private final KvNearCache<KvEntry> nearCache;
    private final String cachePrefix;

    public GrpcKvNamespace(KvChannel kv, String accountId, String scriptName, String namespaceId, Duration timeout) {
        this(kv, accountId, scriptName, namespaceId, timeout, null);
    }

    /** @param nearCache the gateway's near cache, null to send every read to kv-service */
    public GrpcKvNamespace(KvChannel kv, String accountId, String scriptName, String namespaceId, Duration timeout,
                           KvNearCache<KvEntry> nearCache) {
        this.kv = kv;
        this.nearCache = nearCache;
        this.cachePrefix = KvNearCache.key(accountId, namespaceId, "");
        this.namespace = NamespaceRef.newBuilder()
                .setCaller(Caller.newBuilder().setAccountId(accountId).setScriptName(scriptName))
                .setNamespaceId(namespaceId).build();
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<KvEntry> get(String key, int cacheTtlSeconds) {
        String cacheKey = cachePrefix + key;
        if (nearCache != null) {
            KvNearCache.Hit<KvEntry> hit = nearCache.lookup(cacheKey, cacheTtlSeconds);
            if (hit != null) {
                return CompletableFuture.completedFuture(hit.entry());
            }
        }
        long generation = nearCache == null ? 0 : nearCache.generation();
        return call("GET", deadlined()::get, GetRequest.newBuilder().setNs(namespace).setKey(key)
                .setCacheTtl(cacheTtlSeconds).build(), r -> {
                    KvEntry entry = r.getFound()
                            ? new KvEntry(r.getValue().toByteArray(), r.getMetadataJson().isEmpty() ? null
                                    : r.getMetadataJson(), r.getExpiration())
                            : null;
                    if (nearCache != null && cacheable(entry)) {
                        nearCache.store(cacheKey, entry, generation);
                    }
                    return entry;
                });
    }

    /** KV-3/KV-4: fresh near-cache answers are used; the other keys go out in one GetMany. */
    @Override
    public CompletionStage<List<KvEntry>> getMany(List<String> keys, int cacheTtlSeconds) {
        KvEntry[] out = new KvEntry[keys.size()];
        List<Integer> missing = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            KvNearCache.Hit<KvEntry> hit = nearCache == null ? null : nearCache.lookup(cachePrefix + keys.get(i), cacheTtlSeconds);
            if (hit == null) {
                missing.add(i);
            } else {
                out[i] = hit.entry();
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(java.util.Arrays.asList(out));
        }
        long generation = nearCache == null ? 0 : nearCache.generation();
        GetManyRequest.Builder request = GetManyRequest.newBuilder().setNs(namespace).setCacheTtl(cacheTtlSeconds);
        missing.forEach(i -> request.addKeys(keys.get(i)));
        return call("GET", deadlined()::getMany, request.build(), r -> {
            if (r.getEntriesCount() != missing.size()) {
                throw new IllegalStateException("kv-service answered " + r.getEntriesCount() + " entries for "
                        + missing.size() + " keys");
            }
            for (int j = 0; j < missing.size(); j++) {
                KeyValue kvEntry = r.getEntries(j);
                KvEntry entry = kvEntry.getFound()
                        ? new KvEntry(kvEntry.getValue().toByteArray(), kvEntry.getMetadataJson().isEmpty() ? null
                                : kvEntry.getMetadataJson(), kvEntry.getExpiration())
                        : null;
                int i = missing.get(j);
                out[i] = entry;
                if (nearCache != null && cacheable(entry)) {
                    nearCache.store(cachePrefix + keys.get(i), entry, generation);
                }
            }
            return java.util.Arrays.asList(out);
        });
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] value, KvPutOptions options) {
        // The value is the fresh array the isolate's bridge made for this call and nothing writes it afterwards:
        // wrapping it saves a copy of up to 25 MiB per put.
        PutRequest.Builder put = PutRequest.newBuilder().setNs(namespace).setKey(key)
                .setValue(UnsafeByteOperations.unsafeWrap(value));
        if (options != null) {
            put.setExpiration(options.expiration()).setExpirationTtl(options.expirationTtl());
            if (options.metadataJson() != null) {
                put.setMetadataJson(options.metadataJson());
            }
        }
        return invalidating(key, call("PUT", deadlined()::put, put.build(), r -> null));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return invalidating(key, call("DELETE", deadlined()::delete, DeleteRequest.newBuilder().setNs(namespace)
                .setKey(key).build(), r -> null));
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
        return call("LIST", deadlined()::list, list.build(), r -> {
            List<KvKey> keys = r.getKeysList().stream().map(k -> new KvKey(k.getName(), k.getExpiration(),
                    k.getMetadataJson().isEmpty() ? null : k.getMetadataJson())).toList();
            return new KvListPage(keys, r.getListComplete(), r.getCursor().isEmpty() ? null : r.getCursor());
        });
    }

    private static boolean cacheable(KvEntry entry) {
        return entry == null || entry.value() == null || entry.value().length <= MAX_CACHED_VALUE_BYTES;
    }

    /**
     * A write through this gateway drops the key's cached answer before it goes out and again once it is
     * acknowledged (or failed), so a read that raced the write cannot leave the old value cached.
     */
    private CompletionStage<Void> invalidating(String key, CompletionStage<Void> write) {
        if (nearCache == null) {
            return write;
        }
        String cacheKey = cachePrefix + key;
        nearCache.invalidate(cacheKey);
        return write.whenComplete((ok, failure) -> nearCache.invalidate(cacheKey));
    }

    /** kv-service's stub with this call's deadline (the gateway's binding timeout). */
    private KvServiceGrpc.KvServiceStub deadlined() {
        return kv.stub().withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts {@code method(request)} on the channel's I/O thread; failures read {@code KV <operation> failed: ...}. */
    private <Q, R, T> CompletionStage<T> call(String operation, BiConsumer<Q, StreamObserver<R>> method, Q request,
                                              Function<R, T> map) {
        return UnaryCalls.call(kv.callExecutor(), method, request, map,
                f -> BindingFailures.describe("KV", operation, f));
    }
}
