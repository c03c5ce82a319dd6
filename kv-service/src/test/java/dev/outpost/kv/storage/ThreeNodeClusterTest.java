package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.infinispan.context.Flag;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 "done when": three kv-service storage nodes on loopback (TCPPING, DIST_SYNC, 2 owners, persistent
 * store). Writes go on through node A (single puts) and node B (group commit) while node C, the coordinator, is
 * stopped; every acknowledged write is then readable (value and index) from both survivors, and a lost one is
 * reported with when and in which topology it was acknowledged and where it is now. Full and rolling restarts:
 * {@link ClusterRestartTest}.
 */
class ThreeNodeClusterTest {

    private static final String NS = "0011223344556677889900aabbccddee";

    @TempDir
    Path dir;

    private final DefaultCacheManager[] nodes = new DefaultCacheManager[3];
    /** When node C's stop began (System.nanoTime), to tell each acknowledged write's phase. */
    private final AtomicLong stopStarted = new AtomicLong();

    @AfterEach
    void stopAll() {
        for (int i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i] != null && nodes[i].getStatus().allowInvocations()) {
                nodes[i].stop();
            }
        }
    }

    @Test
    void noAcknowledgedWriteIsLostWhenOneOfThreeNodesStopsUnderWrites() throws Exception {
        int p0 = freePort(7950);
        int p1 = freePort(p0 + 1);
        int p2 = freePort(p1 + 1);
        int[] ports = {p0, p1, p2};
        String hosts = "127.0.0.1[" + p0 + "],127.0.0.1[" + p1 + "],127.0.0.1[" + p2 + "]";
        String cluster = "outpost-kv-3node-" + ProcessHandle.current().pid();
        startAll(ports, hosts, cluster);
        for (DefaultCacheManager node : nodes) {
            assertEquals(3, node.getMembers().size(), "members seen by " + node.getAddress());
        }
        // C is the cluster's coordinator: its successor then recovers the topology of the rebalance in progress,
        // the harder case (before the fix in KvDataStore#apply, all 5 runs out of 83 that lost acknowledged writes
        // had stopped the coordinator, 5 of its 28 runs; none of the 55 others).
        for (int n = 0; n < 2; n++) {
            if (nodes[n].isCoordinator()) {
                DefaultCacheManager coordinator = nodes[n];
                nodes[n] = nodes[2];
                nodes[2] = coordinator;
            }
        }

        KvDataStore a = store(nodes[0]);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<String, String> journal = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        stopStarted.set(System.nanoTime() + TimeUnit.DAYS.toNanos(1)); // negative offsets = before the stop
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (writing.get()) {
                String key = String.format("k%06d", i++);
                String before = topology(nodes[0], key);
                long started = System.nanoTime();
                try {
                    a.put(NS, key, new StoredValue(key.getBytes(StandardCharsets.UTF_8), "", 0),
                            System.currentTimeMillis());
                    journal.put(key, "put on A, " + (System.nanoTime() - started) / 1000 + " µs, topology at start "
                            + before + ", at ack " + topology(nodes[0], key) + ", acked at +"
                            + (System.nanoTime() - stopStarted.get()) / 1_000_000 + " ms after C's stop began");
                    acknowledged.add(key);
                } catch (RuntimeException refused) {
                    // not acknowledged: the caller would see an error and retry; it need not be readable
                }
            }
        });
        // Group commit on node B: 32 writes in flight, spread over the key space, so each batch touches and
        // splits several index chunks; a write counts as acknowledged only when its batch committed.
        List<String> batchedAcknowledged = new CopyOnWriteArrayList<>();
        WriteBatcher batcher = new WriteBatcher(store(nodes[1]), System::currentTimeMillis, 256, 1 << 22, 2);
        CompletableFuture<Void> batchedWriter = CompletableFuture.runAsync(() -> {
            Semaphore inFlight = new Semaphore(32);
            for (int i = 0; writing.get(); i++) {
                String key = String.format("b%08x-%d", Integer.reverse(i), i);
                inFlight.acquireUninterruptibly();
                batcher.submit(NS, key, new StoredValue(key.getBytes(StandardCharsets.UTF_8), "", 0), () -> { })
                        .whenComplete((ok, refused) -> {
                            if (refused == null) {
                                journal.put(key, "batched on B, acked in topology " + topology(nodes[1], key)
                                        + " at +" + (System.nanoTime() - stopStarted.get()) / 1_000_000
                                        + " ms after C's stop began");
                                batchedAcknowledged.add(key);
                            }
                            inFlight.release();
                        });
            }
            inFlight.acquireUninterruptibly(32);
        });
        waitFor(() -> acknowledged.size() >= 200 && batchedAcknowledged.size() >= 500);
        stopStarted.set(System.nanoTime());
        nodes[2].stop();
        long stopMillis = (System.nanoTime() - stopStarted.get()) / 1_000_000;
        int atStop = acknowledged.size();
        int batchedAtStop = batchedAcknowledged.size();
        waitFor(() -> acknowledged.size() >= atStop + 300 && batchedAcknowledged.size() >= batchedAtStop + 500);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        batchedWriter.get(30, TimeUnit.SECONDS);
        batcher.close();
        assertTrue(acknowledged.size() > atStop, "writes went on after node C stopped");
        assertTrue(batchedAcknowledged.size() > batchedAtStop, "batched writes went on after node C stopped");
        acknowledged.addAll(batchedAcknowledged);

        long now = System.currentTimeMillis() / 1000;
        List<String> losses = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            KvDataStore survivor = store(nodes[n]);
            for (String key : acknowledged) {
                StoredValue v = survivor.get(NS, key, now);
                if (v == null) {
                    losses.add(key + " not readable on " + "AB".charAt(n) + ": " + journal.get(key) + "; now "
                            + whereIs(key));
                } else {
                    assertEquals(key, new String(v.value(), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(losses.isEmpty(), () -> "acknowledged writes lost (C's stop took " + stopMillis + " ms, "
                + atStop + " single and " + batchedAtStop + " batched writes acked before it):\n  "
                + String.join("\n  ", losses));
        for (KvDataStore survivor : List.of(a, store(nodes[1]))) {
            // a write refused mid-view-change may still have landed, so the index may hold more, never less
            List<String> listed = listAll(survivor, now);
            java.util.Set<String> unlisted = new java.util.TreeSet<>(acknowledged);
            listed.forEach(unlisted::remove);
            assertTrue(unlisted.isEmpty(), () -> "the sorted index lacks acknowledged keys: " + unlisted.stream()
                    .map(k -> k + " (" + journal.get(k) + ")").toList());
            assertEquals(listed.stream().sorted(Utf8Order.COMPARATOR).toList(), listed);
        }

        // Restarting the whole cluster from its stores: ClusterRestartTest (graceful, rolling, crash).
    }

    /**
     * One of the two races behind issue 5's "acknowledged write lost" flake of the test above, made to happen every
     * time: A writes a key whose value, index chunk and index directory are owned by A and C. C acknowledges its
     * copies; A commits its own copies only after that, under whatever topology A has by then.
     * {@link SlowLocalCommit} holds that local commit back while C leaves and the cluster rebalances, so B becomes
     * the second owner by copying A's segments before A's copies exist, and Infinispan's one-phase (pessimistic)
     * commit never sends the write to B. Once the put is acknowledged, value and index entry must still be on both
     * survivors ({@link KvDataStore#apply} writes again what was committed outside one settled topology).
     */
    @Test
    void aWriteWhoseLocalCommitLagsBehindARebalanceIsOnEverySurvivor() throws Exception {
        int p0 = freePort(7990);
        int p1 = freePort(p0 + 1);
        int p2 = freePort(p1 + 1);
        startAll(new int[] {p0, p1, p2}, "127.0.0.1[" + p0 + "],127.0.0.1[" + p1 + "],127.0.0.1[" + p2 + "]",
                "outpost-kv-3node-slow-" + ProcessHandle.current().pid());
        String ns = null;
        for (int i = 0; ns == null; i++) {
            String candidate = String.format("%032x", i);
            if (ownedByAAndC(KeyLayout.chunk(candidate, 0)) && ownedByAAndC(KeyLayout.directory(candidate))) {
                ns = candidate;
            }
        }
        KvDataStore a = store(nodes[0]);
        a.put(ns, "first", new StoredValue("1".getBytes(StandardCharsets.UTF_8), "", 0), System.currentTimeMillis());
        String key = null;
        for (int i = 0; key == null; i++) {
            key = ownedByAAndC(KeyLayout.value(ns, "slow" + i)) ? "slow" + i : null;
        }
        String cacheKey = KeyLayout.value(ns, key);
        SlowLocalCommit slow = SlowLocalCommit.install(nodes[0].getCache(KeyLayout.DATA_CACHE), 8_000);
        slow.arm(cacheKey);
        String k = key;
        String namespace = ns;
        CompletableFuture<Void> put = CompletableFuture.runAsync(() -> a.put(namespace, k,
                new StoredValue(k.getBytes(StandardCharsets.UTF_8), "", 0), System.currentTimeMillis()));
        slow.remoteOwnersAcked().get(30, TimeUnit.SECONDS);
        String atAck = whereIs(ns, k);
        nodes[2].stop();
        String afterStop = whereIs(ns, k);
        put.get(120, TimeUnit.SECONDS);
        awaitRebalanced(2);

        long now = System.currentTimeMillis() / 1000;
        List<String> missing = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            var cache = nodes[n].getCache(KeyLayout.DATA_CACHE).getAdvancedCache();
            assertTrue(owners(nodes[n], cacheKey).contains(nodes[n].getAddress()), "both survivors own the key");
            if (cache.withFlags(Flag.CACHE_MODE_LOCAL).get(cacheKey) == null) {
                missing.add("value on " + "AB".charAt(n));
            }
            if (!listAll(store(nodes[n]), ns, now).contains(k)) {
                missing.add("index entry on " + "AB".charAt(n));
            }
        }
        assertTrue(missing.isEmpty(), "acknowledged write " + k + " lost: " + missing + "; when C acked: " + atAck
                + "; after C stopped: " + afterStop + "; now: " + whereIs(ns, k));
    }

    /** Whether, as A sees it, A and C (and so not B) own a data cache key. */
    private boolean ownedByAAndC(String cacheKey) {
        var owners = owners(nodes[0], cacheKey);
        return owners.contains(nodes[0].getAddress()) && owners.contains(nodes[2].getAddress());
    }

    /** Waits until the first {@code size} nodes' data caches have a stable topology with just them. */
    private void awaitRebalanced(int size) throws InterruptedException {
        waitFor(() -> {
            for (int n = 0; n < size; n++) {
                var dm = nodes[n].getCache(KeyLayout.DATA_CACHE).getAdvancedCache().getDistributionManager();
                var t = dm.getCacheTopology();
                if (t.getPendingCH() != null || t.getMembers().size() != size || !dm.isJoinComplete()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Topology id and write owners of a key's value on one node, as that node sees them. */
    /** The write owners of a data cache key as a node sees them (ownership is by the key's stored form). */
    private static java.util.Collection<org.infinispan.remoting.transport.Address> owners(DefaultCacheManager node,
            String cacheKey) {
        var cache = node.getCache(KeyLayout.DATA_CACHE).getAdvancedCache();
        return cache.getDistributionManager().getCacheTopology()
                .getDistribution(cache.getKeyDataConversion().toStorage(cacheKey)).writeOwners();
    }

    private static String topology(DefaultCacheManager node, String key) {
        return topology(node, NS, key);
    }

    private static String topology(DefaultCacheManager node, String ns, String key) {
        try {
            var t = node.getCache(KeyLayout.DATA_CACHE).getAdvancedCache().getDistributionManager().getCacheTopology();
            return t.getTopologyId() + " (" + t.getPhase() + ") owners " + owners(node, KeyLayout.value(ns, key));
        } catch (RuntimeException e) {
            return "? (" + e + ")";
        }
    }

    /** Per survivor: its view of the key's owners, and whether its memory and its own store hold the value. */
    private String whereIs(String key) {
        return whereIs(NS, key);
    }

    private String whereIs(String ns, String key) {
        StringBuilder out = new StringBuilder();
        String cacheKey = KeyLayout.value(ns, key);
        for (int n = 0; n < 2; n++) {
            var cache = nodes[n].getCache(KeyLayout.DATA_CACHE).getAdvancedCache();
            Object local = cache.withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_OWNERSHIP_CHECK).get(cacheKey);
            Object inMemory = cache.withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_CACHE_LOAD,
                    Flag.SKIP_OWNERSHIP_CHECK).get(cacheKey);
            out.append("AB".charAt(n)).append(": topology ").append(topology(nodes[n], ns, key))
                    .append(", local ").append(local != null).append(" (memory ").append(inMemory != null)
                    .append(")  ");
        }
        return out.toString();
    }

    private void startAll(int[] ports, String hosts, String cluster) throws Exception {
        start(ports, hosts, cluster, 0, 1, 2);
        waitFor(() -> nodes[0].getMembers().size() == 3);
    }

    /**
     * In parallel: a restarted node waits for the others of its recovered topology before its caches start.
     * On a loaded machine two restarting nodes may not find each other before one gives up (ISPN000689, missing
     * members): then all of this round are stopped and started again, a few times at most.
     */
    private void start(int[] ports, String hosts, String cluster, int... which) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            List<CompletableFuture<DefaultCacheManager>> starting = new ArrayList<>();
            for (int n : which) {
                StorageSettings settings = new StorageSettings(dir.resolve("node" + n), "32MB",
                        Optional.of(new StorageSettings.Cluster(cluster, "127.0.0.1", ports[n], hosts, Optional.empty(), 2)));
                starting.add(CompletableFuture.supplyAsync(() -> CacheManagerFactory.start(settings)));
            }
            last = null;
            for (int i = 0; i < which.length; i++) {
                try {
                    nodes[which[i]] = starting.get(i).get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    last = e;
                    nodes[which[i]] = null;
                }
            }
            if (last == null) {
                return;
            }
            for (int n : which) {
                if (nodes[n] != null) {
                    nodes[n].stop();
                    nodes[n] = null;
                }
            }
            Thread.sleep(1000);
        }
        throw last;
    }

    private static KvDataStore store(DefaultCacheManager node) {
        return new KvDataStore(node.getCache(KeyLayout.DATA_CACHE), 64, 1 << 20);
    }

    private static List<String> listAll(KvDataStore store, long now) {
        return listAll(store, NS, now);
    }

    private static List<String> listAll(KvDataStore store, String ns, long now) {
        List<String> names = new ArrayList<>();
        String after = null;
        while (true) {
            KvDataStore.ListSlice slice = store.list(ns, "", after, 1000, now);
            slice.entries().forEach(e -> names.add(e.name()));
            if (!slice.more() || slice.entries().isEmpty()) {
                return names;
            }
            after = names.get(names.size() - 1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static int freePort(int from) throws IOException {
        for (int port = from; port < from + 200; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IOException("no free port from " + from);
    }
}
