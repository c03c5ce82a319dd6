package dev.outpost.runtime;

import dev.outpost.runtime.bindings.BindingException;
import dev.outpost.runtime.bindings.KvEntry;
import dev.outpost.runtime.bindings.KvKey;
import dev.outpost.runtime.bindings.KvListPage;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.KvPutOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A test-only KV namespace. Completes every stage on another thread (as gRPC would); keys starting with
 * {@code fail:} fail with a Cloudflare-style BindingException; keys starting with {@code hang:} never complete.
 */
class InMemoryKv implements KvNamespaceBinding {
    private static final Executor IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-kv-io");
        t.setDaemon(true);
        return t;
    });

    final ConcurrentSkipListMap<String, KvEntry> entries = new ConcurrentSkipListMap<>();
    volatile KvPutOptions lastPutOptions;

    private static <T> CompletionStage<T> async(String key, String op, java.util.function.Supplier<T> work) {
        if (key != null && key.startsWith("hang:")) {
            return new CompletableFuture<>();
        }
        if (key != null && key.startsWith("fail:")) {
            return CompletableFuture.supplyAsync(() -> {
                throw new BindingException("KV " + op + " failed: 503 Service Unavailable");
            }, IO);
        }
        return CompletableFuture.supplyAsync(work, IO);
    }

    @Override
    public CompletionStage<KvEntry> get(String key, int cacheTtlSeconds) {
        return async(key, "GET", () -> entries.get(key));
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] value, KvPutOptions options) {
        return async(key, "PUT", () -> {
            lastPutOptions = options;
            long expiration = options.expirationTtl() > 0 ? System.currentTimeMillis() / 1000 + options.expirationTtl()
                    : options.expiration();
            entries.put(key, new KvEntry(value, options.metadataJson(), expiration));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return async(key, "DELETE", () -> {
            entries.remove(key);
            return null;
        });
    }

    @Override
    public CompletionStage<KvListPage> list(String prefix, int limit, String cursor) {
        return async(prefix, "LIST", () -> {
            List<KvKey> keys = new ArrayList<>();
            Map<String, KvEntry> tail = cursor == null ? entries : entries.tailMap(cursor, false);
            String last = null;
            boolean more = false;
            for (Map.Entry<String, KvEntry> e : tail.entrySet()) {
                if (prefix != null && !e.getKey().startsWith(prefix)) {
                    continue;
                }
                if (keys.size() == limit) {
                    more = true;
                    break;
                }
                keys.add(new KvKey(e.getKey(), e.getValue().expiration(), e.getValue().metadataJson()));
                last = e.getKey();
            }
            return new KvListPage(keys, !more, more ? last : null);
        });
    }
}
