package dev.outpost.kv.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.infinispan.commons.time.TimeService;
import org.infinispan.commons.util.Version;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.globalstate.GlobalStateManager;
import org.infinispan.globalstate.ScopedPersistentState;
import org.infinispan.globalstate.impl.GlobalStateHandler;
import org.infinispan.globalstate.impl.GlobalStateManagerImpl;
import org.infinispan.globalstate.impl.ScopedPersistentStateImpl;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.topology.CacheTopology;
import org.infinispan.topology.LocalTopologyManager;
import org.infinispan.topology.PersistentUUIDManager;
import org.jboss.logging.Logger;

/**
 * Keeps each clustered cache's last stable consistent hash on disk while the node runs, so that a cluster
 * whose nodes all crash (SIGKILL, power loss) comes back like one that was shut down gracefully.
 *
 * <p>Why: Infinispan writes a cache's consistent hash ({@code <data-dir>/<cache>.state}) only in a graceful
 * cluster shutdown. Without it a restarted cluster computes a fresh hash, so entries are looked up on nodes
 * whose stores never held them, and the old owners drop the segments they lost: keys vanish. So this writes
 * the same file, in Infinispan's format, after every stable topology — into {@code <data-dir>/crash-state/},
 * not where Infinispan looks: Infinispan treats a state file present at run time as a recovery in progress
 * (a new coordinator would then refuse or stall joiners). At start-up {@link #restoreAfterCrash} moves the
 * files into place when the node did not stop cleanly, and the restarted nodes wait for all members of the
 * last topology and reinstall it, so each node again owns exactly what its store holds.
 *
 * <p>An ordinary stop deletes the files ({@link #forget}); a node that crashed alone and comes back while
 * the others run is refused by them (its topology is stale) and rejoins afresh
 * ({@link CacheManagerFactory#startManager}). The check thread ends by itself once the manager stops.
 */
final class TopologyStateKeeper {

    private static final Logger LOG = Logger.getLogger(TopologyStateKeeper.class);
    private static final String[] CACHES = { KeyLayout.NAMESPACES_CACHE, KeyLayout.DATA_CACHE };
    private static final String CRASH_DIR = "crash-state";

    private final EmbeddedCacheManager manager;
    private final LocalTopologyManager topology;
    private final PersistentUUIDManager persistentIds;
    private final TimeService time;
    private final Path dir;
    private final Map<String, Integer> written = new HashMap<>();
    private final ScheduledExecutorService timer;

    private TopologyStateKeeper(EmbeddedCacheManager manager, Duration period) {
        this.manager = manager;
        GlobalComponentRegistry registry = GlobalComponentRegistry.of(manager);
        this.topology = registry.getComponent(LocalTopologyManager.class);
        this.persistentIds = registry.getComponent(PersistentUUIDManager.class);
        this.time = registry.getComponent(TimeService.class);
        this.dir = crashDir(Path.of(manager.getCacheManagerConfiguration().globalState().persistentLocation()));
        // The node's persistent id (___global.state) must be on disk before a crash, or the restarted node
        // would not be recognised as a member of the persisted topology.
        registry.getComponent(GlobalStateManager.class).writeGlobalState();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kv-topology-state");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::persistSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts keeping the state of both caches of a clustered manager, checking every {@code period}. */
    static TopologyStateKeeper start(EmbeddedCacheManager manager, Duration period) {
        return new TopologyStateKeeper(manager, period);
    }

    private void persistSafely() {
        if (!manager.getStatus().allowInvocations()) {
            timer.shutdown();
            return;
        }
        try {
            persist();
        } catch (RuntimeException | IOException e) {
            LOG.warn("Could not persist the KV cluster topology", e);
        }
    }

    /** Writes a cache's hash when its topology is stable and differs from the one on disk. */
    synchronized void persist() throws IOException {
        for (String cache : CACHES) {
            CacheTopology current = topology.getCacheTopology(cache);
            CacheTopology stable = topology.getStableCacheTopology(cache);
            if (current == null || stable == null || current.getPhase() != CacheTopology.Phase.NO_REBALANCE
                    || current.getPendingCH() != null
                    || !current.getCurrentCH().getMembers().equals(stable.getCurrentCH().getMembers())) {
                continue; // a rebalance is under way: keep the last stable hash
            }
            Integer last = written.get(cache);
            if (last != null && last == current.getTopologyId()) {
                continue;
            }
            write(cache, current);
            written.put(cache, current.getTopologyId());
        }
    }

    /** The file Infinispan's own graceful shutdown writes ({@code LocalTopologyManagerImpl#writeCHState}). */
    private void write(String cache, CacheTopology current) throws IOException {
        ScopedPersistentState state = new ScopedPersistentStateImpl(cache);
        state.setProperty(GlobalStateManagerImpl.VERSION, Version.getVersion());
        state.setProperty(GlobalStateManagerImpl.TIMESTAMP, time.instant().toString());
        state.setProperty(GlobalStateManagerImpl.VERSION_MAJOR, Version.getMajor());
        current.getCurrentCH().toScopedState(state, persistentIds.addressToPersistentUUID());
        // Written aside, then renamed: a crash mid-write never leaves a truncated file behind.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        new GlobalStateHandler(tmp.toString(), time).writeScopedState(state);
        Files.move(tmp.resolve(cache + ".state"), dir.resolve(cache + ".state"),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path crashDir(Path dataDir) {
        return dataDir.resolve(CRASH_DIR);
    }

    /**
     * Before the manager starts: when the node did not stop cleanly (its kept topology is still there) and
     * no graceful shutdown left Infinispan's own files, puts the kept topology where Infinispan recovers it.
     */
    static boolean restoreAfterCrash(Path dataDir) {
        boolean restored = false;
        try {
            for (String cache : CACHES) {
                Path kept = crashDir(dataDir).resolve(cache + ".state");
                Path live = dataDir.resolve(cache + ".state");
                if (Files.exists(kept) && !Files.exists(live)) {
                    Files.copy(kept, live);
                    restored = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (restored) {
            LOG.warnf("KV node in %s did not stop cleanly: recovering the cluster topology it last saw", dataDir);
        }
        return restored;
    }

    /** After an ordinary stop: the kept topology would be stale when the node comes back. */
    static void forget(Path dataDir) {
        deleteFiles(crashDir(dataDir));
    }

    /** Deletes Infinispan's persisted hashes of both caches (and nothing else) under {@code dataDir}. */
    static boolean deleteStateFiles(Path dataDir) {
        return deleteFiles(dataDir);
    }

    private static boolean deleteFiles(Path in) {
        boolean any = false;
        try {
            for (String cache : CACHES) {
                any |= Files.deleteIfExists(in.resolve(cache + ".state"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return any;
    }
}
