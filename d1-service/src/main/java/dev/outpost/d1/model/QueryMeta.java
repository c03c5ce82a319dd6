package dev.outpost.d1.model;

/**
 * D1-8 meta of one statement. rows_read / rows_written are approximations (sqlite-jdbc does not
 * expose sqlite3_stmt_status): rows_read = rows returned + rows changed, rows_written = rows changed
 * (including those changed by triggers and foreign-key actions).
 */
public record QueryMeta(double durationMs, long changes, long lastRowId, boolean changedDb, long sizeAfter,
                        long rowsRead, long rowsWritten, String servedBy, String servedByRegion) {

    public QueryMeta withSize(long size, String servedBy, String region) {
        return new QueryMeta(durationMs, changes, lastRowId, changedDb, size, rowsRead, rowsWritten, servedBy, region);
    }
}
