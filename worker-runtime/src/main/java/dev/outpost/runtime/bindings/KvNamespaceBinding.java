package dev.outpost.runtime.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The host side of a {@code KVNamespace} binding (checklist KV-2..KV-7). The gateway implements it with gRPC
 * calls to kv-service; tests implement it in memory. A stage that fails (with {@link BindingException} or any
 * other exception) rejects the JS promise with an Error carrying the exception message.
 * Stages may complete on any thread.
 */
public interface KvNamespaceBinding {
    /** Completes with the entry, or with null when the key is missing or expired. */
    CompletionStage<KvEntry> get(String key, int cacheTtlSeconds);

    /**
     * Bulk get (KV-3/KV-4): one operation for 1..100 keys. Completes with one entry per key, in the order of
     * {@code keys}, null where the key is missing or expired. The default fans out to {@link #get}; the gateway
     * overrides it with one GetMany call.
     */
    default CompletionStage<List<KvEntry>> getMany(List<String> keys, int cacheTtlSeconds) {
        List<CompletableFuture<KvEntry>> each = new ArrayList<>(keys.size());
        for (String key : keys) {
            each.add(get(key, cacheTtlSeconds).toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<KvEntry> out = new ArrayList<>(each.size());
            for (CompletableFuture<KvEntry> f : each) {
                out.add(f.join());
            }
            return out;
        });
    }

    CompletionStage<Void> put(String key, byte[] value, KvPutOptions options);

    CompletionStage<Void> delete(String key);

    /**
     * @param prefix only keys starting with it, null for all
     * @param limit  1..1000
     * @param cursor the cursor of the previous page, null for the first
     */
    CompletionStage<KvListPage> list(String prefix, int limit, String cursor);
}
