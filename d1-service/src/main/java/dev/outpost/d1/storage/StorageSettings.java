package dev.outpost.d1.storage;

import java.time.Duration;

/**
 * The storage knobs of every database, from configuration.
 *
 * @param synchronous   "NORMAL" (default) — SQLite does not fsync per commit, the writer queue fsyncs
 *                      the WAL once per group of commits before acknowledging any of them (group
 *                      commit); or "FULL" — SQLite fsyncs every commit itself. Both acknowledge a write
 *                      only when it survives kill -9 and power loss; NORMAL lets concurrent writers of
 *                      a database share one fsync.
 * @param readers       read-only connections per database
 * @param maxDatabaseBytes D1-11 size limit
 * @param retention     Time Travel window
 * @param snapshotInterval minimum time between periodic snapshots
 */
public record StorageSettings(String synchronous, int readers, long maxDatabaseBytes, Duration retention,
                              Duration snapshotInterval) {

    /** D1-11 limits, applied with sqlite3_limit on every connection. */
    public static final int MAX_STATEMENT_BYTES = 100_000;
    public static final int MAX_PARAMETERS = 100;
    public static final int MAX_VALUE_BYTES = 2_000_000;
    public static final int MAX_COLUMNS = 100;
    public static final int MAX_FUNCTION_ARGS = 32;
    public static final int MAX_LIKE_PATTERN_BYTES = 50;
    /** Import statements may carry big literals (a 2 MB BLOB is 4 MB of hex). */
    public static final int MAX_IMPORT_STATEMENT_BYTES = 8_000_000;
    /** WAL size after which the writer checkpoints (after archiving) instead of waiting for maintenance. */
    public static final long CHECKPOINT_WAL_BYTES = 16L * 1024 * 1024;
}
