package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 "restart all nodes and the data is still there": three storage nodes on loopback, restarted in the
 * ways an operator restarts a cluster. Every acknowledged write must be readable (value) and listed (sorted
 * index) from every node afterwards.
 */
class ClusterRestartTest {

    static final String NS = "00aa11bb22cc33dd44ee55ff66778899";

    @TempDir
    Path dir;

    private LoopbackCluster cluster;

    @AfterEach
    void stopAll() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void gracefulShutdownOfTheWholeClusterThenRestartOfAllNodesKeepsEveryKey() throws Exception {
        cluster = new LoopbackCluster(dir, 3, 8100);
        cluster.start(0, 1, 2);
        List<String> written = write(cluster.store(0), "g", 600);

        CacheManagerFactory.shutdownCluster(cluster.nodes[1]); // cluster-wide: every node persists its topology
        cluster.close();
        cluster.start(2, 0, 1);

        for (int n = 0; n < 3; n++) {
            assertAllThere(cluster.store(n), written);
        }
    }

    /**
     * After a graceful shutdown the nodes come back at different times: two of three first. Their caches start
     * but wait, without a topology (ISPN000689, missing members), until the third is back; then the persisted
     * topology is reinstalled and every key is there.
     */
    @Test
    void nodesComingBackAtDifferentTimesAfterGracefulShutdownWaitForEachOtherAndKeepEveryKey() throws Exception {
        cluster = new LoopbackCluster(dir, 3, 8400);
        cluster.start(0, 1, 2);
        List<String> written = write(cluster.store(0), "p", 300);
        CacheManagerFactory.shutdownCluster(cluster.nodes[0]);
        cluster.close();

        cluster.start(0, 1);
        Thread.sleep(3000);
        for (int n = 0; n < 2; n++) {
            assertEquals(false, CacheReadiness.serving(cluster.nodes[n], KeyLayout.DATA_CACHE), "not ready while waiting");
        }
        cluster.start(2);
        cluster.awaitRebalanced();
        for (int n = 0; n < 3; n++) {
            assertEquals(true, CacheReadiness.serving(cluster.nodes[n], KeyLayout.DATA_CACHE), "ready once recovered");
        }
        for (int n = 0; n < 3; n++) {
            assertAllThere(cluster.store(n), written);
        }
    }

    @Test
    void rollingRestartOneNodeAtATimeLosesNothingAndRejoinedNodesServeNewerValues() throws Exception {
        cluster = new LoopbackCluster(dir, 3, 8200);
        cluster.start(0, 1, 2);
        List<String> written = new ArrayList<>(write(cluster.store(0), "r", 300));
        for (int n = 0; n < 3; n++) {
            cluster.stop(n);
            cluster.awaitRebalanced();
            KvDataStore survivor = cluster.store((n + 1) % 3);
            written.addAll(write(survivor, "r" + n + "-", 100));
            // overwritten while node n is down: its store keeps the old value, which must not come back
            for (int i = 0; i < 300; i += 7) {
                String key = String.format("r%05d", i);
                survivor.put(NS, key, new StoredValue((key + "@" + n).getBytes(StandardCharsets.UTF_8), "", 0),
                        System.currentTimeMillis());
            }
            cluster.start(n);
            cluster.awaitRebalanced();
            for (int m = 0; m < 3; m++) {
                assertAllThere(cluster.store(m), written, n);
            }
        }
    }

    /**
     * Known gap, kept as the reproducer: every node killed with SIGKILL at once (no graceful shutdown, so no
     * persisted topology). The restarted cluster computes a fresh consistent hash; entries whose new owners
     * never stored them are not found, and the old owners drop segments they no longer own. Measured: 32 and
     * 48 of 600 keys lost (preload=true does not help). A crash of one node (or of any minority) is covered
     * by the two copies; see kv-service/README.md "Cluster restarts".
     */
    @org.junit.jupiter.api.Disabled("known gap: a simultaneous crash of all nodes loses some keys (README, Cluster restarts)")
    @Test
    void crashOfAllNodesThenRestart() throws Exception {
        cluster = new LoopbackCluster(dir, 3, 8300);
        List<Process> processes = new ArrayList<>();
        List<java.io.BufferedReader> outputs = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                StorageSettings s = cluster.settings(n);
                StorageSettings.Cluster c = s.cluster().orElseThrow();
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), CrashNodeMain.class.getName(),
                        s.dataDir().toString(), c.name(), String.valueOf(c.bindPort()), c.initialHosts(), "3",
                        n == 0 ? "600" : "0")
                        .redirectErrorStream(true).start();
                processes.add(p);
                outputs.add(new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())));
            }
            String line;
            while ((line = outputs.get(0).readLine()) != null && !line.equals("WRITTEN")) {
                // node 0's log; drained so the pipe never blocks it
            }
            assertEquals("WRITTEN", line, "writer finished");
        } finally {
            for (Process p : processes) {
                p.destroyForcibly(); // SIGKILL: no graceful shutdown, no leave
            }
            for (Process p : processes) {
                p.waitFor();
            }
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            written.add(String.format("c%05d", i));
        }
        cluster.start(0, 1, 2);
        cluster.awaitRebalanced();
        for (int n = 0; n < 3; n++) {
            assertAllThere(cluster.store(n), written);
        }
    }

    static List<String> write(KvDataStore store, String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = String.format("%s%05d", prefix, i);
            store.put(NS, key, new StoredValue(key.getBytes(StandardCharsets.UTF_8), "", 0), System.currentTimeMillis());
            keys.add(key);
        }
        return keys;
    }

    static void assertAllThere(KvDataStore store, List<String> keys) {
        assertAllThere(store, keys, -1);
    }

    /** @param lastOverwrite keys {@code r00000, r00007, ...} hold {@code key@lastOverwrite} when it is not -1 */
    static void assertAllThere(KvDataStore store, List<String> keys, int lastOverwrite) {
        long now = System.currentTimeMillis() / 1000;
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            StoredValue v = store.get(NS, key, now);
            if (v == null) {
                missing.add(key);
            } else {
                boolean overwritten = lastOverwrite >= 0 && key.matches("r\\d{5}") && Integer.parseInt(key.substring(1)) % 7 == 0;
                assertEquals(overwritten ? key + "@" + lastOverwrite : key, new String(v.value(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())), missing.size() + " keys lost");
        List<String> listed = listAll(store, now);
        assertNotNull(listed);
        assertEquals(keys.stream().sorted(Utf8Order.COMPARATOR).toList(),
                listed.stream().filter(keys::contains).toList(), "listed in order");
        assertEquals(true, listed.containsAll(keys), "every key listed");
    }

    static List<String> listAll(KvDataStore store, long now) {
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
}
