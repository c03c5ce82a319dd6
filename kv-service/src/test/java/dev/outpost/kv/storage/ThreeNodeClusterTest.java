package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 "done when": three kv-service storage nodes on loopback (TCPPING, DIST_SYNC, 2 owners, persistent
 * store). Writes go on through node A while node C is stopped; every write A acknowledged is then readable
 * (value and index) from both survivors. Full and rolling restarts: {@link ClusterRestartTest}.
 */
class ThreeNodeClusterTest {

    private static final String NS = "0011223344556677889900aabbccddee";

    @TempDir
    Path dir;

    private final DefaultCacheManager[] nodes = new DefaultCacheManager[3];

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

        KvDataStore a = store(nodes[0]);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (writing.get()) {
                String key = String.format("k%06d", i++);
                try {
                    a.put(NS, key, new StoredValue(key.getBytes(StandardCharsets.UTF_8), "", 0),
                            System.currentTimeMillis());
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
                                batchedAcknowledged.add(key);
                            }
                            inFlight.release();
                        });
            }
            inFlight.acquireUninterruptibly(32);
        });
        waitFor(() -> acknowledged.size() >= 200 && batchedAcknowledged.size() >= 500);
        nodes[2].stop();
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
        for (KvDataStore survivor : List.of(a, store(nodes[1]))) {
            for (String key : acknowledged) {
                StoredValue v = survivor.get(NS, key, now);
                assertNotNull(v, "acknowledged write " + key + " lost");
                assertEquals(key, new String(v.value(), StandardCharsets.UTF_8));
            }
            // a write refused mid-view-change may still have landed, so the index may hold more, never less
            List<String> listed = listAll(survivor, now);
            assertTrue(listed.containsAll(acknowledged), "the sorted index holds every acknowledged key");
            assertEquals(listed.stream().sorted(Utf8Order.COMPARATOR).toList(), listed);
        }

        // Restarting the whole cluster from its stores: ClusterRestartTest (graceful, rolling, crash).
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
        List<String> names = new ArrayList<>();
        String after = null;
        while (true) {
            KvDataStore.ListSlice slice = store.list(NS, "", after, 1000, now);
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
