package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.context.Flag;
import org.infinispan.topology.CacheTopology;

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
 * pessimistic transactions: a batch of writes to one namespace ({@link #apply}; single puts and deletes are
 * batches of one, {@link WriteBatcher} groups concurrent ones) locks the chunks its keys fall in (each lock
 * lives on that key's primary owner, cluster-wide) and commits the values and the chunks together, so the
 * index never disagrees with the values. Batches touching different chunks of a namespace commit in parallel.
 * A chunk that grows too big splits (into as many pieces as needed) under an additional lock on the
 * directory; every writer takes its chunk locks in ascending chunk id and the directory last, so writers
 * cannot deadlock. Writers find their chunks through an unlocked directory read; a chunk's own bounds tell
 * them when a concurrent split moved one of their keys, and the batch retries. Readers take no
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
    /** How long a write waits for the topology to settle before it is applied again (see {@link #apply}). */
    static final java.time.Duration REBALANCE_WAIT = java.time.Duration.ofSeconds(60);

    private final Cache<String, Object> cache;
    /** Writes that do not need the previous value (which could be a 25 MiB value loaded from disk). */
    private final AdvancedCache<String, Object> writer;
    /** Reads inside a transaction that lock the key first ({@code SELECT ... FOR UPDATE}). */
    private final AdvancedCache<String, Object> forUpdate;
    private final Transactions tx;
    private final StableTopology topology;
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
        this.topology = new StableTopology(cache, REBALANCE_WAIT);
        this.chunkMaxKeys = chunkMaxKeys;
        this.chunkMaxBytes = chunkMaxBytes;
    }

    /** The live value, or {@code null} when absent or expired at {@code nowSeconds}. */
    public StoredValue get(String namespaceId, String key, long nowSeconds) {
        StoredValue v = (StoredValue) cache.get(KeyLayout.value(namespaceId, key));
        return v == null || v.expiredAt(nowSeconds) ? null : v;
    }

    /** {@link #get} with an asynchronous read (completes at once when the entry is in memory). */
    public CompletionStage<StoredValue> getAsync(String namespaceId, String key, long nowSeconds) {
        return cache.getAsync(KeyLayout.value(namespaceId, key)).thenApply(o -> {
            StoredValue v = (StoredValue) o;
            return v == null || v.expiredAt(nowSeconds) ? null : v;
        });
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
        apply(namespaceId, List.of(new Write(key, value)), nowMillis);
    }

    /** Deletes a value and its index entry atomically; deleting a missing key is fine (KV-6). */
    public void delete(String namespaceId, String key, long nowSeconds) {
        apply(namespaceId, List.of(new Write(key, null)), nowSeconds * 1000);
    }

    /**
     * Applies writes to one namespace in one transaction: all of them or none. Each index chunk the keys fall
     * in is locked, read and written once, however many of the writes it holds; values go out in one
     * {@code putAll} per expiration. Writes of the same key apply in list order (the last one wins).
     *
     * <h3>Settled topology (issue 5: no acknowledged write is lost when a node stops)</h3>
     * Returns only after a transaction that wrote all of it started and ended in one settled topology: no rebalance
     * in progress and every segment with its full number of owners ({@link StableTopology}). A transaction that
     * committed otherwise can miss an owner for good, in two ways seen in {@code ThreeNodeClusterTest} when one of
     * three nodes stops:
     * <ul>
     * <li>A pessimistic transaction commits in one phase: the originator sends it to the remote owners, checks that
     * its topology did not change meanwhile, and only then commits its own copy, under whatever topology it has by
     * then. If a rebalance started in that gap and a new owner copied the originator's segment before that copy
     * existed, the new owner never gets the write (one phase: no later command reaches it). Reproduced every time
     * by {@code ThreeNodeClusterTest#aWriteWhoseLocalCommitLagsBehindARebalanceIsOnEverySurvivor}.</li>
     * <li>A write committed during a rebalance goes to the old and the new owners. When the stopping node was the
     * cluster's coordinator, the next coordinator cancels the rebalance and goes back to the old owners only; the
     * new owner drops the segment and, in the rebalance that follows, did not get that write back (seen as
     * values written in {@code READ_OLD_WRITE_ALL} present on one survivor and missing on the other).</li>
     * </ul>
     * So when the first transaction did not run in one settled topology, the batch waits until the topology is
     * settled (the rebalance, and the one a cancelled rebalance queues, ended) and is applied again, which sends
     * every value, and every index chunk and directory the first transaction wrote, to all current owners. Chunks
     * are re-read under their locks and the batch's entries merged into them, so a concurrent writer's entries stay;
     * values are written again as they are (the batch is not acknowledged yet, so a write of the same key
     * acknowledged meanwhile counts as ordered before this one).
     */
    public void apply(String namespaceId, List<Write> writes, long nowMillis) {
        if (writes.isEmpty()) {
            return;
        }
        CacheTopology mark = topology.mark();
        Set<Long> written = applyOnce(namespaceId, writes, nowMillis, Set.of(), false);
        for (int round = 0; !topology.settledSince(mark); round++) {
            if (round == MAX_ATTEMPTS) {
                throw new UnsettledTopologyException("The cluster topology kept changing while writing to namespace "
                        + namespaceId);
            }
            topology.awaitSettled();
            mark = topology.mark();
            Set<Long> again = applyOnce(namespaceId, writes, nowMillis, written, true);
            again.addAll(written);
            written = again;
        }
    }

    /**
     * One transaction of {@link #apply}. With {@code force} (a repeat after a topology change) every chunk in
     * {@code rewrite} and every chunk the writes fall in is written even if unchanged, and the directory too.
     *
     * @return the ids of the chunks written
     */
    private Set<Long> applyOnce(String namespaceId, List<Write> writes, long nowMillis, Set<Long> rewrite,
            boolean force) {
        String dirKey = KeyLayout.directory(namespaceId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChunkDirectory dir = (ChunkDirectory) cache.get(dirKey);
            if (dir == null) {
                if (writes.stream().allMatch(w -> w.value() == null)) {
                    // Nothing was ever indexed here; only stray values could exist.
                    tx.run(() -> writeValues(namespaceId, writes, nowMillis));
                    return new TreeSet<>();
                }
                createIndex(namespaceId);
                continue;
            }
            // Lock order: chunks by ascending id, then (only to split, or to rewrite) the directory — the same in
            // every writer, so concurrent batches (also on other nodes) cannot deadlock.
            TreeMap<Long, Map<String, IndexEntry>> byChunk = new TreeMap<>();
            for (Write w : writes) {
                IndexEntry entry = w.value() == null ? null
                        : new IndexEntry(w.key(), w.value().expiration(), w.value().metadataJson());
                byChunk.computeIfAbsent(dir.chunkFor(w.key()).id(), id -> new LinkedHashMap<>()).put(w.key(), entry);
            }
            TreeSet<Long> ids = new TreeSet<>(byChunk.keySet());
            ids.addAll(rewrite);
            Set<Long> written = new TreeSet<>();
            boolean done = tx.attempt(() -> {
                Map<Long, IndexChunk> locked = new LinkedHashMap<>();
                for (Long id : ids) {
                    IndexChunk chunk = (IndexChunk) forUpdate.get(KeyLayout.chunk(namespaceId, id));
                    Map<String, IndexEntry> changes = byChunk.get(id);
                    if (changes != null && (chunk == null || !changes.keySet().stream().allMatch(chunk::covers))) {
                        return false; // a split moved a key (or a purge removed the chunk): retry
                    }
                    if (chunk != null) {
                        locked.put(id, chunk);
                    }
                }
                writeValues(namespaceId, writes, nowMillis);
                written.addAll(storeChunks(namespaceId, byChunk, locked, nowMillis / 1000, force));
                return true;
            });
            if (done) {
                return written;
            }
        }
        throw new CacheException("Could not update the key index of namespace " + namespaceId);
    }

    /**
     * Values: only each key's last write counts (one transaction), removals one by one, puts in one
     * {@code putAll} per expiration (lifespan is per call). A key is never removed and put in the same
     * transaction: Infinispan then dropped the put.
     */
    private void writeValues(String namespaceId, List<Write> writes, long nowMillis) {
        Map<String, StoredValue> last = new LinkedHashMap<>();
        for (Write w : writes) {
            last.put(w.key(), w.value());
        }
        Map<Long, Map<String, Object>> byExpiration = new LinkedHashMap<>();
        last.forEach((key, value) -> {
            String valueKey = KeyLayout.value(namespaceId, key);
            if (value == null) {
                writer.remove(valueKey);
            } else {
                byExpiration.computeIfAbsent(value.expiration(), e -> new LinkedHashMap<>()).put(valueKey, value);
            }
        });
        byExpiration.forEach((expiration, values) -> {
            if (expiration == 0) {
                writer.putAll(values);
            } else {
                long lifespan = Math.max(1, expiration * 1000 - nowMillis);
                writer.putAll(values, lifespan, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Stores the changed chunks (locked by the caller); chunks that grew too big split under the directory lock.
     * With {@code force}, every locked chunk and the directory are written even if unchanged.
     *
     * @return the ids of the chunks written
     */
    private Set<Long> storeChunks(String namespaceId, Map<Long, Map<String, IndexEntry>> changes,
            Map<Long, IndexChunk> locked, long nowSeconds, boolean force) {
        String dirKey = KeyLayout.directory(namespaceId);
        Map<String, Object> out = new LinkedHashMap<>();
        Set<Long> ids = new TreeSet<>();
        ChunkDirectory dir = null;
        for (Map.Entry<Long, IndexChunk> e : locked.entrySet()) {
            IndexChunk chunk = e.getValue();
            IndexChunk updated = chunk.withChanges(changes.getOrDefault(e.getKey(), Map.of()), nowSeconds);
            if (updated == chunk && !force) {
                continue;
            }
            ids.add(e.getKey());
            List<Integer> cuts = new ArrayList<>();
            cutPoints(updated, 0, updated.entries().size(), cuts);
            if (cuts.isEmpty()) {
                out.put(KeyLayout.chunk(namespaceId, e.getKey()), updated);
                continue;
            }
            if (dir == null) {
                dir = (ChunkDirectory) forUpdate.get(dirKey); // all chunk locks are held: directory last
            }
            List<IndexChunk> pieces = updated.cutAt(cuts);
            int position = dir.positionFor(chunk.low());
            long firstNewId = dir.nextChunkId();
            dir = dir.withSplits(position, pieces.subList(1, pieces.size()).stream().map(IndexChunk::low).toList());
            out.put(KeyLayout.chunk(namespaceId, e.getKey()), pieces.get(0));
            for (int i = 1; i < pieces.size(); i++) {
                out.put(KeyLayout.chunk(namespaceId, firstNewId + i - 1), pieces.get(i));
                ids.add(firstNewId + i - 1);
            }
        }
        if (dir == null && force) {
            dir = (ChunkDirectory) forUpdate.get(dirKey); // all chunk locks are held: directory last
        }
        if (dir != null) {
            out.put(dirKey, dir);
        }
        if (!out.isEmpty()) {
            writer.putAll(out);
        }
        return ids;
    }

    /**
     * Positions in {@code [from, to)} where a chunk too big must be cut: halves, recursively, until each piece
     * fits (a single put splits a full chunk in two; a batch may overfill it several times).
     */
    private void cutPoints(IndexChunk chunk, int from, int to, List<Integer> cuts) {
        int size = to - from;
        if (size <= 1) {
            return;
        }
        boolean tooBig = size > chunkMaxKeys;
        if (!tooBig) {
            int bytes = 0;
            for (int i = from; i < to && !tooBig; i++) {
                bytes += chunk.entries().get(i).approximateSize();
                tooBig = bytes > chunkMaxBytes;
            }
        }
        if (!tooBig) {
            return;
        }
        int mid = from + size / 2;
        cutPoints(chunk, from, mid, cuts);
        cuts.add(mid);
        cutPoints(chunk, mid, to, cuts);
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

    private void createIndex(String namespaceId) {
        String dirKey = KeyLayout.directory(namespaceId);
        tx.run(() -> {
            if (forUpdate.get(dirKey) == null) {
                writer.put(dirKey, ChunkDirectory.initial());
                writer.put(KeyLayout.chunk(namespaceId, 0), IndexChunk.first());
            }
        });
    }

    /** One write of a batch: {@code value} to store, or {@code null} to delete the key. */
    public record Write(String key, StoredValue value) {
    }

    /** One page of index entries; {@code more} tells whether further matching keys exist. */
    public record ListSlice(List<IndexEntry> entries, boolean more) {
    }
}
