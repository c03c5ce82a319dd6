package dev.outpost.d1.storage;

import dev.outpost.d1.config.D1Config;
import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This shard's storage: the catalog and the open databases. Databases are opened on first use and
 * closed when idle; a maintenance tick checkpoints, snapshots and prunes each open database.
 * All blocking work runs on one shared pool (threads only while work exists), never on the
 * caller's (event-loop) thread.
 */
@ApplicationScoped
public class DatabaseRegistry {

    private static final Logger LOG = Logger.getLogger(DatabaseRegistry.class);

    private final D1Config config;
    private final Path dataDir;
    private final Path databasesDir;
    private final StorageSettings settings;
    private final ExecutorService threads;
    private final Executor pool;
    private final ScheduledExecutorService ticker;
    private final ConcurrentHashMap<String, DatabaseHandle> open = new ConcurrentHashMap<>();
    private final Catalog catalog;

    public DatabaseRegistry(D1Config config) throws IOException, SQLException {
        this.config = config;
        this.dataDir = Path.of(config.dataDir()).toAbsolutePath();
        this.databasesDir = dataDir.resolve("databases");
        Files.createDirectories(databasesDir);
        this.settings = new StorageSettings(config.synchronous(), Math.max(0, config.readersPerDatabase()),
                config.maxDatabaseBytes(), config.timeTravel().retention(), config.timeTravel().snapshotInterval());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "d1-db-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pool = Context.taskWrapping(threads);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "d1-maintenance");
            t.setDaemon(true);
            return t;
        });
        this.catalog = new Catalog(dataDir.resolve("catalog.sqlite"));
        reportOrphans();
    }

    void onStart(@Observes StartupEvent ev) {
        long every = Math.max(1, config.maintenanceInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::maintainAll, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ev) {
        ticker.shutdownNow();
        CompletableFuture<?>[] closing = open.values().stream().map(this::closeHandle).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("not every database closed cleanly at shutdown (their WAL stays and is recovered on start)", e);
        }
        catalog.close();
        threads.shutdown();
    }

    public Catalog catalog() {
        return catalog;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Executor pool() {
        return pool;
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Runs {@code work} on the database's handle (opening it if needed); retries once if the handle closed meanwhile. */
    public <T> CompletableFuture<T> withHandle(String id, Function<DatabaseHandle, CompletableFuture<T>> work) {
        return attempt(id, work).exceptionallyCompose(e -> {
            if (unwrap(e) instanceof DatabaseHandle.HandleClosedException) {
                return attempt(id, work);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    private <T> CompletableFuture<T> attempt(String id, Function<DatabaseHandle, CompletableFuture<T>> work) {
        DatabaseHandle h = open.get(id);
        if (h != null && !h.isClosed()) {
            return work.apply(h);
        }
        return CompletableFuture.supplyAsync(() -> handle(id), pool).thenCompose(work);
    }

    private DatabaseHandle handle(String id) {
        DatabaseHandle h = open.compute(id, (k, existing) -> {
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            try {
                return DatabaseHandle.open(id, databasesDir.resolve(id), settings, pool);
            } catch (IOException | SQLException e) {
                throw new D1Exception(D1ErrorCode.INTERNAL, "could not open database " + id, e);
            }
        });
        return h;
    }

    /** Creates the files of a new database (the catalog row is written by the caller afterwards). */
    public CompletableFuture<Void> create(String id) {
        return CompletableFuture.supplyAsync(() -> {
            open.compute(id, (k, existing) -> {
                if (existing != null) {
                    existing.closeNow();
                }
                try {
                    return DatabaseHandle.create(id, databasesDir.resolve(id), settings, pool);
                } catch (IOException | SQLException e) {
                    throw new D1Exception(D1ErrorCode.INTERNAL, "could not create database " + id, e);
                }
            });
            return null;
        }, pool);
    }

    /** Interrupts in-flight work, closes the database and deletes its files (including Time Travel history). */
    public CompletableFuture<Void> delete(String id) {
        return withHandle(id, h -> h.<Void>exclusive(true, () -> {
            h.closeNow();
            h.deleteFiles();
            open.remove(id, h);
            return null;
        }));
    }

    /** Closes an open database now, as idle eviction does; it reopens on next use. */
    public CompletableFuture<Void> close(String id) {
        DatabaseHandle h = open.get(id);
        return h == null ? CompletableFuture.completedFuture(null) : closeHandle(h);
    }

    private CompletableFuture<Void> closeHandle(DatabaseHandle h) {
        return h.<Void>exclusive(false, () -> {
            h.closeNow();
            open.remove(h.id(), h);
            return null;
        }).exceptionally(e -> null);
    }

    /** One maintenance round (also used by tests): idle databases are closed, the others maintained. */
    public void maintainAll() {
        long idleNanos = config.idleTimeout().toNanos();
        for (DatabaseHandle h : open.values()) {
            try {
                if (h.idleNanos() > idleNanos) {
                    closeHandle(h).get(5, TimeUnit.MINUTES);
                } else {
                    h.exclusive(false, () -> {
                        h.maintain(System.currentTimeMillis());
                        return null;
                    }).get(5, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                LOG.warnf(e, "maintenance of database %s failed", h.id());
            }
        }
    }

    private void reportOrphans() throws IOException {
        Set<String> known = catalog.all().stream().map(Catalog.Entry::uuid).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(databasesDir)) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n))
                    .forEach(n -> LOG.warnf("directory %s holds no catalogued database (left by an interrupted create "
                            + "or delete); it is ignored", databasesDir.resolve(n)));
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
