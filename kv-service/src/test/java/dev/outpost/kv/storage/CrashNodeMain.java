package dev.outpost.kv.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.infinispan.manager.DefaultCacheManager;

/**
 * A storage node in its own JVM, so a test can kill it with SIGKILL: args {@code dataDir cluster port hosts
 * members writes}. Waits for {@code members} members; when {@code writes > 0} writes keys {@code c00000...}
 * and prints {@code WRITTEN}; then prints {@code READY} and sleeps until killed.
 */
public final class CrashNodeMain {

    public static void main(String[] args) throws Exception {
        StorageSettings s = new StorageSettings(Path.of(args[0]), "32MB", Optional.of(new StorageSettings.Cluster(
                args[1], "127.0.0.1", Integer.parseInt(args[2]), args[3], Optional.empty(), 2)));
        int members = Integer.parseInt(args[4]);
        int writes = Integer.parseInt(args[5]);
        DefaultCacheManager m = CacheManagerFactory.start(s);
        LoopbackCluster.waitFor(() -> m.getMembers().size() == members, 120_000);
        // A stable topology of all members, and time for TopologyStateKeeper to persist it: the crash tested
        // is one of a settled cluster, not one in the middle of a rebalance.
        LoopbackCluster.waitFor(() -> {
            var t = m.getCache(KeyLayout.DATA_CACHE).getAdvancedCache().getDistributionManager().getCacheTopology();
            return t.getPendingCH() == null && t.getMembers().size() == members;
        }, 120_000);
        Thread.sleep(1500);
        System.out.println("READY");
        System.out.flush();
        if (writes > 0) {
            KvDataStore store = new KvDataStore(m.getCache(KeyLayout.DATA_CACHE), 64, 1 << 20);
            for (int i = 0; i < writes; i++) {
                String key = String.format("c%05d", i);
                store.put(ClusterRestartTest.NS, key, new StoredValue(key.getBytes(StandardCharsets.UTF_8), "", 0),
                        System.currentTimeMillis());
            }
            System.out.println("WRITTEN");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
