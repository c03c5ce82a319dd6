package dev.outpost.kv.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.ShutdownHookBehavior;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.eviction.EvictionStrategy;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.topology.CacheJoinException;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;
import org.infinispan.util.concurrent.IsolationLevel;
import org.jboss.logging.Logger;

/**
 * Builds and starts the embedded Infinispan cache manager with kv-service's two caches.
 *
 * <ul>
 * <li>Both caches are transactional with pessimistic locking: the sorted key index and the values it
 * describes change together, and index chunks are locked while they change (see {@link KvDataStore}).</li>
 * <li>Each cache persists to a SoftIndexFileStore under {@code dataDir}, so data survives a restart;
 * the heap holds at most {@code memoryMaxSize} per cache (entries are stored as ProtoStream bytes).</li>
 * <li>Clustered: DIST_SYNC with {@code numOwners} copies over JGroups. The stack extends Infinispan's
 * built-in {@code tcp} stack (which keeps {@code tcp_nodelay=true}; without it every synchronous write
 * waited ~18 ms) and replaces only its multicast discovery: TCPPING with static hosts, or DNS_PING on
 * Kubernetes.</li>
 * </ul>
 */
public final class CacheManagerFactory {

    private static final Logger LOG = Logger.getLogger(CacheManagerFactory.class);
    /** How often a running node checks whether its persisted topology is the current stable one. */
    private static final Duration TOPOLOGY_CHECK = Duration.ofMillis(500);

    private CacheManagerFactory() {
    }

    /** Starts the manager and both caches (see {@link #startManager} and {@link #startCaches}). */
    public static DefaultCacheManager start(StorageSettings settings) {
        return startCaches(startManager(settings), settings);
    }

    /**
     * Starts both caches of a manager made by {@link #startManager}; returns the manager that runs them. A
     * node that crashed alone and comes back to a running cluster carries a persisted topology the cluster
     * no longer has ({@link TopologyStateKeeper}); Infinispan refuses its join, so the stale topology files
     * are deleted and the node joins again with a new manager, taking its entries from the running members.
     */
    public static DefaultCacheManager startCaches(DefaultCacheManager manager, StorageSettings settings) {
        try {
            startCaches(manager);
            return manager;
        } catch (RuntimeException e) {
            manager.stop();
            rejoinAfresh(e, settings);
        }
        DefaultCacheManager fresh = startManagerOnce(settings);
        try {
            startCaches(fresh);
            return fresh;
        } catch (RuntimeException e) {
            fresh.stop();
            throw e;
        }
    }

    /** Rethrows {@code e} unless it is the refusal of a stale persisted topology, whose files it deletes. */
    private static void rejoinAfresh(RuntimeException e, StorageSettings settings) {
        if (settings.cluster().isEmpty() || !causedBy(e, CacheJoinException.class)
                || !TopologyStateKeeper.deleteStateFiles(settings.dataDir())) {
            throw e;
        }
        TopologyStateKeeper.forget(settings.dataDir());
        LOG.warnf("The running KV cluster refused this node's persisted topology (%s); joining afresh",
                rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the cache manager (and, clustered, joins the JGroups cluster) with both caches defined but not
     * started. Starting a cache that recovers a persisted topology blocks until every member of that topology
     * has joined it, so a caller restarting several nodes may first let their managers find each other.
     */
    public static DefaultCacheManager startManager(StorageSettings settings) {
        try {
            return startManagerOnce(settings);
        } catch (RuntimeException e) {
            // The manager starts caches the running cluster already has, so a stale topology is refused here too
            rejoinAfresh(e, settings);
            return startManagerOnce(settings);
        }
    }

    private static DefaultCacheManager startManagerOnce(StorageSettings settings) {
        if (settings.cluster().isPresent()) {
            TopologyStateKeeper.restoreAfterCrash(settings.dataDir());
        }
        ConfigurationBuilderHolder holder = settings.cluster()
                .map(c -> new ParserRegistry().parse(clusterXml(c)))
                .orElseGet(ConfigurationBuilderHolder::new);
        GlobalConfigurationBuilder global = holder.getGlobalConfigurationBuilder();
        if (settings.cluster().isEmpty()) {
            global.nonClusteredDefault();
        }
        global.cacheManagerName("outpost-kv");
        global.globalState().enable().persistentLocation(settings.dataDir().toAbsolutePath().toString());
        global.serialization().addContextInitializer(new KvStorageSchemaImpl());
        // Quarkus stops the manager (CacheManagerProducer#stop); a JVM hook of our own would race it.
        global.shutdown().hookBehavior(ShutdownHookBehavior.DONT_REGISTER);

        for (String name : new String[] { KeyLayout.NAMESPACES_CACHE, KeyLayout.DATA_CACHE }) {
            cacheConfiguration(holder.newConfigurationBuilder(name), name, settings);
        }
        DefaultCacheManager manager = new DefaultCacheManager(holder, false);
        try {
            manager.start();
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
        return manager;
    }

    /**
     * Starts both caches; blocks until each has its (possibly recovered) topology. Clustered, it then keeps
     * their topology on disk while the manager runs ({@link TopologyStateKeeper}).
     */
    public static void startCaches(DefaultCacheManager manager) {
        manager.getCache(KeyLayout.NAMESPACES_CACHE);
        manager.getCache(KeyLayout.DATA_CACHE);
        if (manager.getCacheManagerConfiguration().isClustered()) {
            TopologyStateKeeper.start(manager, TOPOLOGY_CHECK);
        }
    }

    /**
     * An ordinary stop of one node: it leaves the cluster, whose other members take over its entries. Its
     * persisted topology is deleted, so that it comes back as a plain joiner taking newer values from the
     * running members rather than as a member recovering its (by then stale) store.
     */
    public static void stopNode(DefaultCacheManager manager, StorageSettings settings) {
        manager.stop();
        if (settings.cluster().isPresent()) {
            TopologyStateKeeper.forget(settings.dataDir());
        }
    }

    /**
     * Graceful shutdown of the whole cluster: every node persists its caches' consistent hash (and its own
     * persistent id, kept under {@code dataDir}) and stops them. When all nodes start again from their data
     * directories, the caches wait for every previous member and reinstall that topology, so each node again
     * owns exactly the entries its store holds. Cluster-wide: use it to stop all nodes, never for one node.
     */
    public static void shutdownCluster(DefaultCacheManager manager) {
        manager.shutdownAllCaches();
    }

    private static void cacheConfiguration(ConfigurationBuilder b, String name, StorageSettings settings) {
        settings.cluster().ifPresentOrElse(
                c -> b.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(c.numOwners()),
                () -> b.clustering().cacheMode(CacheMode.LOCAL));
        b.encoding().mediaType(MediaType.APPLICATION_PROTOSTREAM_TYPE);
        b.memory().maxSize(settings.memoryMaxSize()).whenFull(EvictionStrategy.REMOVE);
        b.transaction()
                .transactionMode(TransactionMode.TRANSACTIONAL)
                .lockingMode(LockingMode.PESSIMISTIC)
                .transactionManagerLookup(new EmbeddedTransactionManagerLookup());
        b.locking().isolationLevel(IsolationLevel.READ_COMMITTED).lockAcquisitionTimeout(10, TimeUnit.SECONDS);
        // Relative locations resolve against the global persistent location (dataDir).
        b.persistence().addSoftIndexFileStore()
                .dataLocation(name + "/data")
                .indexLocation(name + "/index");
    }

    /** Infinispan XML holding only the JGroups stack and the transport; everything else is programmatic. */
    static String clusterXml(StorageSettings.Cluster c) {
        String discovery = c.dnsQuery()
                .map(q -> "<dns.DNS_PING xmlns=\"urn:org:jgroups\" dns_query=\"" + attr(q) + "\""
                        + " dns_record_type=\"A\" num_discovery_runs=\"3\""
                        + " stack.combine=\"REPLACE\" stack.position=\"MPING\"/>")
                .orElseGet(() -> "<TCPPING xmlns=\"urn:org:jgroups\" initial_hosts=\"" + attr(c.initialHosts()) + "\""
                        + " port_range=\"0\" stack.combine=\"REPLACE\" stack.position=\"MPING\"/>");
        return "<infinispan xmlns=\"urn:infinispan:config:16.0\">"
                + "<jgroups><stack name=\"outpost-kv\" extends=\"tcp\">"
                + "<TCP xmlns=\"urn:org:jgroups\" bind_addr=\"" + attr(c.bindAddress()) + "\""
                + " bind_port=\"" + c.bindPort() + "\" port_range=\"0\" stack.combine=\"COMBINE\"/>"
                + discovery
                + "</stack></jgroups>"
                + "<cache-container><transport cluster=\"" + attr(c.name()) + "\" stack=\"outpost-kv\""
                + " node-name=\"" + attr(c.bindAddress() + ":" + c.bindPort()) + "\"/></cache-container>"
                + "</infinispan>";
    }

    private static String attr(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
