package dev.outpost.kv.storage;

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
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;
import org.infinispan.util.concurrent.IsolationLevel;

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

    private CacheManagerFactory() {
    }

    /** Starts the manager and both caches (see {@link #startManager} and {@link #startCaches}). */
    public static DefaultCacheManager start(StorageSettings settings) {
        DefaultCacheManager manager = startManager(settings);
        try {
            startCaches(manager);
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
        return manager;
    }

    /**
     * Starts the cache manager (and, clustered, joins the JGroups cluster) with both caches defined but not
     * started. Starting a cache that recovers a persisted topology blocks until every member of that topology
     * has joined it, so a caller restarting several nodes may first let their managers find each other.
     */
    public static DefaultCacheManager startManager(StorageSettings settings) {
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
        return new DefaultCacheManager(holder, true);
    }

    /** Starts both caches; blocks until each has its (possibly recovered) topology. */
    public static void startCaches(DefaultCacheManager manager) {
        manager.getCache(KeyLayout.NAMESPACES_CACHE);
        manager.getCache(KeyLayout.DATA_CACHE);
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
