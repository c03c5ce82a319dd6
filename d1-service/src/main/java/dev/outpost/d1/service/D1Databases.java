package dev.outpost.d1.service;

import dev.outpost.d1.config.D1Config;
import dev.outpost.d1.error.D1ErrorCode;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.DatabaseInfo;
import dev.outpost.d1.model.DatabasePage;
import dev.outpost.d1.model.ExecOutcome;
import dev.outpost.d1.model.ExportOptions;
import dev.outpost.d1.model.ImportOutcome;
import dev.outpost.d1.model.QueryMeta;
import dev.outpost.d1.model.QueryOutcome;
import dev.outpost.d1.model.RestoreOutcome;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.model.StatementResult;
import dev.outpost.d1.placement.PeerShards;
import dev.outpost.d1.placement.ShardPlacement;
import dev.outpost.d1.storage.Catalog;
import dev.outpost.d1.storage.DatabaseHandle;
import dev.outpost.d1.storage.DatabaseRegistry;
import dev.outpost.d1.timetravel.Bookmark;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything a D1 database can be asked, in one place; the gRPC and REST layers only translate to
 * and from these calls. Every call names the account: a database of another account is reported
 * as not found. Every call on a database first checks placement: this shard refuses (and never
 * touches) a database it does not own.
 */
@ApplicationScoped
public class D1Databases {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> LOCATION_HINTS = Set.of("weur", "eeur", "apac", "oc", "wnam", "enam");
    private static final Set<String> JURISDICTIONS = Set.of("eu", "fedramp");
    private static final int MAX_PER_PAGE = 10_000;
    private static final AttributeKey<String> DATABASE_ATTRIBUTE = AttributeKey.stringKey("d1.database");

    private final D1Config config;
    private final ShardPlacement placement;
    private final DatabaseRegistry registry;
    private final PeerShards peers;
    private final MeterRegistry meters;
    private final String servedBy;
    private final Map<String, Timer> okTimers = new ConcurrentHashMap<>();

    public D1Databases(D1Config config, ShardPlacement placement, DatabaseRegistry registry, PeerShards peers,
                       MeterRegistry meters) {
        this.config = config;
        this.placement = placement;
        this.registry = registry;
        this.peers = peers;
        this.meters = meters;
        this.servedBy = "outpost-d1-shard-" + placement.selfIndex();
    }

    // ------------------------------------------------------------------ management (D1-13)

    /** Creates a database; {@code databaseId} null/blank = pick an id this shard owns. */
    @WithSpan("d1.create")
    public CompletionStage<DatabaseInfo> create(String accountId, String name, String databaseId, String locationHint,
                                                String jurisdiction) {
        return timed("create", () -> {
            requireAccount(accountId);
            if (name == null || !NAME.matcher(name).matches()) {
                throw D1Exception.invalid("Database name must be 1-64 characters of letters, digits, '-' or '_'");
            }
            String hint = blankToNull(locationHint);
            if (hint != null && !LOCATION_HINTS.contains(hint)) {
                throw D1Exception.invalid("primary_location_hint must be one of " + LOCATION_HINTS);
            }
            String jur = blankToNull(jurisdiction);
            if (jur != null && !JURISDICTIONS.contains(jur)) {
                throw D1Exception.invalid("jurisdiction must be one of " + JURISDICTIONS);
            }
            String id = databaseId == null || databaseId.isBlank() ? placement.newLocalId() : normalizeId(databaseId);
            if (id == null) {
                throw D1Exception.invalid("database_id must be a UUID");
            }
            placement.requireLocal(id);
            Catalog catalog = registry.catalog();
            if (catalog.byName(accountId, name) != null) {
                throw Catalog.duplicateName();
            }
            if (catalog.get(id) != null) {
                throw D1Exception.invalid("A database with id " + id + " already exists");
            }
            return CompletableFuture.supplyAsync(() -> {
                if (peers.hasPeers() && peers.listOthers(accountId, name).stream().anyMatch(d -> d.name().equals(name))) {
                    throw Catalog.duplicateName();
                }
                return null;
            }, registry.pool()).thenCompose(v -> registry.create(id)).thenApply(v -> {
                Catalog.Entry e = new Catalog.Entry(id, accountId, name, System.currentTimeMillis(), hint, jur);
                try {
                    catalog.insert(e);
                } catch (D1Exception race) {
                    registry.delete(id);
                    throw race;
                }
                return info(e, fileSize(id), 0);
            });
        });
    }

    @WithSpan("d1.get")
    public CompletionStage<DatabaseInfo> get(String accountId, @SpanAttribute("d1.database") String databaseId) {
        return timed("get", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            return registry.withHandle(e.uuid(), h -> h.read(timeoutMs(), c -> {
                long tables = c.queryLong("SELECT count(*) FROM sqlite_schema WHERE type='table' "
                        + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'");
                return info(e, c.databaseSize(), (int) tables);
            }));
        });
    }

    /** D1-13 list: account-wide (asks the other shards) unless {@code localOnly}. */
    @WithSpan("d1.list")
    public CompletionStage<DatabasePage> list(String accountId, String nameFilter, int page, int perPage, boolean localOnly) {
        return timed("list", () -> {
            requireAccount(accountId);
            int p = page <= 0 ? 1 : page;
            int pp = perPage <= 0 ? 1000 : Math.min(perPage, MAX_PER_PAGE);
            List<DatabaseInfo> mine = registry.catalog().list(accountId, nameFilter).stream()
                    .map(e -> info(e, fileSize(e.uuid()), null)).toList();
            CompletableFuture<List<DatabaseInfo>> all = localOnly || !peers.hasPeers()
                    ? CompletableFuture.completedFuture(mine)
                    : CompletableFuture.supplyAsync(() -> {
                        List<DatabaseInfo> merged = new ArrayList<>(mine);
                        merged.addAll(peers.listOthers(accountId, nameFilter));
                        merged.sort(Comparator.comparingLong(DatabaseInfo::createdAtMs).thenComparing(DatabaseInfo::uuid));
                        return merged;
                    }, registry.pool());
            return all.thenApply(list -> {
                int from = (int) Math.min((long) (p - 1) * pp, list.size());
                int to = Math.min(from + pp, list.size());
                return new DatabasePage(List.copyOf(list.subList(from, to)), p, pp, list.size());
            });
        });
    }

    @WithSpan("d1.delete")
    public CompletionStage<Void> delete(String accountId, @SpanAttribute("d1.database") String databaseId) {
        return timed("delete", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            registry.catalog().delete(e.uuid());
            return registry.delete(e.uuid());
        });
    }

    // ------------------------------------------------------------------ queries (D1-3..D1-9)

    /**
     * D1-3/D1-4/D1-7: statements in order as one transaction; {@code session} = "", a session constraint or a bookmark.
     * No span of its own (the hot path of every worker query): the gRPC or HTTP server span names the call and
     * gets the database as an attribute.
     */
    public CompletionStage<QueryOutcome> query(String accountId, String databaseId,
                                               List<SqlStatement> statements, boolean includeRows, String session) {
        Span.current().setAttribute(DATABASE_ATTRIBUTE, databaseId);
        return timed("query", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            if (statements == null || statements.isEmpty()) {
                throw D1Exception.sql("No SQL statements detected.");
            }
            List<SqlStatement> expanded = expand(statements);
            boolean reads = QueryExecutor.allReads(expanded);
            return registry.withHandle(e.uuid(), h -> {
                checkSession(e.uuid(), session, h);
                DatabaseHandle.Op<List<StatementResult>> op = c -> {
                    List<StatementResult> results = QueryExecutor.run(c, expanded, includeRows);
                    long size = c.isWriter() ? c.databaseSize() : h.sizeBytes();
                    List<StatementResult> out = new ArrayList<>(results.size());
                    for (StatementResult r : results) {
                        out.add(r.withMeta(r.meta().withSize(size, servedBy, config.region())));
                    }
                    return collapse(statements, expanded, out);
                };
                CompletableFuture<List<StatementResult>> run = reads ? h.read(timeoutMs(), op) : h.write(timeoutMs(), op);
                return run.thenApply(results -> new QueryOutcome(results, Bookmark.format(e.uuid(), h.currentLsn())));
            });
        });
    }

    /** D1-5. */
    @WithSpan("d1.exec")
    public CompletionStage<ExecOutcome> exec(String accountId, @SpanAttribute("d1.database") String databaseId, String sql) {
        return timed("exec", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            if (sql == null || sql.isBlank()) {
                throw D1Exception.sql("No SQL statements detected.");
            }
            return registry.withHandle(e.uuid(), h -> h.write(timeoutMs(), c -> QueryExecutor.exec(c, sql)));
        });
    }

    /** D1-6: dump() is deprecated and refused on current databases, as on Cloudflare. */
    public CompletionStage<byte[]> dump(String accountId, String databaseId) {
        return timed("dump", () -> {
            require(accountId, databaseId);
            throw new D1Exception(D1ErrorCode.D1_DUMP_ERROR,
                    "dump() is not supported on this database; use the export API (wrangler d1 export) instead");
        });
    }

    // ------------------------------------------------------------------ export / import (D1-13)

    /** Writes the SQL dump to {@code target}; returns the bookmark the dump is consistent with. */
    @WithSpan("d1.export")
    public CompletionStage<String> export(String accountId, @SpanAttribute("d1.database") String databaseId,
                                          ExportOptions options, Path target) {
        return timed("export", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            return registry.withHandle(e.uuid(), h -> h.read(config.transferTimeout().toMillis(), c -> {
                long lsn = h.currentLsn();
                try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    SqlDump.write(c, options, w);
                }
                return Bookmark.format(e.uuid(), lsn);
            }));
        });
    }

    /** Runs a SQL file (D1-13 import) as one transaction; {@code sql} is opened on the worker thread. */
    @WithSpan("d1.import")
    public CompletionStage<ImportOutcome> importSql(String accountId, @SpanAttribute("d1.database") String databaseId,
                                                    Supplier<Reader> sql) {
        return timed("import", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            return registry.withHandle(e.uuid(), h -> h.write(config.transferTimeout().toMillis(), c -> {
                long[] count = new long[1];
                QueryMeta meta;
                try (Reader r = sql.get()) {
                    meta = QueryExecutor.importSql(c, r, count);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                return new Object[] {count[0], meta.withSize(c.databaseSize(), servedBy, config.region())};
            }).thenApply(r -> new ImportOutcome((Long) r[0], Bookmark.format(e.uuid(), h.currentLsn()), (QueryMeta) r[1])));
        });
    }

    // ------------------------------------------------------------------ Time Travel (D1-15)

    /** The bookmark for a point in time ({@code timestampMs} 0 = now). */
    @WithSpan("d1.bookmark")
    public CompletionStage<String> bookmark(String accountId, @SpanAttribute("d1.database") String databaseId,
                                            long timestampMs) {
        return timed("bookmark", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            return registry.withHandle(e.uuid(), h -> {
                if (timestampMs <= 0) {
                    return CompletableFuture.completedFuture(Bookmark.format(e.uuid(), h.currentLsn()));
                }
                checkWindow(timestampMs);
                return h.lsnAtTime(timestampMs).thenApply(lsn -> {
                    if (lsn < 0) {
                        throw outOfRange();
                    }
                    return Bookmark.format(e.uuid(), lsn);
                });
            });
        });
    }

    /** Restores to a bookmark or (bookmark blank) to a point in time. */
    @WithSpan("d1.restore")
    public CompletionStage<RestoreOutcome> restore(String accountId, @SpanAttribute("d1.database") String databaseId,
                                                   String bookmark, long timestampMs) {
        return timed("restore", () -> {
            Catalog.Entry e = require(accountId, databaseId);
            long lsn = -1;
            if (bookmark != null && !bookmark.isBlank()) {
                lsn = Bookmark.parse(e.uuid(), bookmark, D1ErrorCode.INVALID_REQUEST);
            } else if (timestampMs > 0) {
                checkWindow(timestampMs);
            } else {
                throw D1Exception.invalid("Provide a bookmark or a timestamp to restore to");
            }
            long target = lsn;
            return registry.withHandle(e.uuid(), h -> h.restoreTo(target, timestampMs)).thenApply(r -> {
                String now = Bookmark.format(e.uuid(), r[1]);
                String before = Bookmark.format(e.uuid(), r[0]);
                return new RestoreOutcome(now, before, "Database restored; restore to previous_bookmark " + before
                        + " to undo");
            });
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Placement first (a non-owner refuses whatever the id), then the catalog and the account. */
    private Catalog.Entry require(String accountId, String databaseId) {
        requireAccount(accountId);
        String id = normalizeId(databaseId);
        if (id == null) {
            throw D1Exception.notFound(databaseId);
        }
        placement.requireLocal(id);
        Catalog.Entry e = registry.catalog().get(id);
        if (e == null || !e.accountId().equals(accountId)) {
            throw D1Exception.notFound(id);
        }
        return e;
    }

    private static void requireAccount(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw D1Exception.invalid("caller.account_id is required");
        }
    }

    public static String normalizeId(String id) {
        if (id == null) {
            return null;
        }
        String lower = id.trim().toLowerCase(Locale.ROOT);
        return UUID.matcher(lower).matches() ? lower : null;
    }

    /** D1-7: "first-primary", "first-unconstrained", or a bookmark this database has reached. */
    private static void checkSession(String databaseId, String session, DatabaseHandle h) {
        if (session == null || session.isEmpty()) {
            return;
        }
        String s = session.trim();
        if (s.isEmpty()) {
            throw new D1Exception(D1ErrorCode.D1_SESSION_ERROR, "Invalid session: the constraint is blank");
        }
        if (s.equals("first-primary") || s.equals("first-unconstrained")) {
            return;
        }
        long lsn = Bookmark.parse(databaseId, s, D1ErrorCode.D1_SESSION_ERROR);
        if (lsn > h.currentLsn()) {
            throw new D1Exception(D1ErrorCode.D1_SESSION_ERROR, "Bookmark " + s + " is ahead of this database");
        }
    }

    /**
     * A statement text holding several ';'-separated statements (D1-13 /query) runs them all; for
     * the binding they report as one result (the last statement's rows, changes summed). Callers that want one
     * result per statement (the REST APIs) expand before calling {@link #query}.
     */
    public static List<SqlStatement> expand(List<SqlStatement> statements) {
        List<SqlStatement> out = new ArrayList<>(statements.size());
        for (SqlStatement s : statements) {
            List<String> parts = s.sql() == null ? List.of() : dev.outpost.contracts.sql.SqlSplitter.split(s.sql());
            if (parts.size() <= 1) {
                out.add(parts.isEmpty() ? s : new SqlStatement(parts.get(0), s.params()));
            } else if (!s.params().isEmpty()) {
                throw D1Exception.sql("Parameters can only be bound to a single statement, but the SQL holds "
                        + parts.size() + " statements");
            } else {
                parts.forEach(p -> out.add(SqlStatement.of(p)));
            }
        }
        return out;
    }

    private static List<StatementResult> collapse(List<SqlStatement> original, List<SqlStatement> expanded,
                                                  List<StatementResult> results) {
        if (original.size() == expanded.size()) {
            return results;
        }
        List<StatementResult> out = new ArrayList<>(original.size());
        int i = 0;
        for (SqlStatement s : original) {
            int n = Math.max(1, dev.outpost.contracts.sql.SqlSplitter.split(s.sql()).size());
            StatementResult last = results.get(i + n - 1);
            long changes = 0;
            double duration = 0;
            for (int k = i; k < i + n; k++) {
                changes += results.get(k).meta().changes();
                duration += results.get(k).meta().durationMs();
            }
            QueryMeta m = last.meta();
            out.add(last.withMeta(new QueryMeta(duration, changes, m.lastRowId(), m.changedDb() || changes > 0,
                    m.sizeAfter(), m.rowsRead(), m.rowsWritten(), m.servedBy(), m.servedByRegion())));
            i += n;
        }
        return out;
    }

    private void checkWindow(long timestampMs) {
        long now = System.currentTimeMillis();
        if (timestampMs > now + 60_000 || timestampMs < now - config.timeTravel().retention().toMillis()) {
            throw outOfRange();
        }
    }

    private D1Exception outOfRange() {
        return new D1Exception(D1ErrorCode.TIME_TRAVEL_OUT_OF_RANGE, "The timestamp is outside the Time Travel window of "
                + config.timeTravel().retention().toDays() + " days or before the database existed");
    }

    private DatabaseInfo info(Catalog.Entry e, long size, Integer tables) {
        return new DatabaseInfo(e.uuid(), e.name(), e.accountId(), e.createdAtMs(), size, tables, config.region(),
                e.primaryLocationHint(), e.jurisdiction());
    }

    private long fileSize(String id) {
        Path dir = registry.dataDir().resolve("databases").resolve(id);
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "db.sqlite{,-wal}")) {
            for (Path f : files) {
                total += Files.size(f);
            }
        } catch (IOException ignored) {
            // size is informational
        }
        return total;
    }

    private long timeoutMs() {
        return config.queryTimeout().toMillis();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Runs {@code body} (synchronous failures become failed stages) and records its latency per operation. */
    private <T> CompletionStage<T> timed(String op, Supplier<CompletionStage<T>> body) {
        long start = System.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = body.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.whenComplete((v, err) -> {
            // the "ok" timer of each operation is looked up once; failures are rare enough for a lookup each
            Timer timer = err == null ? okTimers.computeIfAbsent(op, o -> timer(o, "ok"))
                    : timer(op, D1Exception.from(err).code().name());
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
    }

    private Timer timer(String op, String outcome) {
        return meters.timer("outpost.d1.operations", "op", op, "outcome", outcome);
    }
}
