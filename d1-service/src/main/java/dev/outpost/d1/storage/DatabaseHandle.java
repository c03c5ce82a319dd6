package dev.outpost.d1.storage;

import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.timetravel.WalArchive;
import org.jboss.logging.Logger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * One open database: the SQLite file (WAL mode), its single writer connection driven by a serial
 * queue, a few read-only connections, and its Time Travel archive.
 *
 * <ul>
 *   <li>Writes run one at a time on {@link #write}; after each, the newly committed WAL frames are
 *       copied into the archive (see {@link WalArchive}). A write is acknowledged only once its
 *       commit is on disk. With synchronous=NORMAL (default) that is <em>group commit</em>: SQLite
 *       does not fsync per commit; the queue fsyncs the WAL once when it runs dry (or every
 *       {@value #GROUP_COMMIT_MAX} commits) and only then completes the writes committed since —
 *       as durable as FULL (kill -9 and power loss), but concurrent writers share one fsync.
 *       With synchronous=FULL SQLite fsyncs every commit itself and writes complete at once.</li>
 *   <li>Reads take an idle reader (query_only) and run in parallel with the writer on WAL
 *       snapshots; with no idle reader, or if the statement turns out to write, they go to the
 *       writer queue instead.</li>
 *   <li>Maintenance, restore and close run {@link #exclusive}: on the writer queue and holding the
 *       lifecycle write lock, so no reader is inside the database. Restore and delete first bump
 *       the cancel epoch, which makes the connections' watchdog interrupt statements in flight.</li>
 * </ul>
 */
public final class DatabaseHandle {

    private static final Logger LOG = Logger.getLogger(DatabaseHandle.class);
    private static final String DB_FILE = "db.sqlite";
    private static final String RESTORE_MARKER = "restore-pending";
    static final int GROUP_COMMIT_MAX = 64;

    /** Work on a connection. */
    public interface Op<T> {
        T run(DbConnection connection) throws Exception;
    }

    /** Thrown when a handle was closed (idle eviction, delete) between lookup and use; the registry retries. */
    public static final class HandleClosedException extends RuntimeException {
        HandleClosedException() {
            super("database handle closed", null, false, false);
        }
    }

    private final String id;
    private final Path dir;
    private final Path dbFile;
    private final Path walFile;
    private final Path shmFile;
    private final StorageSettings settings;
    private final Executor pool;
    private final SerialExecutor writerQueue;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final LinkedBlockingQueue<DbConnection> idleReaders = new LinkedBlockingQueue<>();
    private final List<DbConnection> readers = new ArrayList<>();
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    /** Completions of committed writes waiting for the WAL fsync (only touched on the writer queue). */
    private final List<Runnable> awaitingFsync = new ArrayList<>();
    private final boolean groupCommit;
    private volatile long cancelEpoch;
    private volatile boolean closed;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile long generation;
    /** page_count × page_size after the last write, so reads need not ask SQLite (D1-8 size_after). */
    private volatile long sizeBytes;
    private DbConnection writer;
    private WalArchive archive;

    private DatabaseHandle(String id, Path dir, StorageSettings settings, Executor pool) {
        this.id = id;
        this.dir = dir;
        this.dbFile = dir.resolve(DB_FILE);
        this.walFile = dir.resolve(DB_FILE + "-wal");
        this.shmFile = dir.resolve(DB_FILE + "-shm");
        this.settings = settings;
        this.pool = pool;
        this.writerQueue = new SerialExecutor(pool);
        this.groupCommit = !"FULL".equalsIgnoreCase(settings.synchronous());
    }

    /** Creates a new, empty database in {@code dir} (anything left there by a failed create is wiped). */
    static DatabaseHandle create(String id, Path dir, StorageSettings settings, Executor pool) throws IOException, SQLException {
        if (Files.exists(dir)) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        DatabaseHandle h = new DatabaseHandle(id, dir, settings, pool);
        h.archive = WalArchive.open(h.timeTravelDir());
        h.openConnections();
        h.checkpointTruncate();
        h.archive.snapshot(h.dbFile, System.currentTimeMillis(), true);
        return h;
    }

    /** Opens an existing database, finishing an interrupted restore and archiving commits a crash left unarchived. */
    static DatabaseHandle open(String id, Path dir, StorageSettings settings, Executor pool) throws IOException, SQLException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("database directory " + dir + " is missing");
        }
        DatabaseHandle h = new DatabaseHandle(id, dir, settings, pool);
        h.archive = WalArchive.open(h.timeTravelDir());
        h.completeInterruptedRestore();
        if (Files.exists(h.walFile)) {
            FileTime mtime = Files.getLastModifiedTime(h.walFile);
            int recovered = h.archive.capture(h.walFile, mtime.toMillis());
            if (recovered > 0) {
                LOG.infof("database %s: archived %d commit(s) found in the WAL after a restart", id, recovered);
            }
        }
        h.openConnections();
        if (h.archive.latestSnapshot() == null) {
            h.checkpointTruncate();
            h.archive.snapshot(h.dbFile, System.currentTimeMillis(), true);
        }
        return h;
    }

    public String id() {
        return id;
    }

    long cancelEpoch() {
        return cancelEpoch;
    }

    public long currentLsn() {
        return archive.currentLsn();
    }

    /** Database size as of the last committed write. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    public boolean isClosed() {
        return closed;
    }

    private Path timeTravelDir() {
        return dir.resolve("time-travel");
    }

    // ---------------------------------------------------------------- data operations

    /** Runs {@code op} on the writer, serialized with every other write of this database. */
    public <T> CompletableFuture<T> write(long timeoutMs, Op<T> op) {
        CompletableFuture<T> f = new CompletableFuture<>();
        writerQueue.execute(() -> {
            T result = null;
            Throwable error = null;
            boolean committed = false;
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    throw new HandleClosedException();
                }
                lastUsedNanos = System.nanoTime();
                writer.arm(timeoutMs);
                try {
                    result = op.run(writer);
                } finally {
                    writer.disarm();
                    committed = afterWrite();
                }
            } catch (Throwable t) {
                error = t;
            } finally {
                lifecycle.readLock().unlock();
            }
            if (committed && groupCommit) {
                T r = result;
                Throwable e = error;
                awaitingFsync.add(() -> complete(f, r, e));
            } else {
                complete(f, result, error);
            }
            // The last task of a burst always flushes, so no acknowledgement waits for a later request.
            if (!writerQueue.hasQueued() || awaitingFsync.size() >= GROUP_COMMIT_MAX) {
                flushCommits();
            }
        });
        return f;
    }

    /** Group commit: one fsync of the WAL makes every commit since the last one durable; then they are acknowledged. */
    private void flushCommits() {
        if (awaitingFsync.isEmpty()) {
            return;
        }
        try (FileChannel wal = FileChannel.open(walFile, StandardOpenOption.WRITE)) {
            wal.force(false);
        } catch (IOException e) {
            // The WAL may have been checkpointed and removed (then the data is in the fsynced main file).
            if (Files.exists(walFile)) {
                LOG.errorf(e, "database %s: fsync of the WAL failed", id);
            }
        }
        List<Runnable> done = new ArrayList<>(awaitingFsync);
        awaitingFsync.clear();
        done.forEach(Runnable::run);
    }

    /**
     * Runs {@code op} on an idle read-only connection, or on the writer when none is idle or when
     * SQLite refuses the statement as a write (SQLITE_READONLY: nothing was changed, so re-running
     * it on the writer is safe).
     */
    public <T> CompletableFuture<T> read(long timeoutMs, Op<T> op) {
        DbConnection r = idleReaders.poll();
        if (r == null) {
            return write(timeoutMs, op);
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        pool.execute(() -> {
            T result = null;
            Throwable error = null;
            boolean toWriter = false;
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    throw new HandleClosedException();
                }
                if (r.generation() != generation) {
                    toWriter = true; // a reader of the file before a restore; it is closed
                } else {
                    lastUsedNanos = System.nanoTime();
                    r.arm(timeoutMs);
                    try {
                        result = op.run(r);
                    } finally {
                        r.disarm();
                    }
                }
            } catch (Throwable t) {
                if (isReadOnlyRefusal(t)) {
                    toWriter = true;
                } else {
                    error = t;
                }
            } finally {
                if (r.generation() == generation && !closed) {
                    idleReaders.offer(r);
                }
                lifecycle.readLock().unlock();
            }
            if (toWriter) {
                write(timeoutMs, op).whenComplete((v, e) -> complete(f, v, e));
            } else {
                complete(f, result, error);
            }
        });
        return f;
    }

    /** Runs {@code body} on the writer queue (serialized with writes) without touching a connection's watchdog. */
    public <T> CompletableFuture<T> serial(Callable<T> body) {
        return onWriterQueue(lifecycle.readLock(), body);
    }

    /**
     * Runs {@code body} alone: on the writer queue with no reader inside. With
     * {@code cancelInFlight}, statements running right now are interrupted first.
     */
    public <T> CompletableFuture<T> exclusive(boolean cancelInFlight, Callable<T> body) {
        if (cancelInFlight) {
            synchronized (this) {
                cancelEpoch++;
            }
        }
        return onWriterQueue(lifecycle.writeLock(), body);
    }

    /** {@code body} on the writer queue after the pending commits, holding {@code lock}, refused once closed. */
    private <T> CompletableFuture<T> onWriterQueue(Lock lock, Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        writerQueue.execute(() -> {
            flushCommits();
            T result = null;
            Throwable error = null;
            lock.lock();
            try {
                if (closed) {
                    throw new HandleClosedException();
                }
                result = body.call();
            } catch (Throwable t) {
                error = t;
            } finally {
                lock.unlock();
            }
            complete(f, result, error);
        });
        return f;
    }

    private static <T> void complete(CompletableFuture<T> f, T result, Throwable error) {
        if (error != null) {
            f.completeExceptionally(error);
        } else {
            f.complete(result);
        }
    }

    private static boolean isReadOnlyRefusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException se && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * Archives what the last write committed; asks for a checkpoint when the WAL has grown large.
     * Returns whether the write committed anything (then it needs the WAL fsync before its answer).
     */
    private boolean afterWrite() {
        try {
            int commits = archive.capture(walFile, System.currentTimeMillis());
            if (commits > 0) {
                refreshSize();
            }
            if (commits > 0 && Files.size(walFile) > StorageSettings.CHECKPOINT_WAL_BYTES
                    && checkpointQueued.compareAndSet(false, true)) {
                exclusive(false, () -> {
                    checkpointQueued.set(false);
                    checkpoint();
                    return null;
                });
            }
            return commits > 0;
        } catch (IOException e) {
            // The next capture retries from the same cursor; fsync anyway before answering.
            LOG.errorf(e, "database %s: could not archive the WAL for Time Travel", id);
            return true;
        }
    }

    // ---------------------------------------------------------------- Time Travel (D1-15)

    /** The LSN a bookmark for {@code timeMs} names, or -1 when the history does not reach back that far. */
    public CompletableFuture<Long> lsnAtTime(long timeMs) {
        return serial(() -> lsnAt(timeMs));
    }

    /**
     * Restores to an LSN, or (when {@code lsn} &lt; 0) to the newest commit at or before
     * {@code timeMs}. Interrupts statements in flight. Returns {previousLsn, newLsn}.
     */
    public CompletableFuture<long[]> restoreTo(long lsn, long timeMs) {
        return exclusive(true, () -> {
            long target = lsn >= 0 ? lsn : lsnAt(timeMs);
            if (target < 0) {
                throw new D1Exception(D1ErrorCode.TIME_TRAVEL_OUT_OF_RANGE,
                        "The requested point in time is before this database's Time Travel history");
            }
            return restore(target);
        });
    }

    /** Runs one maintenance round now (tests and the registry's ticker). */
    public CompletableFuture<Void> maintainNow() {
        return exclusive(false, () -> {
            maintain(System.currentTimeMillis());
            return null;
        });
    }

    // ---------------------------------------------------------------- exclusive-only operations

    /** Archives and fsyncs everything committed, then checkpoints and truncates the WAL. */
    boolean checkpoint() throws IOException, SQLException {
        archive.capture(walFile, System.currentTimeMillis());
        archive.sync();
        return checkpointTruncate();
    }

    private boolean checkpointTruncate() throws SQLException {
        try (Statement s = writer.jdbc().createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            boolean ok = rs.next() && rs.getInt(1) == 0;
            if (ok) {
                archive.resetCursor();
            } else {
                LOG.warnf("database %s: WAL checkpoint was busy; retrying at the next maintenance", id);
            }
            return ok;
        }
    }

    /** Periodic upkeep: checkpoint, snapshot when due, drop Time Travel data older than the window. */
    void maintain(long nowMs) throws IOException, SQLException {
        boolean walEmpty = !Files.exists(walFile) || Files.size(walFile) == 0;
        boolean checkpointed = walEmpty || checkpoint();
        WalArchive.Snapshot last = archive.latestSnapshot();
        if (checkpointed && last != null && archive.currentLsn() > last.lsn()
                && nowMs - last.timeMs() >= settings.snapshotInterval().toMillis()) {
            archive.snapshot(dbFile, nowMs, false);
        }
        archive.prune(nowMs - settings.retention().toMillis());
    }

    /** The newest LSN at or before {@code timeMs}, or -1. Must run on the writer queue. */
    long lsnAt(long timeMs) throws IOException {
        archive.capture(walFile, System.currentTimeMillis());
        return archive.lsnAt(timeMs);
    }

    long oldestLsn() {
        return archive.oldestLsn();
    }

    /**
     * D1-15: replaces the database in place with its state at {@code targetLsn}. Crash-safe: a
     * marker names the new snapshot before the file swap; on open, an unfinished swap is redone
     * from that snapshot. Returns {previousLsn, newLsn}.
     */
    long[] restore(long targetLsn) throws IOException, SQLException {
        archive.capture(walFile, System.currentTimeMillis());
        archive.sync();
        long previous = archive.currentLsn();
        if (targetLsn < archive.oldestLsn() || targetLsn > previous) {
            throw new D1Exception(D1ErrorCode.TIME_TRAVEL_OUT_OF_RANGE,
                    "The requested point in time is outside this database's Time Travel history");
        }
        Path tmp = dir.resolve("restore.tmp");
        archive.reconstruct(targetLsn, tmp);
        long newLsn = previous + 1;
        Path marker = dir.resolve(RESTORE_MARKER);
        Files.writeString(marker, Long.toString(newLsn));
        fsync(marker);
        archive.snapshot(tmp, System.currentTimeMillis(), true);
        closeConnections();
        swapIn(tmp);
        Files.deleteIfExists(marker);
        openConnections();
        return new long[] {previous, newLsn};
    }

    private void completeInterruptedRestore() throws IOException {
        Path marker = dir.resolve(RESTORE_MARKER);
        if (!Files.exists(marker)) {
            Files.deleteIfExists(dir.resolve("restore.tmp"));
            return;
        }
        long lsn = Long.parseLong(Files.readString(marker).trim());
        Path snapshot = archive.snapshotFile(lsn);
        if (snapshot != null) {
            LOG.warnf("database %s: finishing a restore interrupted by a crash", id);
            Path tmp = dir.resolve("restore.tmp");
            Files.copy(snapshot, tmp, StandardCopyOption.REPLACE_EXISTING);
            fsync(tmp);
            swapIn(tmp);
        } else {
            Files.deleteIfExists(dir.resolve("restore.tmp"));
        }
        Files.delete(marker);
    }

    private void swapIn(Path restored) throws IOException {
        Files.deleteIfExists(walFile);
        Files.deleteIfExists(shmFile);
        Files.move(restored, dbFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        fsync(dir);
        archive.resetCursor();
    }

    /** Final close (idle eviction, shutdown, delete): everything archived, connections closed. */
    void closeNow() {
        closed = true;
        try {
            archive.capture(walFile, System.currentTimeMillis());
            archive.sync();
        } catch (IOException e) {
            LOG.errorf(e, "database %s: could not archive the WAL before closing", id);
        }
        closeConnections();
        try {
            archive.close();
        } catch (IOException e) {
            LOG.warnf(e, "database %s: closing the archive", id);
        }
    }

    void deleteFiles() throws IOException {
        deleteRecursively(dir);
    }

    private void refreshSize() {
        try {
            sizeBytes = writer.databaseSize();
        } catch (SQLException e) {
            LOG.debugf(e, "database %s: size unavailable", id);
        }
    }

    private void openConnections() throws SQLException {
        generation++;
        writer = DbConnection.open(dbFile, true, settings, this, generation);
        refreshSize();
        for (int i = 0; i < settings.readers(); i++) {
            DbConnection r = DbConnection.open(dbFile, false, settings, this, generation);
            readers.add(r);
            idleReaders.add(r);
        }
    }

    private void closeConnections() {
        idleReaders.clear();
        for (DbConnection r : readers) {
            r.close();
        }
        readers.clear();
        if (writer != null) {
            writer.close(); // last connection: SQLite checkpoints the (already archived) WAL and removes it
        }
    }

    private static void fsync(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // directories cannot be fsynced everywhere
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
