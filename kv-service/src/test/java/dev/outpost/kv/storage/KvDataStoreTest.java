package dev.outpost.kv.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.infinispan.Cache;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage layer on a real local Infinispan with a file store, with tiny index chunks to force splits. */
class KvDataStoreTest {

    private static final String NS = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    private DefaultCacheManager manager;
    private KvDataStore store;

    @BeforeEach
    void start() {
        open();
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
    }

    private void open() {
        manager = CacheManagerFactory.start(StorageSettings.local(dataDir));
        Cache<String, Object> cache = manager.getCache(KeyLayout.DATA_CACHE);
        store = new KvDataStore(cache, 4, 1 << 20);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static StoredValue value(String text) {
        return new StoredValue(text.getBytes(StandardCharsets.UTF_8), "", 0);
    }

    // KV-7: sorted by UTF-8 bytes, paged with a cursor, prefix respected, across many chunk splits.
    @Test
    void listMatchesASortedModelUnderRandomPutsAndDeletes() {
        Random random = new Random(7);
        NavigableMap<String, Boolean> model = new TreeMap<>(Utf8Order.COMPARATOR);
        String[] alphabet = { "a", "b", "é", "\ue000", "\ud83d\ude00", "/", "0" };
        for (int i = 0; i < 600; i++) {
            StringBuilder key = new StringBuilder();
            for (int j = 0, n = 1 + random.nextInt(4); j < n; j++) {
                key.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String k = key.toString();
            if (random.nextInt(4) == 0) {
                store.delete(NS, k, now() / 1000);
                model.remove(k);
            } else {
                store.put(NS, k, value(k), now());
                model.put(k, true);
            }
        }
        for (String prefix : new String[] { "", "a", "é", "\ud83d\ude00", "zz" }) {
            for (int limit : new int[] { 1, 3, 7, 1000 }) {
                List<String> expected = model.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
                assertEquals(expected, listAll(prefix, limit), "prefix=" + prefix + " limit=" + limit);
            }
        }
        for (String k : model.keySet()) {
            assertArrayEquals(k.getBytes(StandardCharsets.UTF_8), store.get(NS, k, now() / 1000).value());
        }
    }

    // KV-7 with group commit: random batches (puts, deletes, the same key twice) applied in one transaction
    // each, many keys landing in one 4-key chunk (which then splits several times at once), match the model.
    @Test
    void batchesOfWritesMatchASortedModel() {
        Random random = new Random(11);
        NavigableMap<String, String> model = new TreeMap<>(Utf8Order.COMPARATOR);
        for (int round = 0; round < 40; round++) {
            List<KvDataStore.Write> batch = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(60); i < n; i++) {
                String k = "k" + random.nextInt(300);
                if (random.nextInt(5) == 0) {
                    batch.add(new KvDataStore.Write(k, null));
                    model.remove(k);
                } else {
                    String v = k + "@" + round + "." + i;
                    batch.add(new KvDataStore.Write(k, value(v)));
                    model.put(k, v);
                }
            }
            store.apply(NS, batch, now());
        }
        for (int limit : new int[] { 1, 5, 1000 }) {
            assertEquals(List.copyOf(model.keySet()), listAll("", limit), "limit=" + limit);
        }
        assertEquals(model.keySet().stream().filter(k -> k.startsWith("k1")).toList(), listAll("k1", 3));
        model.forEach((k, v) -> assertArrayEquals(v.getBytes(StandardCharsets.UTF_8),
                store.get(NS, k, now() / 1000).value(), k));
        assertNull(store.get(NS, "k-never", now() / 1000));
    }

    // Group commit through WriteBatcher from many threads: every acknowledged write is readable and listed once.
    @Test
    void writeBatcherAcknowledgesOnlyCommittedWrites() throws Exception {
        WriteBatcher batcher = new WriteBatcher(store, System::currentTimeMillis, 64, 1 << 20, 2);
        try {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String k = String.format("w%03d", (i * 37) % 500);
                keys.add(k);
                writes.add(batcher.submit(NS, k, value(k), () -> { }));
            }
            CompletableFuture<Void> refused = batcher.submit(NS, "refused", value("x"), () -> {
                throw new IllegalStateException("namespace gone");
            });
            for (var w : writes) {
                w.get(30, TimeUnit.SECONDS);
            }
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> refused.get(30, TimeUnit.SECONDS));
            assertEquals("namespace gone", e.getCause().getMessage());
            assertEquals(keys.stream().sorted().toList(), listAll("", 1000));
            assertNull(store.get(NS, "refused", now() / 1000));
        } finally {
            batcher.close();
        }
    }

    @Test
    void concurrentWritersToOneNamespaceKeepTheIndexExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        store.put(NS, String.format("k%03d-%d", i, thread), value("v"), now());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> keys = listAll("", 1000);
        assertEquals(600, keys.size());
        assertEquals(keys.stream().sorted(Utf8Order.COMPARATOR).distinct().toList(), keys);
    }

    @Test
    void expiredKeysAreNeitherReturnedNorListed() {
        long nowSeconds = now() / 1000;
        store.put(NS, "short", new StoredValue("x".getBytes(StandardCharsets.UTF_8), "", nowSeconds + 100), now());
        store.put(NS, "long", value("y"), now());
        assertNotNull(store.get(NS, "short", nowSeconds));
        assertEquals(List.of("long", "short"), names(store.list(NS, "", null, 10, nowSeconds)));
        // Seen from the moment of expiration onward.
        assertNull(store.get(NS, "short", nowSeconds + 100));
        assertEquals(List.of("long"), names(store.list(NS, "", null, 10, nowSeconds + 100)));
        assertTrue(store.getAll(NS, List.of("short", "long"), nowSeconds + 100).keySet().contains("long"));
        assertFalse(store.getAll(NS, List.of("short", "long"), nowSeconds + 100).containsKey("short"));
    }

    @Test
    void dataSurvivesARestartOfTheCacheManager() {
        for (int i = 0; i < 50; i++) {
            store.put(NS, "key" + i, new StoredValue(("value" + i).getBytes(StandardCharsets.UTF_8), "{\"i\":" + i + "}", 0),
                    now());
        }
        store.delete(NS, "key7", now() / 1000);
        manager.stop();
        manager = null;

        open();
        StoredValue v = store.get(NS, "key42", now() / 1000);
        assertEquals("value42", new String(v.value(), StandardCharsets.UTF_8));
        assertEquals("{\"i\":42}", v.metadataJson());
        assertNull(store.get(NS, "key7", now() / 1000));
        List<String> keys = listAll("", 1000);
        assertEquals(49, keys.size());
        assertFalse(keys.contains("key7"));
    }

    @Test
    void purgeRemovesValuesAndIndex() {
        for (int i = 0; i < 20; i++) {
            store.put(NS, "k" + i, value("v"), now());
        }
        store.purge(NS, now() / 1000);
        assertTrue(listAll("", 1000).isEmpty());
        assertNull(store.get(NS, "k3", now() / 1000));
        Map<String, StoredValue> all = store.getAll(NS, List.of("k1", "k2"), now() / 1000);
        assertTrue(all.isEmpty());
    }

    private List<String> listAll(String prefix, int limit) {
        List<String> out = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 10_000; pages++) {
            KvDataStore.ListSlice slice = store.list(NS, prefix, after, limit, now() / 1000);
            assertTrue(slice.entries().size() <= limit);
            out.addAll(names(slice));
            if (!slice.more()) {
                return out;
            }
            after = slice.entries().get(slice.entries().size() - 1).name();
        }
        throw new AssertionError("listing did not end");
    }

    private static List<String> names(KvDataStore.ListSlice slice) {
        return slice.entries().stream().map(IndexEntry::name).toList();
    }
}
