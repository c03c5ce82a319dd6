package dev.outpost.d1.model;

/**
 * A database as the management API shows it (D1-13). {@code numTables} is null when not computed
 * (list), {@code fileSize} is the on-disk size of the database file(s).
 */
public record DatabaseInfo(String uuid, String name, String accountId, long createdAtMs, long fileSize,
                           Integer numTables, String region, String primaryLocationHint, String jurisdiction) {
}
