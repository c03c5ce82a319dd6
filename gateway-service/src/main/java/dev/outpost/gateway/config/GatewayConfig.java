package dev.outpost.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything under {@code outpost.gateway.*}; each key is documented in the README. */
@ConfigMapping(prefix = "outpost.gateway")
public interface GatewayConfig {

    /** Port of the worker traffic server (kept apart from the control-plane port). */
    @WithDefault("8787")
    int workerPort();

    /** Interface the worker traffic server binds to. */
    @WithDefault("0.0.0.0")
    String workerHost();

    /** Largest request body a worker may receive; larger requests get 413. */
    @WithDefault("104857600")
    long maxRequestBodyBytes();

    /** Longest request URL (path and query) a worker may receive; longer ones get 414 (RT-13: 16 KB). */
    @WithDefault("16384")
    int maxUrlBytes();

    /** Most bytes of request headers (names and values) a worker may receive; more get 431 (RT-13: 128 KB). */
    @WithDefault("131072")
    int maxRequestHeaderBytes();

    /**
     * Subrequests (outbound fetches, each redirect hop, binding calls) one request may make (RT-13: paid plan 10,000,
     * like the paid-plan CPU default; 50 is the free plan's).
     */
    @WithDefault("10000")
    int subrequestLimit();

    /** KV and D1 calls one request may make (RT-13, KV-8, D1-11: 1,000), apart from the subrequest limit. */
    @WithDefault("1000")
    int bindingOperationLimit();

    /** Outbound fetch() (outpost.gateway.fetch.*). */
    Fetch fetch();

    /** The Cache API store (RT-6): in memory, shared by all isolates of this gateway process. */
    Cache cache();

    interface Cache {
        /** Total bytes of cached responses (bodies, headers, keys) before least recently used ones are evicted. */
        @io.smallrye.config.WithDefault("67108864")
        long maxBytes();

        /** Largest single cached response; a bigger one is accepted by {@code put()} and not stored. */
        @io.smallrye.config.WithDefault("8388608")
        long maxObjectBytes();
    }

    /** Outbound fetch: the SSRF guard's exceptions and additions. */
    interface Fetch {
        /**
         * CIDRs a worker may fetch although they are loopback, private, link-local or otherwise refused
         * (comma-separated, e.g. {@code 127.0.0.1/32}); empty by default.
         */
        Optional<java.util.List<String>> allowedCidrs();

        /** Further CIDRs refused on top of the built-in private ranges, e.g. the cluster's pod and service ranges. */
        Optional<java.util.List<String>> deniedCidrs();

        /** Connect timeout of an outbound fetch. */
        @WithDefault("10s")
        Duration connectTimeout();
    }

    /** Deadline of one binding call to a primitive service (KV, R2, ...). */
    @WithDefault("5s")
    Duration bindingTimeout();

    /** CPU time one request may use in a worker unless the worker's own limits say less. */
    @WithDefault("30s")
    Duration cpuLimit();

    /** Wall-clock time after which a request that produced no response fails. */
    @WithDefault("60s")
    Duration wallLimit();

    /** Heap budget per isolate. */
    @WithDefault("134217728")
    long heapLimitBytes();

    /** Most cron triggers one account may have across its workers (Cloudflare: 5 Free, 250 Paid; CRON-3). */
    @WithDefault("250")
    int maxCronTriggersPerAccount();

    Bootstrap bootstrap();

    /** RT-9: the IATA-style code reported as {@code request.cf.colo}. */
    @WithDefault("LCL")
    String colo();

    /**
     * RT-9: trust the {@code CF-Connecting-IP}, {@code X-Forwarded-For} and {@code CF-IPCountry} headers that a
     * proxy in front of the gateway sets; otherwise clients' copies are dropped and the peer address is used.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    ScheduledEndpoint scheduledEndpoint();

    /** {@code /cdn-cgi/handler/scheduled} on the worker port runs the scheduled handler, as under wrangler dev. */
    interface ScheduledEndpoint {
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Base64 of a 256-bit AES key that encrypts worker secrets at rest (AES-GCM). Without it the
     * control plane refuses to store secrets rather than keep them in clear.
     */
    Optional<String> secretsKey();

    D1 d1();

    /** Durable Object placement (outpost.gateway.durable-object.*). */
    DurableObject durableObject();

    Isolates isolates();

    /** The isolate pool of each worker version (outpost.gateway.isolates.*). */
    interface Isolates {
        /** Isolates one worker version may use at most; 0 means one per CPU core. */
        @WithDefault("0")
        int maxPerVersion();

        /** An isolate beyond a version's first is closed after this long without a request. */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Share of time (0..1] every isolate's thread must be busy before the pool adds one. */
        @WithDefault("0.75")
        double scaleUpUtilization();

        /** Resident memory (bytes) above which idle extra isolates are closed at once; 0 = no threshold. */
        @WithDefault("0")
        long memoryPressureBytes();
    }

    /** D1 placement (outpost.gateway.d1.*): the d1-service shards, in the same order as their outpost.d1.shards. */
    interface D1 {
        /** Comma-separated host:port of every shard; a database id is owned by one (rendezvous hashing). */
        @WithDefault("127.0.0.1:8083")
        String shards();

        /** Deadline of one D1 call: longer than d1-service's 30 s query limit, so its own error wins. */
        @WithDefault("35s")
        Duration timeout();
    }

    /**
     * Durable Object placement (outpost.gateway.durable-object.*): the durable-object-service shards, in the same
     * order as their outpost.durableobject.shards.
     */
    interface DurableObject {
        /** Comma-separated host:port of every shard; an object id is owned by one (rendezvous hashing). */
        @WithDefault("127.0.0.1:8084")
        String shards();

        /** Deadline of one call to an object (fetch or RPC); longer than the object's own 30 s wall limit. */
        @WithDefault("35s")
        Duration timeout();
    }

    /** An account and token created at start when absent (the local stack uses this). */
    interface Bootstrap {
        Optional<String> accountId();

        @WithDefault("Local account")
        String accountName();

        Optional<String> token();

        /** Id of that token when it is created (its S3 access key id for R2); random when absent. */
        Optional<java.util.UUID> tokenId();
    }
}
