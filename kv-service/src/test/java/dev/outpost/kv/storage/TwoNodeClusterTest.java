package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sanity check of the clustered configuration: two nodes on loopback (TCPPING) form one DIST_SYNC cluster
 * and see each other's writes, including the sorted index. The full 3-node suite lives with the KV issue.
 */
class TwoNodeClusterTest {

    private static final String NS = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    private DefaultCacheManager a;
    private DefaultCacheManager b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
    }

    @Test
    void twoLoopbackNodesShareValuesAndTheKeyIndex() throws IOException {
        int portA = freePort(7900);
        int portB = freePort(portA + 1);
        String hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String cluster = "outpost-kv-test-" + ProcessHandle.current().pid();
        a = CacheManagerFactory.start(settings(dir.resolve("a"), cluster, portA, hosts));
        b = CacheManagerFactory.start(settings(dir.resolve("b"), cluster, portB, hosts));
        assertEquals(2, a.getMembers().size(), "members seen by node A");
        assertEquals(2, b.getMembers().size(), "members seen by node B");

        KvDataStore storeA = new KvDataStore(a.getCache(KeyLayout.DATA_CACHE), 4, 1 << 20);
        KvDataStore storeB = new KvDataStore(b.getCache(KeyLayout.DATA_CACHE), 4, 1 << 20);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 20; i++) {
            KvDataStore writer = i % 2 == 0 ? storeA : storeB;
            writer.put(NS, "key" + (char) ('a' + i), new StoredValue(("v" + i).getBytes(StandardCharsets.UTF_8), "", 0), now);
        }
        assertNotNull(storeB.get(NS, "keya", now / 1000));
        assertEquals("v1", new String(storeA.get(NS, "keyb", now / 1000).value(), StandardCharsets.UTF_8));
        List<String> fromB = storeB.list(NS, "key", null, 100, now / 1000).entries().stream().map(IndexEntry::name).toList();
        assertEquals(20, fromB.size());
        assertEquals(fromB.stream().sorted(Utf8Order.COMPARATOR).toList(), fromB);

        storeB.delete(NS, "keyc", now / 1000);
        assertNull(storeA.get(NS, "keyc", now / 1000));
        assertEquals(19, storeA.list(NS, "", null, 100, now / 1000).entries().size());
    }

    private static StorageSettings settings(Path dataDir, String cluster, int port, String hosts) {
        return new StorageSettings(dataDir, "32MB",
                Optional.of(new StorageSettings.Cluster(cluster, "127.0.0.1", port, hosts, Optional.empty(), 2)));
    }

    /** A free port at or above {@code from}; low ports keep JGroups' FD_SOCK2 port (port + 50000) valid. */
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
