package dev.outpost.d1.storage;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One sqlite-jdbc connection of a database with the D1 limits applied and a watchdog: a SQLite
 * progress handler (called every {@value #PROGRESS_STEPS} VM steps on the executing thread)
 * aborts the running statement with SQLITE_INTERRUPT once the operation's deadline passed or the
 * database asked in-flight work to stop (restore, delete). Only the statement is aborted; the
 * connection stays usable.
 */
public final class DbConnection implements AutoCloseable {

    private static final int PROGRESS_STEPS = 10_000;

    /** Why the watchdog stopped a statement. */
    public enum Interrupt { NONE, TIMEOUT, CANCELLED }

    private final SQLiteConnection jdbc;
    private final boolean writer;
    private final DatabaseHandle owner;
    private final long generation;
    private volatile boolean armed;
    private volatile long deadlineNanos;
    private volatile long timeoutMillis;
    private volatile long epoch;
    private volatile Interrupt interrupt = Interrupt.NONE;
    private long lastRowId = -1;

    private DbConnection(SQLiteConnection jdbc, boolean writer, DatabaseHandle owner, long generation) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.owner = owner;
        this.generation = generation;
    }

    static DbConnection open(Path file, boolean writer, StorageSettings settings, DatabaseHandle owner, long generation)
            throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous("NORMAL".equalsIgnoreCase(settings.synchronous())
                ? SQLiteConfig.SynchronousMode.NORMAL : SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        // Not DriverManager: its registry is per class loader, which breaks when the app is reloaded.
        SQLiteConnection c = (SQLiteConnection) cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        DbConnection db = new DbConnection(c, writer, owner, generation);
        try {
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, StorageSettings.MAX_STATEMENT_BYTES);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, StorageSettings.MAX_PARAMETERS);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, StorageSettings.MAX_VALUE_BYTES);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_COLUMN, StorageSettings.MAX_COLUMNS);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_FUNCTION_ARG, StorageSettings.MAX_FUNCTION_ARGS);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, StorageSettings.MAX_LIKE_PATTERN_BYTES);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
            db.execute("PRAGMA wal_autocheckpoint=0");
            if (writer) {
                long pageSize = db.queryLong("PRAGMA page_size");
                db.execute("PRAGMA max_page_count=" + Math.max(1, settings.maxDatabaseBytes() / pageSize));
            } else {
                db.execute("PRAGMA query_only=1");
            }
            ProgressHandler.setHandler(c, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return db.shouldStop() ? 1 : 0;
                }
            });
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return db;
    }

    private boolean shouldStop() {
        if (!armed) {
            return false;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            interrupt = Interrupt.TIMEOUT;
            return true;
        }
        if (owner != null && owner.cancelEpoch() != epoch) {
            interrupt = Interrupt.CANCELLED;
            return true;
        }
        return false;
    }

    void arm(long timeoutMs) {
        this.timeoutMillis = timeoutMs;
        this.deadlineNanos = System.nanoTime() + timeoutMs * 1_000_000L;
        this.epoch = owner == null ? 0 : owner.cancelEpoch();
        this.interrupt = Interrupt.NONE;
        this.armed = true;
    }

    void disarm() {
        armed = false;
    }

    /** Why the last statement was interrupted (meaningful right after a SQLITE_INTERRUPT). */
    public Interrupt interrupt() {
        return interrupt;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public SQLiteConnection jdbc() {
        return jdbc;
    }

    public boolean isWriter() {
        return writer;
    }

    long generation() {
        return generation;
    }

    /** Temporarily lifts the statement-length limit (import of dumps with big literals). */
    public void setStatementLimit(int bytes) throws SQLException {
        jdbc.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, bytes);
    }

    public void execute(String sql) throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            s.execute(sql);
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * last_insert_rowid() of this connection, queried only when a statement changed rows (or the
     * first time), since it cannot change otherwise.
     */
    public long lastRowId(boolean changed) throws SQLException {
        if (changed || lastRowId < 0) {
            lastRowId = queryLong("SELECT last_insert_rowid()");
        }
        return lastRowId;
    }

    public long totalChanges() throws SQLException {
        return jdbc.getDatabase().total_changes();
    }

    public long changes() throws SQLException {
        return jdbc.getDatabase().changes();
    }

    /** page_count × page_size: the database size D1 reports as size_after / file_size. */
    public long databaseSize() throws SQLException {
        return queryLong("PRAGMA page_count") * queryLong("PRAGMA page_size");
    }

    public boolean isClosed() {
        try {
            return jdbc.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
    }
}
