package dev.outpost.d1.storage;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases this shard owns, per account: a small SQLite file ({@code catalog.sqlite} in the
 * data directory) mirrored in memory, so the per-request ownership/account check never touches
 * the disk. Names are unique per account on this shard (a UNIQUE index); across shards the
 * service checks the other shards before creating.
 */
public final class Catalog implements AutoCloseable {

    /** One database of this shard. */
    public record Entry(String uuid, String accountId, String name, long createdAtMs, String primaryLocationHint,
                        String jurisdiction) {
    }

    private final Connection conn;
    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private volatile boolean open;

    public Catalog(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(10_000);
        conn = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS databases (uuid TEXT PRIMARY KEY, account_id TEXT NOT NULL, "
                    + "name TEXT NOT NULL, created_at_ms INTEGER NOT NULL, primary_location_hint TEXT, jurisdiction TEXT, "
                    + "UNIQUE (account_id, name))");
            try (ResultSet rs = s.executeQuery("SELECT uuid, account_id, name, created_at_ms, primary_location_hint, "
                    + "jurisdiction FROM databases")) {
                while (rs.next()) {
                    Entry e = new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6));
                    byId.put(e.uuid(), e);
                }
            }
        }
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    public synchronized void insert(Entry e) {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO databases VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, e.uuid());
            ps.setString(2, e.accountId());
            ps.setString(3, e.name());
            ps.setLong(4, e.createdAtMs());
            ps.setString(5, e.primaryLocationHint());
            ps.setString(6, e.jurisdiction());
            ps.executeUpdate();
            byId.put(e.uuid(), e);
        } catch (SQLiteException ex) {
            if (ex.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw D1Exception.invalid("A database with id " + e.uuid() + " already exists");
            }
            if ((ex.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                throw duplicateName();
            }
            throw new D1Exception(D1ErrorCode.INTERNAL, "catalog write failed", ex);
        } catch (SQLException ex) {
            throw new D1Exception(D1ErrorCode.INTERNAL, "catalog write failed", ex);
        }
    }

    public static D1Exception duplicateName() {
        return new D1Exception(D1ErrorCode.DUPLICATE_NAME, "A database with that name already exists");
    }

    public synchronized void delete(String uuid) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM databases WHERE uuid = ?")) {
            ps.setString(1, uuid);
            ps.executeUpdate();
            byId.remove(uuid);
        } catch (SQLException ex) {
            throw new D1Exception(D1ErrorCode.INTERNAL, "catalog write failed", ex);
        }
    }

    public Entry get(String uuid) {
        return byId.get(uuid);
    }

    public Collection<Entry> all() {
        return byId.values();
    }

    /** Databases of an account, oldest first; {@code nameFilter} (case-insensitive substring) may be null. */
    public List<Entry> list(String accountId, String nameFilter) {
        String f = nameFilter == null || nameFilter.isBlank() ? null : nameFilter.toLowerCase(Locale.ROOT);
        return byId.values().stream()
                .filter(e -> e.accountId().equals(accountId))
                .filter(e -> f == null || e.name().toLowerCase(Locale.ROOT).contains(f))
                .sorted(Comparator.comparingLong(Entry::createdAtMs).thenComparing(Entry::uuid))
                .toList();
    }

    public Entry byName(String accountId, String name) {
        return byId.values().stream().filter(e -> e.accountId().equals(accountId) && e.name().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public synchronized void close() {
        open = false;
        try {
            conn.close();
        } catch (SQLException ignored) {
            // shutting down
        }
    }
}
