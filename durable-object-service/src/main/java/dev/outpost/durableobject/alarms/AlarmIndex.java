package dev.outpost.durableobject.alarms;

import dev.outpost.contracts.durableobject.v1.ObjectAddress;
import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.storage.SqliteFiles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DO-12: the node's index of pending alarms, {@code <data-dir>/_alarms.sqlite}, so that a (re)started service finds
 * them without opening every object's database. The alarm itself lives in the object's storage and is the truth;
 * this index is kept in step with each alarm write (told before the write commits, corrected after), so it may
 * briefly hold an alarm that no longer exists — the scheduler checks the object's own value before running it.
 * Retry state (backoff and count) lives only here.
 */
@ApplicationScoped
public class AlarmIndex {
    private static final Logger LOG = Logger.getLogger(AlarmIndex.class);

    private final Path file;
    private Connection connection;
    /** storage key → who the object is: learnt from the events that reach it (an alarm is set inside one). */
    private final Map<String, ObjectAddress> addresses = new ConcurrentHashMap<>();
    private volatile Runnable onChange = () -> { };

    public AlarmIndex(DurableObjectConfig config) {
        this.file = Path.of(config.dataDir()).toAbsolutePath().resolve("_alarms.sqlite");
    }

    private synchronized Connection db() throws SQLException {
        if (connection == null) {
            Connection c = SqliteFiles.open(file,
                    "CREATE TABLE IF NOT EXISTS alarms (storage_key TEXT PRIMARY KEY, account_id TEXT NOT NULL, "
                            + "namespace_id TEXT NOT NULL, object_id TEXT NOT NULL, name TEXT NOT NULL, "
                            + "scheduled INTEGER NOT NULL, due INTEGER NOT NULL, retry_count INTEGER NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS alarms_by_due ON alarms (due)");
            connection = c;
        }
        return connection;
    }

    /** Called whenever an alarm is added or moved (the scheduler looks again at once). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Who the object behind {@code storageKey} is; remembered on each of its events. */
    public void remember(String storageKey, ObjectAddress address) {
        addresses.put(storageKey, address);
    }

    /**
     * The object's alarm is (or is about to be) {@code time}, or none when null. An unchanged time keeps the retry
     * state; a new one starts over.
     */
    public void set(String storageKey, Long time) {
        try {
            synchronized (this) {
                if (time == null) {
                    try (PreparedStatement ps = db().prepareStatement("DELETE FROM alarms WHERE storage_key = ?")) {
                        ps.setString(1, storageKey);
                        ps.executeUpdate();
                    }
                    return;
                }
                ObjectAddress address = addresses.get(storageKey);
                String[] parts = storageKey.split("/", 2);
                try (PreparedStatement ps = db().prepareStatement("INSERT INTO alarms (storage_key, account_id, "
                        + "namespace_id, object_id, name, scheduled, due, retry_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0) "
                        + "ON CONFLICT (storage_key) DO UPDATE SET scheduled = excluded.scheduled, due = excluded.due, "
                        + "retry_count = 0 WHERE alarms.scheduled <> excluded.scheduled")) {
                    ps.setString(1, storageKey);
                    ps.setString(2, address == null ? "" : address.getCaller().getAccountId());
                    ps.setString(3, parts[0]);
                    ps.setString(4, parts.length > 1 ? parts[1] : "");
                    ps.setString(5, address == null ? "" : address.getName());
                    ps.setLong(6, time);
                    ps.setLong(7, time);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            // the object's own storage holds the alarm; only a restart before it runs would miss it
            LOG.errorf("cannot index the alarm of Durable Object %s: %s", storageKey, e.getMessage());
            return;
        }
        onChange.run();
    }

    /** DO-12: the attempt at {@code scheduled} failed; run it again at {@code due} as retry {@code retryCount}. */
    public synchronized void retry(String storageKey, long scheduled, long due, int retryCount) throws SQLException {
        try (PreparedStatement ps = db().prepareStatement(
                "UPDATE alarms SET due = ?, retry_count = ? WHERE storage_key = ? AND scheduled = ?")) {
            ps.setLong(1, due);
            ps.setInt(2, retryCount);
            ps.setString(3, storageKey);
            ps.setLong(4, scheduled);
            ps.executeUpdate();
        }
    }

    /** The alarms due at {@code now}, earliest first. */
    public synchronized List<AlarmEntry> due(long now) throws SQLException {
        List<AlarmEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db().prepareStatement("SELECT storage_key, account_id, namespace_id, object_id, "
                + "name, scheduled, due, retry_count FROM alarms WHERE due <= ? ORDER BY due LIMIT 1000")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlarmEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getInt(8)));
                }
            }
        }
        return out;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // shutting down
            }
            connection = null;
        }
    }
}
