package dev.outpost.kv.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.infinispan.manager.DefaultCacheManager;

/**
 * Test fixture: kv-service storage nodes on loopback (TCPPING, DIST_SYNC, 2 owners), each with its own data
 * directory under {@code dir}, so nodes can be stopped and started again from their stores.
 */
final class LoopbackCluster implements AutoCloseable {

    private final Path dir;
    private final int[] ports;
    private final String hosts;
    private final String name;
    final DefaultCacheManager[] nodes;
    /** Members running outside this JVM (e.g. a {@link CrashNodeMain} process), counted in every view. */
    int external;

    LoopbackCluster(Path dir, int size, int firstPort) throws IOException {
        this.dir = dir;
        this.ports = new int[size];
        int next = firstPort;
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < size; i++) {
            ports[i] = freePort(next);
            next = ports[i] + 1;
            h.append(i == 0 ? "" : ",").append("127.0.0.1[").append(ports[i]).append(']');
        }
        this.hosts = h.toString();
        this.name = "outpost-kv-test-" + ProcessHandle.current().pid() + "-" + ports[0];
        this.nodes = new DefaultCacheManager[size];
    }

    StorageSettings settings(int node) {
        return new StorageSettings(dir.resolve("node" + node), "32MB",
                Optional.of(new StorageSettings.Cluster(name, "127.0.0.1", ports[node], hosts, Optional.empty(), 2)));
    }

    /**
     * Starts the given nodes the way a restarted cluster comes up: first their cache managers (JGroups), until
     * every running node sees them all, then their caches in parallel — a cache that recovers a persisted
     * topology waits for all of that topology's members.
     */
    void start(int... which) throws Exception {
        List<CompletableFuture<DefaultCacheManager>> managers = new ArrayList<>();
        for (int n : which) {
            StorageSettings s = settings(n);
            managers.add(CompletableFuture.supplyAsync(() -> CacheManagerFactory.startManager(s)));
        }
        for (int i = 0; i < which.length; i++) {
            nodes[which[i]] = managers.get(i).get(60, TimeUnit.SECONDS);
        }
        int members = running().size() + external;
        waitFor(() -> running().stream().allMatch(m -> m.getMembers().size() == members), 60_000);
        List<CompletableFuture<DefaultCacheManager>> caches = new ArrayList<>();
        for (int n : which) {
            DefaultCacheManager m = nodes[n];
            StorageSettings s = settings(n);
            caches.add(CompletableFuture.supplyAsync(() -> CacheManagerFactory.startCaches(m, s)));
        }
        for (int i = 0; i < which.length; i++) {
            nodes[which[i]] = caches.get(i).get(180, TimeUnit.SECONDS);
        }
    }

    List<DefaultCacheManager> running() {
        List<DefaultCacheManager> out = new ArrayList<>();
        for (DefaultCacheManager m : nodes) {
            if (m != null && m.getStatus().allowInvocations()) {
                out.add(m);
            }
        }
        return out;
    }

    /** An ordinary stop of one node: it leaves, the others take over its segments. */
    void stop(int node) {
        CacheManagerFactory.stopNode(nodes[node], settings(node));
        nodes[node] = null;
    }

    KvDataStore store(int node) {
        return new KvDataStore(nodes[node].getCache(KeyLayout.DATA_CACHE), 64, 1 << 20);
    }

    /** Waits until every running node's data cache has a stable topology with all running members. */
    void awaitRebalanced() throws InterruptedException {
        waitFor(() -> {
            int size = running().size() + external;
            for (DefaultCacheManager m : running()) {
                for (String cache : new String[] { KeyLayout.DATA_CACHE, KeyLayout.NAMESPACES_CACHE }) {
                    var dm = m.getCache(cache).getAdvancedCache().getDistributionManager();
                    var topology = dm.getCacheTopology();
                    if (topology.getPendingCH() != null || topology.getMembers().size() != size
                            || !dm.isJoinComplete()) {
                        return false;
                    }
                }
            }
            return true;
        }, 120_000);
    }

    @Override
    public void close() {
        for (int i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i] != null && nodes[i].getStatus().allowInvocations()) {
                nodes[i].stop();
            }
            nodes[i] = null;
        }
    }

    static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    /** A free port at or above {@code from}; low ports keep JGroups' FD_SOCK2 port (port + 50000) valid. */
    static int freePort(int from) throws IOException {
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
