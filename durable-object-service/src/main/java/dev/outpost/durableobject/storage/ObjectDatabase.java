package dev.outpost.durableobject.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQLite file of one Durable Object (DO-8, DO-9): WAL mode with {@code synchronous=FULL}, so a commit is on
 * disk when it returns. The KV API lives in table {@code _cf_KV} (the name Cloudflare uses, hidden from
 * {@code sql.exec}); the object's own SQL tables sit beside it in the same file.
 */
public final class ObjectDatabase implements AutoCloseable {
    private final Connection connection;
    private boolean userTransaction;
    /** DO-12: an alarm write happened that the node's alarm index has not seen yet. */
    private boolean alarmTouched;
    /** DO-12: told the time of an alarm about to be written, before it is (see ObjectStorage). */
    private java.util.function.LongConsumer alarmWillBeSet = time -> { };

    private ObjectDatabase(Connection connection) {
        this.connection = connection;
    }

    public static ObjectDatabase open(Path file) throws SQLException {
        return new ObjectDatabase(SqliteFiles.open(file,
                "CREATE TABLE IF NOT EXISTS _cf_KV (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
                // DO-12: the object's alarm (key 'alarm', ms since the epoch) lives with its data, so it commits with it
                "CREATE TABLE IF NOT EXISTS _cf_METADATA (key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID"));
    }

    /** DO-12: who hears of an alarm before it is written (the node's alarm index, as a hint). */
    public void onAlarmSet(java.util.function.LongConsumer listener) {
        this.alarmWillBeSet = listener;
    }

    void alarmWillBeSet(long time) {
        alarmWillBeSet.accept(time);
    }

    void touchAlarm() {
        alarmTouched = true;
    }

    /** Whether an alarm write happened since the last call (and forgets it). */
    public boolean takeAlarmTouched() {
        boolean touched = alarmTouched;
        alarmTouched = false;
        return touched;
    }

    public Connection connection() {
        return connection;
    }

    /** Inside {@code storage.transaction()} (DO-8): operations join it instead of committing one by one. */
    public boolean inUserTransaction() {
        return userTransaction;
    }

    public void begin() throws SQLException {
        if (userTransaction) {
            throw new SQLException("a transaction is already open");
        }
        connection.setAutoCommit(false);
        userTransaction = true;
    }

    public void end(boolean commit) throws SQLException {
        if (!userTransaction) {
            return;
        }
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            userTransaction = false;
            connection.setAutoCommit(true);
        }
    }

    /** Runs {@code work} atomically: in the open user transaction, else in one of its own. */
    public <T> T atomically(SqlWork<T> work) throws SQLException {
        if (userTransaction) {
            return work.run(connection);
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        try {
            if (userTransaction) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown or eviction: nothing to recover
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
