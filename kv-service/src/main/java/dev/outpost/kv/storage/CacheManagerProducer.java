package dev.outpost.kv.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.infinispan.Cache;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

import dev.outpost.kv.config.KvConfig;
import io.quarkus.runtime.Startup;

/**
 * Owns the embedded Infinispan cache manager: started eagerly at boot (so a cluster forms before traffic
 * arrives), stopped when the application shuts down.
 */
@Startup
@Singleton
public class CacheManagerProducer {

    private static final Logger LOG = Logger.getLogger(CacheManagerProducer.class);

    private final DefaultCacheManager manager;
    private final KvConfig config;
    private final StorageSettings settings;
    private boolean clusterShutDown;
    private final List<WriteBatcher> batchers = new CopyOnWriteArrayList<>();

    public CacheManagerProducer(KvConfig config) {
        this.config = config;
        this.settings = settings(config);
        this.manager = CacheManagerFactory.start(settings);
        LOG.infof("KV storage started in %s (%s)", settings.dataDir().toAbsolutePath(),
                settings.cluster().map(c -> "cluster " + c.name() + ", members " + manager.getMembers())
                        .orElse("local"));
    }

    static StorageSettings settings(KvConfig config) {
        KvConfig.Cluster c = config.cluster();
        Optional<StorageSettings.Cluster> cluster = !c.enabled() ? Optional.empty()
                : Optional.of(new StorageSettings.Cluster(c.name(), c.bindAddress(), c.bindPort(),
                        c.initialHosts().orElse(c.bindAddress() + "[" + c.bindPort() + "]"),
                        c.dnsQuery(), c.numOwners()));
        return new StorageSettings(Path.of(config.dataDir()), config.memoryMaxSize(), cluster);
    }

    @Produces
    @Singleton
    EmbeddedCacheManager cacheManager() {
        return manager;
    }

    @Produces
    @Singleton
    KvDataStore dataStore() {
        Cache<String, Object> cache = manager.getCache(KeyLayout.DATA_CACHE);
        return new KvDataStore(cache, config.index().chunkMaxKeys(), config.index().chunkMaxBytes());
    }

    @Produces
    @Singleton
    WriteBatcher writeBatcher(KvDataStore data, Clock clock) {
        KvConfig.Write w = config.write();
        WriteBatcher batcher = new WriteBatcher(data, clock::millis, w.maxBatchWrites(), w.maxBatchBytes(), w.threads());
        batchers.add(batcher);
        return batcher;
    }

    @Produces
    @Singleton
    NamespaceStore namespaceStore() {
        Cache<String, Object> cache = manager.getCache(KeyLayout.NAMESPACES_CACHE);
        return new NamespaceStore(cache);
    }

    /** Whether this node runs clustered caches (a cluster-wide shutdown only makes sense then). */
    public boolean clustered() {
        return config.cluster().enabled();
    }

    /** See {@link CacheManagerFactory#shutdownCluster}; the process may then be stopped. */
    public synchronized void shutdownCluster() {
        if (!clusterShutDown) {
            LOG.infof("Graceful shutdown of the KV cluster (members %s): persisting the topology", manager.getMembers());
            CacheManagerFactory.shutdownCluster(manager);
            clusterShutDown = true;
        }
    }

    /**
     * An ordinary stop leaves the cluster: the other members take over this node's entries (rolling restarts
     * lose nothing). With {@code outpost.kv.cluster.shutdown-cluster-on-stop} the stop of any node shuts the
     * whole cluster down gracefully instead, for deployments that always stop all nodes together.
     */
    @PreDestroy
    synchronized void stop() {
        if (clustered() && config.cluster().shutdownClusterOnStop() && !clusterShutDown) {
            try {
                shutdownCluster();
            } catch (RuntimeException e) {
                LOG.warn("Graceful cluster shutdown failed; stopping this node only", e);
            }
        }
        // Queued writes commit (or fail) before the caches go away.
        batchers.forEach(b -> b.close(10_000));
        LOG.info("Stopping KV storage");
        if (clusterShutDown) {
            manager.stop(); // keeps the topology the cluster shutdown persisted
        } else {
            CacheManagerFactory.stopNode(manager, settings);
        }
    }
}
