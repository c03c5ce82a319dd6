package dev.outpost.kv.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outpost.kv.config.KvConfig;
import dev.outpost.kv.error.KvError;
import dev.outpost.kv.error.KvErrors;
import dev.outpost.kv.error.KvException;
import dev.outpost.kv.model.BulkResult;
import dev.outpost.kv.model.KeyInfo;
import dev.outpost.kv.model.KeyLookup;
import dev.outpost.kv.model.KeyPage;
import dev.outpost.kv.model.KvValue;
import dev.outpost.kv.model.NamespaceInfo;
import dev.outpost.kv.model.NamespacePage;
import dev.outpost.kv.model.NamespaceQuery;
import dev.outpost.kv.model.PutEntry;
import dev.outpost.kv.storage.IndexEntry;
import dev.outpost.kv.storage.KvDataStore;
import dev.outpost.kv.storage.NamespaceRecord;
import dev.outpost.kv.storage.NamespaceStore;
import dev.outpost.kv.storage.StoredValue;
import dev.outpost.kv.storage.WriteBatcher;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * Workers KV: the one service both transports (gRPC, REST) translate to. It owns the rules: which account
 * may touch which namespace, the limits of {@link KvLimits}, expiration, list paging. Storage does the rest.
 *
 * <p>Every data call first resolves the namespace and checks that it belongs to the calling account; a
 * namespace of another account is reported exactly like a missing one, so ids cannot be probed.
 *
 * <p>Spans: calls that change namespaces or touch many keys have a span of their own ({@code @WithSpan});
 * the single-key get, put and delete — the hot path — are covered by the transport's server span alone,
 * which already names the call (a second span per call cost several percent of request CPU).
 */
@ApplicationScoped
public class KvStore {

    private static final Pattern NAMESPACE_ID = Pattern.compile("[0-9a-f]{32}");

    private final NamespaceStore namespaces;
    private final KvDataStore data;
    private final KvLimits limits;
    private final Clock clock;
    private final int maxNamespacesPerAccount;
    private final KeyWriteRateLimiter writeRate;
    private final WriteBatcher writes;

    public KvStore(NamespaceStore namespaces, KvDataStore data, WriteBatcher writes, KvConfig config, Clock clock) {
        this.namespaces = namespaces;
        this.data = data;
        this.writes = writes;
        this.limits = new KvLimits(config.minTtlSeconds());
        this.clock = clock;
        this.maxNamespacesPerAccount = config.maxNamespacesPerAccount();
        this.writeRate = new KeyWriteRateLimiter(config.writeRatePerKey());
    }

    // ---- namespaces (KV-10) ----

    @WithSpan
    public NamespaceInfo createNamespace(String accountId, String title) {
        requireAccount(accountId);
        limits.checkTitle(title);
        return info(namespaces.create(accountId, title, maxNamespacesPerAccount, clock.millis()));
    }

    @WithSpan
    public NamespaceInfo getNamespace(String accountId, String namespaceId) {
        return info(owned(accountId, namespaceId));
    }

    @WithSpan
    public NamespacePage listNamespaces(String accountId, NamespaceQuery query) {
        requireAccount(accountId);
        int page = query.page() == 0 ? 1 : query.page();
        int perPage = query.perPage() == 0 ? 20 : query.perPage();
        if (page < 1 || perPage < 1 || perPage > 1000) {
            throw new KvException(KvError.BAD_REQUEST, "page must be at least 1 and per_page between 1 and 1000");
        }
        String order = query.order() == null || query.order().isEmpty() ? "id" : query.order();
        String direction = query.direction() == null || query.direction().isEmpty() ? "asc" : query.direction();
        Comparator<NamespaceRecord> comparator = switch (order) {
            case "id" -> Comparator.comparing(NamespaceRecord::id);
            case "title" -> Comparator.comparing(NamespaceRecord::title).thenComparing(NamespaceRecord::id);
            default -> throw new KvException(KvError.BAD_REQUEST, "order must be \"id\" or \"title\"");
        };
        comparator = switch (direction) {
            case "asc" -> comparator;
            case "desc" -> comparator.reversed();
            default -> throw new KvException(KvError.BAD_REQUEST, "direction must be \"asc\" or \"desc\"");
        };
        List<NamespaceRecord> all = new ArrayList<>(namespaces.forAccount(accountId));
        all.sort(comparator);
        long from = (long) (page - 1) * perPage;
        List<NamespaceInfo> slice = all.stream().skip(from).limit(perPage).map(KvStore::info).toList();
        return new NamespacePage(slice, page, perPage, all.size());
    }

    @WithSpan
    public NamespaceInfo renameNamespace(String accountId, String namespaceId, String title) {
        owned(accountId, namespaceId);
        limits.checkTitle(title);
        return info(namespaces.rename(accountId, namespaceId, title));
    }

    /** Deletes the namespace and then all of its keys. */
    @WithSpan
    public void deleteNamespace(String accountId, String namespaceId) {
        owned(accountId, namespaceId);
        namespaces.delete(accountId, namespaceId);
        data.purge(namespaceId, nowSeconds());
    }

    // ---- keys and values ----

    /** KV-2: the live value, or empty when the key is missing or expired. */
    public Optional<KvValue> get(String accountId, String namespaceId, String key) {
        owned(accountId, namespaceId);
        limits.checkKey(key);
        return Optional.ofNullable(data.get(namespaceId, key, nowSeconds())).map(KvStore::value);
    }

    /**
     * KV-2 without blocking the caller (the gRPC event loop): the namespace record and the value are read with
     * Infinispan's asynchronous reads, which complete at once for entries in memory and otherwise on
     * Infinispan's own threads (store or remote reads) — no hop to a worker thread.
     */
    public CompletableFuture<Optional<KvValue>> getAsync(String accountId, String namespaceId, String key) {
        try {
            requireAccount(accountId);
            requireNamespaceId(namespaceId);
            limits.checkKey(key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return namespaces.findAsync(namespaceId).thenCompose(ns -> {
            if (ns.isEmpty() || !ns.get().accountId().equals(accountId)) {
                throw KvException.namespaceNotFound();
            }
            return data.getAsync(namespaceId, key, nowSeconds());
        }).thenApply(v -> Optional.ofNullable(v).map(KvStore::value)).toCompletableFuture();
    }

    /** KV-3/KV-4: 1..100 keys in one read; the result follows the request order. */
    @WithSpan
    public List<KeyLookup> getMany(String accountId, String namespaceId, List<String> keys) {
        owned(accountId, namespaceId);
        limits.checkGetManyCount(keys.size());
        keys.forEach(limits::checkKey);
        Map<String, StoredValue> found = data.getAll(namespaceId, keys, nowSeconds());
        long bytes = 0;
        for (StoredValue v : found.values()) {
            bytes += v.value().length + (v.metadataJson() == null ? 0 : v.metadataJson().length());
        }
        limits.checkGetManyBytes(bytes);
        List<KeyLookup> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            StoredValue v = found.get(key);
            out.add(new KeyLookup(key, v == null ? null : value(v)));
        }
        return out;
    }

    /** KV-5: validate everything, then write; a refused write changes nothing. Returns once committed. */
    public void put(String accountId, String namespaceId, PutEntry entry) {
        await(putAsync(accountId, namespaceId, entry));
    }

    /**
     * KV-5, without blocking the caller: checks the request, then queues the write for the namespace's next
     * group commit ({@link WriteBatcher}); completes when it is committed. Ownership of the namespace is
     * checked on the writer thread (it may need a cache read from another node), right before the batch.
     */
    public CompletableFuture<Void> putAsync(String accountId, String namespaceId, PutEntry entry) {
        try {
            requireAccount(accountId);
            requireNamespaceId(namespaceId);
            long nowMillis = clock.millis();
            StoredValue value = validated(entry, nowMillis / 1000);
            writeRate.acquire(namespaceId, entry.key(), nowMillis);
            return writes.submit(namespaceId, entry.key(), value, () -> owned(accountId, namespaceId))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            writeRate.release(namespaceId, entry.key(), nowMillis);
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** KV-6: deleting a missing key is fine. */
    public void delete(String accountId, String namespaceId, String key) {
        await(deleteAsync(accountId, namespaceId, key));
    }

    /** KV-6 through the namespace's group commit, like {@link #putAsync}. */
    public CompletableFuture<Void> deleteAsync(String accountId, String namespaceId, String key) {
        try {
            requireAccount(accountId);
            requireNamespaceId(namespaceId);
            limits.checkKey(key);
            return writes.submit(namespaceId, key, null, () -> owned(accountId, namespaceId));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** KV-7: keys with {@code prefix} in UTF-8 order, {@code limit} (0 = 1000) per page, continued by cursor. */
    @WithSpan
    public KeyPage list(String accountId, String namespaceId, String prefix, int limit, String cursor) {
        owned(accountId, namespaceId);
        String safePrefix = prefix == null ? "" : prefix;
        limits.checkKeyLength(safePrefix);
        int pageSize = limits.listLimit(limit);
        String after = ListCursor.decode(cursor);
        KvDataStore.ListSlice slice = data.list(namespaceId, safePrefix, after, pageSize, nowSeconds());
        List<KeyInfo> keys = new ArrayList<>(slice.entries().size());
        for (IndexEntry e : slice.entries()) {
            keys.add(new KeyInfo(e.name(), e.expiration(), orEmpty(e.metadataJson())));
        }
        String next = slice.more() ? ListCursor.encode(keys.get(keys.size() - 1).name()) : "";
        return new KeyPage(keys, !slice.more(), next);
    }

    /**
     * KV-10 bulk write: all entries are validated first (one bad entry refuses the whole request, nothing is
     * written); a key whose write then fails in storage is reported in {@code unsuccessfulKeys}. The writes
     * join the namespace's group commit, so a bulk request costs a few transactions, not one per key.
     */
    @WithSpan
    public BulkResult bulkPut(String accountId, String namespaceId, List<PutEntry> entries) {
        owned(accountId, namespaceId);
        limits.checkBulkWriteCount(entries.size());
        long nowMillis = clock.millis();
        List<StoredValue> values = new ArrayList<>(entries.size());
        for (PutEntry entry : entries) {
            values.add(validated(entry, nowMillis / 1000));
        }
        List<String> failed = new ArrayList<>();
        List<String> keys = new ArrayList<>(entries.size());
        List<CompletableFuture<Void>> pending = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String key = entries.get(i).key();
            if (!writeRate.tryAcquire(namespaceId, key, nowMillis)) {
                failed.add(key); // KV-5: written less than a second ago (or twice in this batch)
                continue;
            }
            keys.add(key);
            pending.add(writes.submit(namespaceId, key, values.get(i), () -> owned(accountId, namespaceId)));
        }
        int ok = 0;
        for (int i = 0; i < pending.size(); i++) {
            try {
                await(pending.get(i));
                ok++;
            } catch (RuntimeException e) {
                writeRate.release(namespaceId, keys.get(i), nowMillis);
                KvErrors.classify(e); // logs it; the key is reported, the batch goes on
                failed.add(keys.get(i));
            }
        }
        return new BulkResult(ok, failed);
    }

    /** KV-10 bulk delete, same rules as {@link #bulkPut}. */
    @WithSpan
    public BulkResult bulkDelete(String accountId, String namespaceId, List<String> keys) {
        owned(accountId, namespaceId);
        limits.checkBulkWriteCount(keys.size());
        keys.forEach(limits::checkKey);
        List<CompletableFuture<Void>> pending = new ArrayList<>(keys.size());
        for (String key : keys) {
            pending.add(writes.submit(namespaceId, key, null, () -> owned(accountId, namespaceId)));
        }
        int ok = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                await(pending.get(i));
                ok++;
            } catch (RuntimeException e) {
                KvErrors.classify(e); // logs it; the key is reported, the batch goes on
                failed.add(keys.get(i));
            }
        }
        return new BulkResult(ok, failed);
    }

    // ---- helpers ----

    private StoredValue validated(PutEntry entry, long nowSeconds) {
        limits.checkKey(entry.key());
        long expiration = limits.expirationOf(entry.expiration(), entry.expirationTtl(), nowSeconds);
        limits.checkMetadata(entry.metadataJson());
        limits.checkValue(entry.value());
        return new StoredValue(entry.value(), orEmpty(entry.metadataJson()), expiration);
    }

    private NamespaceRecord owned(String accountId, String namespaceId) {
        requireAccount(accountId);
        requireNamespaceId(namespaceId);
        return namespaces.find(namespaceId)
                .filter(ns -> ns.accountId().equals(accountId))
                .orElseThrow(KvException::namespaceNotFound);
    }

    private static void requireNamespaceId(String namespaceId) {
        if (namespaceId == null || !NAMESPACE_ID.matcher(namespaceId).matches()) {
            throw KvException.namespaceNotFound();
        }
    }

    /** Waits for a queued write; its failure is rethrown as it was raised on the writer thread. */
    private static void await(CompletableFuture<Void> write) {
        try {
            write.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void requireAccount(String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            throw new KvException(KvError.BAD_REQUEST, "An account id is required.");
        }
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }

    private static NamespaceInfo info(NamespaceRecord ns) {
        return new NamespaceInfo(ns.id(), ns.title());
    }

    private static KvValue value(StoredValue v) {
        return new KvValue(v.value() == null ? new byte[0] : v.value(), orEmpty(v.metadataJson()), v.expiration());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
