package dev.outpost.kv.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.infinispan.commons.CacheException;
import org.jboss.logging.Logger;

/**
 * Group commit of key writes. Writes to a namespace queue up while the namespace's previous batch commits;
 * then one writer thread takes everything queued (up to {@code maxWrites} writes and about {@code maxBytes}
 * of values) and applies it in one transaction ({@link KvDataStore#apply}): one lock, read and write per
 * index chunk touched instead of one transaction, chunk rewrite and store write per key. A write's future
 * completes only after its batch committed (in a cluster: on every owner), so an acknowledged write is as
 * durable as before; a failed batch is retried write by write, so each failure is reported for the write
 * that caused it and the others still go through.
 *
 * <p>At most one batch per namespace runs at a time on this node; different namespaces commit in parallel on
 * up to {@code threads} threads. Under light load a batch holds one write and costs one hop to a writer thread.
 */
public final class WriteBatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WriteBatcher.class);

    /** One write waiting for its batch; {@code check} runs on the writer thread just before the batch (may throw). */
    private record Pending(KvDataStore.Write write, long bytes, Runnable check, CompletableFuture<Void> done) {
    }

    /** The queue of one namespace; {@code scheduled} is set while a drain of it is queued or running. */
    private static final class NamespaceQueue {
        final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
    }

    private final KvDataStore data;
    private final LongSupplier clockMillis;
    private final int maxWrites;
    private final long maxBytes;
    private final ExecutorService writers;
    private final ConcurrentHashMap<String, NamespaceQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public WriteBatcher(KvDataStore data, LongSupplier clockMillis, int maxWrites, long maxBytes, int threads) {
        if (maxWrites < 1 || maxBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("outpost.kv.write.* settings must be positive");
        }
        this.data = data;
        this.clockMillis = clockMillis;
        this.maxWrites = maxWrites;
        this.maxBytes = maxBytes;
        this.writers = Executors.newFixedThreadPool(threads, named("kv-writer-"));
    }

    /**
     * Queues a write ({@code value == null}: delete the key). {@code check} is run on the writer thread right
     * before the batch is applied; if it throws, this write fails with that exception and is not applied.
     *
     * @return completes when the write is committed, or exceptionally when it was not applied
     */
    public CompletableFuture<Void> submit(String namespaceId, String key, StoredValue value, Runnable check) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new CacheException("kv-service is stopping"));
            return done;
        }
        long bytes = key.length() + (value == null ? 0 : value.value().length
                + (value.metadataJson() == null ? 0 : value.metadataJson().length()));
        NamespaceQueue q = queues.computeIfAbsent(namespaceId, id -> new NamespaceQueue());
        q.pending.add(new Pending(new KvDataStore.Write(key, value), bytes, check, done));
        schedule(namespaceId, q);
        return done;
    }

    private void schedule(String namespaceId, NamespaceQueue q) {
        if (q.scheduled.compareAndSet(false, true)) {
            try {
                writers.execute(() -> drain(namespaceId, q));
            } catch (RejectedExecutionException e) {
                q.scheduled.set(false);
                failAll(q, new CacheException("kv-service is stopping"));
            }
        }
    }

    /** Commits one batch, then hands the namespace back to the pool (fair to other namespaces) if more is queued. */
    private void drain(String namespaceId, NamespaceQueue q) {
        try {
            List<Pending> batch = new ArrayList<>();
            long bytes = 0;
            for (Pending p = q.pending.peek(); p != null && batch.size() < maxWrites; p = q.pending.peek()) {
                if (!batch.isEmpty() && bytes + p.bytes() > maxBytes) {
                    break;
                }
                batch.add(q.pending.poll());
                bytes += p.bytes();
            }
            commit(namespaceId, batch);
        } catch (RuntimeException | Error e) {
            LOG.error("KV write batch failed unexpectedly", e);
        } finally {
            q.scheduled.set(false);
            if (!q.pending.isEmpty()) {
                schedule(namespaceId, q);
            } else {
                // Idle: forget the queue. A submitter still holding it schedules its own drain, so nothing is stranded.
                queues.remove(namespaceId, q);
            }
        }
    }

    private void commit(String namespaceId, List<Pending> batch) {
        List<Pending> accepted = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            try {
                p.check().run();
                accepted.add(p);
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        try {
            data.apply(namespaceId, accepted.stream().map(Pending::write).toList(), clockMillis.getAsLong());
            accepted.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            if (accepted.size() == 1 || e instanceof UnsettledTopologyException) {
                // One write, or the cluster did not settle in time (one by one, each write would wait as long again).
                accepted.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
            // Retry one by one: a failure then belongs to the write that caused it.
            for (Pending p : accepted) {
                try {
                    data.apply(namespaceId, List.of(p.write()), clockMillis.getAsLong());
                    p.done().complete(null);
                } catch (RuntimeException single) {
                    p.done().completeExceptionally(single);
                }
            }
        }
    }

    private void failAll(NamespaceQueue q, RuntimeException e) {
        for (Pending p = q.pending.poll(); p != null; p = q.pending.poll()) {
            p.done().completeExceptionally(e);
        }
    }

    /** Stops taking writes, lets queued batches commit (up to {@code waitMillis}), then fails what is left. */
    public void close(long waitMillis) {
        closed = true;
        writers.shutdown();
        try {
            if (!writers.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("KV writes still pending at shutdown; failing them");
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writers.shutdownNow();
        }
        queues.values().forEach(q -> failAll(q, new CacheException("kv-service is stopping")));
    }

    @Override
    public void close() {
        close(10_000);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
