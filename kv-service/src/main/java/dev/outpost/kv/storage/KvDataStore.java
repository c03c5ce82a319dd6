package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.context.Flag;

/**
 * Values of all namespaces plus, per namespace, a sorted index of its keys so that {@link #list} pages in
 * UTF-8 order without scanning the namespace.
 *
 * <h2>The index</h2>
 * A namespace's keys live in {@link IndexChunk}s: sorted runs of at most {@code chunkMaxKeys} entries (and
 * about {@code chunkMaxBytes}), each covering a key range {@code [low, high)}. A {@link ChunkDirectory}
 * lists the chunks by low bound. A list page reads the directory, binary-searches the chunk holding the
 * start key (prefix or cursor) and reads chunks forward until the page is full: O(page) work, never
 * O(namespace). Each entry carries the key's expiration and metadata, so values are not read to list.
 *
 * <h2>Why this works in a distributed cache</h2>
 * Directory and chunks are ordinary entries, spread over the cluster like any other key. Writers use
 * pessimistic transactions: a put or delete locks the one chunk its key falls in (the lock lives on that
 * key's primary owner, cluster-wide) and commits the value and the chunk together, so the index never
 * disagrees with the values. Different chunks of the same namespace are written in parallel. A chunk that
 * grows too big splits in two under an additional lock on the directory; lock order is always chunk, then
 * directory, so writers cannot deadlock. Writers find their chunk through an unlocked directory read; the
 * chunk's own bounds tell them when a concurrent split moved their key, and they retry. Readers take no
 * locks: a reader that meets a chunk whose bounds disagree with its directory copy re-reads the directory,
 * and it always resumes after the last key it returned, so a page never repeats or skips a key.
 *
 * <h2>Expiration</h2>
 * Infinispan's lifespan evicts expired values; readers also compare expirations with the clock, so an
 * expired key is never returned by get or list. Expired index entries are dropped when their chunk is
 * next written. Chunks never merge; a namespace that shrinks keeps some sparse chunks until it is deleted.
 */
public final class KvDataStore {

    private static final int MAX_ATTEMPTS = 32;

    private final Cache<String, Object> cache;
    /** Writes that do not need the previous value (which could be a 25 MiB value loaded from disk). */
    private final AdvancedCache<String, Object> writer;
    /** Reads inside a transaction that lock the key first ({@code SELECT ... FOR UPDATE}). */
    private final AdvancedCache<String, Object> forUpdate;
    private final Transactions tx;
    private final int chunkMaxKeys;
    private final int chunkMaxBytes;

    public KvDataStore(Cache<String, Object> cache, int chunkMaxKeys, int chunkMaxBytes) {
        if (chunkMaxKeys < 2) {
            throw new IllegalArgumentException("chunkMaxKeys must be at least 2");
        }
        this.cache = cache;
        this.writer = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.forUpdate = cache.getAdvancedCache().withFlags(Flag.FORCE_WRITE_LOCK);
        this.tx = new Transactions(cache.getAdvancedCache().getTransactionManager());
        this.chunkMaxKeys = chunkMaxKeys;
        this.chunkMaxBytes = chunkMaxBytes;
    }

    /** The live value, or {@code null} when absent or expired at {@code nowSeconds}. */
    public StoredValue get(String namespaceId, String key, long nowSeconds) {
        StoredValue v = (StoredValue) cache.get(KeyLayout.value(namespaceId, key));
        return v == null || v.expiredAt(nowSeconds) ? null : v;
    }

    /** Live values by key (missing and expired keys are absent from the map), in one bulk read. */
    public Map<String, StoredValue> getAll(String namespaceId, Collection<String> keys, long nowSeconds) {
        Set<String> cacheKeys = new LinkedHashSet<>();
        for (String key : keys) {
            cacheKeys.add(KeyLayout.value(namespaceId, key));
        }
        Map<String, Object> found = cache.getAdvancedCache().getAll(cacheKeys);
        int prefix = KeyLayout.value(namespaceId, "").length();
        Map<String, StoredValue> live = new HashMap<>();
        found.forEach((cacheKey, v) -> {
            StoredValue value = (StoredValue) v;
            if (value != null && !value.expiredAt(nowSeconds)) {
                live.put(cacheKey.substring(prefix), value);
            }
        });
        return live;
    }

    /** Writes a value and its index entry atomically. The caller has validated the expiration. */
    public void put(String namespaceId, String key, StoredValue value, long nowMillis) {
        long nowSeconds = nowMillis / 1000;
        String valueKey = KeyLayout.value(namespaceId, key);
        IndexEntry entry = new IndexEntry(key, value.expiration(), value.metadataJson());
        mutateChunk(namespaceId, key, chunk -> {
            if (value.expiration() == 0) {
                writer.put(valueKey, value);
            } else {
                long lifespan = Math.max(1, value.expiration() * 1000 - nowMillis);
                writer.put(valueKey, value, lifespan, TimeUnit.MILLISECONDS);
            }
            return chunk.withUpsert(entry, nowSeconds);
        });
    }

    /** Deletes a value and its index entry atomically; deleting a missing key is fine (KV-6). */
    public void delete(String namespaceId, String key, long nowSeconds) {
        String valueKey = KeyLayout.value(namespaceId, key);
        if (cache.get(KeyLayout.directory(namespaceId)) == null) {
            // Nothing was ever indexed here; only a stray value could exist.
            writer.remove(valueKey);
            return;
        }
        mutateChunk(namespaceId, key, chunk -> {
            writer.remove(valueKey);
            return chunk.withRemoval(key, nowSeconds);
        });
    }

    /**
     * Up to {@code limit} live keys that start with {@code prefix}, in UTF-8 order, strictly after
     * {@code after} when it is not null.
     *
     * @return the page, with {@code more = true} when at least one further matching key exists
     */
    public ListSlice list(String namespaceId, String prefix, String after, int limit, long nowSeconds) {
        String dirKey = KeyLayout.directory(namespaceId);
        ChunkDirectory dir = (ChunkDirectory) cache.get(dirKey);
        List<IndexEntry> out = new ArrayList<>(Math.min(limit, 1024) + 1);
        if (dir == null) {
            return new ListSlice(out, false);
        }
        // Position: the scan needs keys >= start (inclusive) or > after (exclusive), whichever is later.
        String position = prefix;
        boolean inclusive = true;
        if (after != null && Utf8Order.compare(after, prefix) >= 0) {
            position = after;
            inclusive = false;
        }
        int rereads = 0;
        while (true) {
            ChunkRef ref = dir.chunkFor(position);
            IndexChunk chunk = (IndexChunk) cache.get(KeyLayout.chunk(namespaceId, ref.id()));
            if (chunk == null || !chunk.covers(position) || !chunk.low().equals(ref.low())) {
                // A split (or namespace purge) raced us: our directory copy is stale.
                if (++rereads > MAX_ATTEMPTS) {
                    throw new CacheException("Key index of namespace " + namespaceId + " keeps changing");
                }
                dir = (ChunkDirectory) cache.get(dirKey);
                if (dir == null) {
                    return new ListSlice(out, false);
                }
                continue;
            }
            for (IndexEntry e : chunk.entries()) {
                int c = Utf8Order.compare(e.name(), position);
                if (c < 0 || (c == 0 && !inclusive)) {
                    continue;
                }
                if (!e.name().startsWith(prefix)) {
                    // Past the last key with this prefix: everything later sorts after it too.
                    return new ListSlice(out, false);
                }
                if (e.expiredAt(nowSeconds)) {
                    continue;
                }
                if (out.size() == limit) {
                    return new ListSlice(out, true);
                }
                out.add(e);
                position = e.name();
                inclusive = false;
            }
            if (chunk.last()) {
                return new ListSlice(out, false);
            }
            // Continue in the next chunk: its range starts at this chunk's upper bound.
            if (Utf8Order.compare(chunk.high(), position) > 0) {
                position = chunk.high();
                inclusive = true;
            }
        }
    }

    /** Deletes every value and index chunk of a namespace (after the namespace itself is gone). */
    public void purge(String namespaceId, long nowSeconds) {
        String dirKey = KeyLayout.directory(namespaceId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChunkDirectory dir = (ChunkDirectory) cache.get(dirKey);
            if (dir == null) {
                return;
            }
            for (ChunkRef ref : dir.chunks()) {
                String chunkKey = KeyLayout.chunk(namespaceId, ref.id());
                tx.run(() -> {
                    IndexChunk chunk = (IndexChunk) forUpdate.get(chunkKey);
                    if (chunk != null) {
                        for (IndexEntry e : chunk.entries()) {
                            writer.remove(KeyLayout.value(namespaceId, e.name()));
                        }
                        writer.remove(chunkKey);
                    }
                });
            }
            // Remove the directory only if no split added chunks meanwhile; else purge those too.
            boolean done = tx.attempt(() -> {
                ChunkDirectory current = (ChunkDirectory) forUpdate.get(dirKey);
                if (current != null && !current.equals(dir)) {
                    return false;
                }
                writer.remove(dirKey);
                return true;
            });
            if (done) {
                return;
            }
        }
        throw new CacheException("Could not purge namespace " + namespaceId + ": its index keeps changing");
    }

    /**
     * Locks the chunk that holds {@code key}, applies {@code change} (which may also write values in the same
     * transaction) and stores the resulting chunk, splitting it when it grew too big.
     */
    private void mutateChunk(String namespaceId, String key, UnaryOperator<IndexChunk> change) {
        String dirKey = KeyLayout.directory(namespaceId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChunkDirectory dir = (ChunkDirectory) cache.get(dirKey);
            if (dir == null) {
                createIndex(namespaceId);
                continue;
            }
            ChunkRef ref = dir.chunkFor(key);
            String chunkKey = KeyLayout.chunk(namespaceId, ref.id());
            boolean done = tx.attempt(() -> {
                IndexChunk chunk = (IndexChunk) forUpdate.get(chunkKey);
                if (chunk == null || !chunk.covers(key)) {
                    return false; // a split moved the key (or a purge removed the chunk): retry
                }
                IndexChunk updated = change.apply(chunk);
                if (updated != chunk) {
                    storeChunk(namespaceId, ref.id(), updated);
                }
                return true;
            });
            if (done) {
                return;
            }
        }
        throw new CacheException("Could not update the key index of namespace " + namespaceId);
    }

    private void storeChunk(String namespaceId, long chunkId, IndexChunk chunk) {
        int size = chunk.entries().size();
        boolean tooBig = size > chunkMaxKeys || (size > 1 && chunk.approximateSize() > chunkMaxBytes);
        if (!tooBig) {
            writer.put(KeyLayout.chunk(namespaceId, chunkId), chunk);
            return;
        }
        // Split in the middle. We hold the chunk's lock; now take the directory's (order: chunk, directory).
        String dirKey = KeyLayout.directory(namespaceId);
        ChunkDirectory dir = (ChunkDirectory) forUpdate.get(dirKey);
        int at = size / 2;
        IndexChunk lower = chunk.lowerHalf(at);
        IndexChunk upper = chunk.upperHalf(at);
        int position = dir.positionFor(chunk.low());
        writer.put(KeyLayout.chunk(namespaceId, chunkId), lower);
        writer.put(KeyLayout.chunk(namespaceId, dir.nextChunkId()), upper);
        writer.put(dirKey, dir.withSplit(position, upper.low()));
    }

    private void createIndex(String namespaceId) {
        String dirKey = KeyLayout.directory(namespaceId);
        tx.run(() -> {
            if (forUpdate.get(dirKey) == null) {
                writer.put(dirKey, ChunkDirectory.initial());
                writer.put(KeyLayout.chunk(namespaceId, 0), IndexChunk.first());
            }
        });
    }

    /** One page of index entries; {@code more} tells whether further matching keys exist. */
    public record ListSlice(List<IndexEntry> entries, boolean more) {
    }
}
