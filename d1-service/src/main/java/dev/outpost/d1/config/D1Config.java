package dev.outpost.d1.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code outpost.d1.*} key of the service (documented with defaults in the module README). */
@ConfigMapping(prefix = "outpost.d1")
public interface D1Config {

    /** Directory holding the catalog and one sub-directory per database. */
    @WithDefault("data/d1")
    String dataDir();

    /** Every shard's gRPC/HTTP address (host:port), in shard-index order; the same list on every shard and the gateway. */
    @WithDefault("127.0.0.1:8083")
    List<String> shards();

    /** This process's position in {@link #shards()}. */
    @WithDefault("0")
    int shardIndex();

    /** Bearer token required on the REST API. Unset: every REST call is refused with 401. */
    Optional<String> apiToken();

    /** D1-11: wall-clock limit of one query or batch; a runaway statement is interrupted. */
    @WithDefault("30s")
    Duration queryTimeout();

    /** Time limit of import/export, which legitimately run longer than a query. */
    @WithDefault("15m")
    Duration transferTimeout();

    /** D1-11: maximum size of one database (enforced with PRAGMA max_page_count). */
    @WithDefault("10737418240")
    long maxDatabaseBytes();

    /**
     * NORMAL (default): group commit — the writer fsyncs the WAL once per group of commits before
     * acknowledging them; FULL: SQLite fsyncs every commit. Either way an acknowledged write is durable.
     */
    @WithDefault("NORMAL")
    String synchronous();

    /** Read-only connections per open database used for SELECTs in parallel with the writer (0 = writer only). */
    @WithDefault("2")
    int readersPerDatabase();

    /** Reported as meta.served_by_region and running_in_region. */
    @WithDefault("local")
    String region();

    /** How often open databases are checkpointed, snapshotted, pruned and (if idle) closed. */
    @WithDefault("60s")
    Duration maintenanceInterval();

    /** An open database unused this long is closed (its files stay). */
    @WithDefault("10m")
    Duration idleTimeout();

    @WithName("time-travel")
    TimeTravel timeTravel();

    interface TimeTravel {
        /** D1-11/D1-15: how far back a database can be restored. */
        @WithDefault("30d")
        Duration retention();

        /** A full copy of the database file is kept at most this often (restore cost = copy + replay since). */
        @WithDefault("1h")
        Duration snapshotInterval();
    }
}
