package dev.outpost.kv.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** kv-service settings ({@code outpost.kv.*}); every key and default is listed in the module README. */
@ConfigMapping(prefix = "outpost.kv")
public interface KvConfig {

    /** Directory of the persistent stores, relative to the working directory unless absolute. */
    @WithDefault("data/kv")
    String dataDir();

    /** Heap budget per Infinispan cache; colder entries stay on disk. */
    @WithDefault("256MB")
    String memoryMaxSize();

    /**
     * Bearer token the REST API accepts. Unset: the REST API refuses every call (401). Interim until the
     * control plane's shared token validation exists; gRPC callers are trusted (cluster-internal).
     */
    Optional<String> apiToken();

    /** Smallest expiration_ttl and distance of an absolute expiration into the future (Cloudflare: 60). */
    @WithDefault("60")
    int minTtlSeconds();

    /** KV-8: namespaces per account. */
    @WithDefault("1000")
    int maxNamespacesPerAccount();

    /** KV-5: writes per second to one key (Cloudflare: 1); faster writes get 429. 0 = no limit. */
    @WithDefault("1")
    int writeRatePerKey();

    Index index();

    Write write();

    Cluster cluster();

    interface Index {
        /** Keys per sorted-index chunk before it splits. */
        @WithDefault("256")
        int chunkMaxKeys();

        /** Approximate bytes (names + metadata) per chunk before it splits. */
        @WithDefault("262144")
        int chunkMaxBytes();
    }

    /** Group commit of key writes ({@code dev.outpost.kv.storage.WriteBatcher}). */
    interface Write {
        /** Most writes one batch (one transaction) of a namespace takes. 1 = one transaction per write. */
        @WithDefault("256")
        int maxBatchWrites();

        /** About how many bytes of keys, values and metadata one batch takes (a bigger single write goes alone). */
        @WithDefault("4194304")
        long maxBatchBytes();

        /** Writer threads: namespaces whose batches commit at the same time on this node. */
        @WithDefault("4")
        int threads();
    }

    interface Cluster {
        /** false: one local node. true: DIST_SYNC cache over JGroups TCP. */
        @WithDefault("false")
        boolean enabled();

        /** JGroups cluster name. */
        @WithDefault("outpost-kv")
        String name();

        /** JGroups bind address; on Kubernetes use the pod IP or a JGroups keyword such as SITE_LOCAL. */
        @WithDefault("127.0.0.1")
        String bindAddress();

        @WithDefault("7800")
        int bindPort();

        /** TCPPING members, e.g. 127.0.0.1[7800],127.0.0.1[7801]; default: this node alone. */
        Optional<String> initialHosts();

        /** DNS_PING query (headless service name); when set it replaces TCPPING. */
        Optional<String> dnsQuery();

        /** Copies of each entry. */
        @WithDefault("2")
        int numOwners();

        /**
         * true: stopping any node shuts the whole cluster down gracefully (topology persisted on every node),
         * for deployments that always stop all nodes together. false: a stop leaves the cluster; a full stop
         * is then requested with {@code POST /admin/kv/cluster/shutdown}.
         */
        @WithDefault("false")
        boolean shutdownClusterOnStop();
    }
}
