package dev.outpost.d1.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.contracts.d1.TimeTravelTimes;
import dev.outpost.d1.error.D1Exception;
import dev.outpost.d1.model.DatabaseInfo;
import dev.outpost.d1.model.ExportOptions;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.model.StatementResult;
import dev.outpost.d1.service.D1Databases;
import dev.outpost.contracts.sql.SqlSplitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * D1-13: the Cloudflare-shaped REST API, /client/v4/accounts/{account_id}/d1/database. Translation
 * only. A request for a database another shard owns gets HTTP 421 (Misdirected Request) with the
 * owner's address in the error message and the Outpost-D1-Owner header — not a 307, because HTTP
 * clients (fetch/undici, used by wrangler) drop the Authorization header when a redirect changes
 * the origin, so a redirect would turn into a confusing 401 at the owner.
 */
@Path("/client/v4/accounts/{account_id}/d1/database")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final D1Databases d1;
    private final TransferStore transfers;

    public DatabaseResource(D1Databases d1, TransferStore transfers) {
        this.d1 = d1;
        this.transfers = transfers;
    }

    @GET
    public CompletionStage<Response> list(@PathParam("account_id") String account, @QueryParam("name") String name,
                                          @QueryParam("page") Integer page, @QueryParam("per_page") Integer perPage) {
        return respond(() -> d1.list(account, name, page == null ? 1 : page, perPage == null ? 0 : perPage, false)
                .thenApply(p -> Envelope.ok(p.databases().stream().map(DatabaseResource::database).toList(),
                        Map.of("page", p.page(), "per_page", p.perPage(), "count", p.databases().size(),
                                "total_count", p.totalCount()))));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> create(@PathParam("account_id") String account, String body) {
        return respond(() -> {
            JsonNode b = parse(body);
            return d1.create(account, text(b, "name"), null, text(b, "primary_location_hint"), text(b, "jurisdiction"))
                    .thenApply(db -> Envelope.ok(database(db)));
        });
    }

    @GET
    @Path("/{database_id}")
    public CompletionStage<Response> get(@PathParam("account_id") String account, @PathParam("database_id") String id) {
        return respond(() -> d1.get(account, id).thenApply(db -> Envelope.ok(database(db))));
    }

    @DELETE
    @Path("/{database_id}")
    public CompletionStage<Response> delete(@PathParam("account_id") String account, @PathParam("database_id") String id) {
        return respond(() -> d1.delete(account, id).thenApply(v -> Envelope.ok(null)));
    }

    @POST
    @Path("/{database_id}/query")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> query(@PathParam("account_id") String account, @PathParam("database_id") String id,
                                           String body) {
        return runQuery(account, id, body, DatabaseResource::objectRows);
    }

    @POST
    @Path("/{database_id}/raw")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> raw(@PathParam("account_id") String account, @PathParam("database_id") String id,
                                         String body) {
        return runQuery(account, id, body, r -> {
            Map<String, Object> rc = new LinkedHashMap<>();
            rc.put("columns", r.columns());
            List<List<Object>> rows = new ArrayList<>(r.rows().size());
            for (Object[] row : r.rows()) {
                List<Object> l = new ArrayList<>(row.length);
                for (Object v : row) {
                    l.add(JsonValues.out(v));
                }
                rows.add(l);
            }
            rc.put("rows", rows);
            return rc;
        });
    }

    /**
     * D1-13 export, polling form: the export is produced within the first request, so the first
     * answer is already "complete" (re-posting with current_bookmark returns the same result).
     */
    @POST
    @Path("/{database_id}/export")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> export(@PathParam("account_id") String account, @PathParam("database_id") String id,
                                            String body, @Context UriInfo uri) {
        return respond(() -> {
            JsonNode b = parse(body);
            String format = text(b, "output_format");
            if (format != null && !format.equals("polling")) {
                throw D1Exception.invalid("output_format must be \"polling\"");
            }
            String current = text(b, "current_bookmark");
            String dbId = D1Databases.normalizeId(id);
            Map<String, Object> previous = dbId == null ? null : transfers.lastExport(dbId);
            if (current != null && previous != null && current.equals(previous.get("at_bookmark"))) {
                return d1.get(account, id).thenApply(db -> Envelope.ok(previous));
            }
            JsonNode opts = b.path("dump_options");
            List<String> tables = new ArrayList<>();
            opts.path("tables").forEach(t -> tables.add(t.asText()));
            ExportOptions options = new ExportOptions(opts.path("no_data").asBoolean(false),
                    opts.path("no_schema").asBoolean(false), tables);
            TransferStore.Transfer t = transfers.create(account, dbId, null);
            return d1.export(account, id, options, t.file()).thenApply(bookmark -> {
                String filename = dbId + "-" + bookmark + ".sql";
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("success", true);
                status.put("type", "export");
                status.put("at_bookmark", bookmark);
                status.put("status", "complete");
                status.put("messages", List.of("Generated " + filename));
                status.put("result", Map.of("filename", filename,
                        "signed_url", uri.getBaseUri().resolve("d1/transfers/" + t.token()).toString()));
                transfers.rememberExport(dbId, status);
                return Envelope.ok(status);
            });
        });
    }

    /**
     * D1-13 import, Cloudflare's three-step form: {@code init} hands out an upload URL, the client
     * PUTs the SQL file there (the response ETag is its md5), {@code ingest} runs it (as one
     * transaction, within this request), {@code poll} returns the outcome.
     */
    @POST
    @Path("/{database_id}/import")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> importSql(@PathParam("account_id") String account,
                                               @PathParam("database_id") String id, String body, @Context UriInfo uri) {
        return respond(() -> {
            JsonNode b = parse(body);
            String action = text(b, "action");
            String dbId = D1Databases.normalizeId(id);
            if ("init".equals(action)) {
                String etag = text(b, "etag");
                if (etag == null) {
                    throw D1Exception.invalid("etag (the md5 of the file, hex) is required");
                }
                return d1.get(account, id).thenApply(db -> {
                    TransferStore.Transfer t = transfers.create(account, dbId, etag.toLowerCase());
                    return Envelope.ok(Map.of("success", true, "filename", t.token(),
                            "upload_url", uri.getBaseUri().resolve("d1/transfers/" + t.token()).toString()));
                });
            }
            if ("ingest".equals(action)) {
                TransferStore.Transfer t = transfers.get(String.valueOf(text(b, "filename")));
                if (t == null || !t.databaseId().equals(dbId) || !t.accountId().equals(account) || !Files.exists(t.file())) {
                    throw D1Exception.invalid("Unknown or expired upload " + text(b, "filename") + "; start again with action init");
                }
                String etag = text(b, "etag");
                if (etag != null && !etag.equalsIgnoreCase(t.etag())) {
                    throw D1Exception.invalid("etag does not match the one given at init");
                }
                return d1.importSql(account, id, () -> {
                    try {
                        return Files.newBufferedReader(t.file(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).handle((o, err) -> {
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("type", "import");
                    if (err == null) {
                        status.put("success", true);
                        status.put("at_bookmark", o.finalBookmark());
                        status.put("status", "complete");
                        status.put("messages", List.of("Imported " + o.numQueries() + " queries"));
                        status.put("result", Map.of("success", true, "num_queries", o.numQueries(),
                                "final_bookmark", o.finalBookmark(), "meta", JsonValues.meta(o.meta())));
                    } else {
                        D1Exception e = D1Exception.from(err);
                        if (e.code() == dev.outpost.d1.error.D1ErrorCode.NOT_OWNER
                                || e.code() == dev.outpost.d1.error.D1ErrorCode.DATABASE_NOT_FOUND) {
                            throw e;
                        }
                        status.put("success", false);
                        status.put("status", "error");
                        status.put("messages", List.of());
                        status.put("error", e.detail());
                    }
                    transfers.rememberImport(dbId, status);
                    return Envelope.ok(status);
                });
            }
            if ("poll".equals(action)) {
                return d1.get(account, id).thenApply(db -> {
                    Map<String, Object> status = transfers.lastImport(dbId);
                    if (status == null) {
                        throw D1Exception.invalid("No import has run on this database");
                    }
                    return Envelope.ok(status);
                });
            }
            throw D1Exception.invalid("action must be one of init, ingest, poll");
        });
    }

    @GET
    @Path("/{database_id}/time_travel/bookmark")
    public CompletionStage<Response> bookmark(@PathParam("account_id") String account, @PathParam("database_id") String id,
                                              @QueryParam("timestamp") String timestamp) {
        return respond(() -> d1.bookmark(account, id, timestamp == null ? 0 : parseTime(timestamp))
                .thenApply(bm -> Envelope.ok(Map.of("bookmark", bm))));
    }

    @POST
    @Path("/{database_id}/time_travel/restore")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> restore(@PathParam("account_id") String account, @PathParam("database_id") String id,
                                             @QueryParam("bookmark") String bookmark, @QueryParam("timestamp") String timestamp) {
        return respond(() -> d1.restore(account, id, bookmark, timestamp == null ? 0 : parseTime(timestamp))
                .thenApply(r -> Envelope.ok(Map.of("bookmark", r.bookmark(), "previous_bookmark", r.previousBookmark(),
                        "message", r.message()))));
    }

    // ------------------------------------------------------------------ helpers

    private CompletionStage<Response> runQuery(String account, String id, String body,
                                               Function<StatementResult, Object> shape) {
        return respond(() -> {
            List<SqlStatement> statements = statements(parse(body));
            return d1.query(account, id, statements, true, null).thenApply(o -> {
                List<Object> out = new ArrayList<>(o.results().size());
                for (StatementResult r : o.results()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("results", shape.apply(r));
                    one.put("success", true);
                    one.put("meta", JsonValues.meta(r.meta()));
                    out.add(one);
                }
                return Envelope.ok(out);
            });
        });
    }

    /** {sql, params} (';'-separated statements become a batch) or {batch: [{sql, params}]}. */
    static List<SqlStatement> statements(JsonNode b) {
        List<SqlStatement> out = new ArrayList<>();
        if (b.has("batch")) {
            if (!b.get("batch").isArray() || b.get("batch").isEmpty()) {
                throw D1Exception.invalid("batch must be a non-empty array of {sql, params}");
            }
            for (JsonNode q : b.get("batch")) {
                out.add(single(q));
            }
            return out;
        }
        SqlStatement s = single(b);
        List<String> parts = SqlSplitter.split(s.sql());
        if (parts.size() > 1) {
            if (!s.params().isEmpty()) {
                throw D1Exception.invalid("params can only be used with a single statement; use batch for several");
            }
            parts.forEach(p -> out.add(SqlStatement.of(p)));
        } else {
            out.add(s);
        }
        return out;
    }

    private static SqlStatement single(JsonNode q) {
        String sql = text(q, "sql");
        if (sql == null || sql.isBlank()) {
            throw D1Exception.invalid("sql is required");
        }
        return new SqlStatement(sql, JsonValues.params(q.get("params")));
    }

    private static Object objectRows(StatementResult r) {
        List<Map<String, Object>> rows = new ArrayList<>(r.rows().size());
        for (Object[] row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                m.put(r.columns().get(i), JsonValues.out(row[i]));
            }
            rows.add(m);
        }
        return rows;
    }

    static Map<String, Object> database(DatabaseInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", d.uuid());
        m.put("name", d.name());
        m.put("version", "production");
        m.put("created_at", Instant.ofEpochMilli(d.createdAtMs()).toString());
        m.put("file_size", d.fileSize());
        if (d.numTables() != null) {
            m.put("num_tables", d.numTables());
        }
        m.put("running_in_region", d.region());
        if (d.primaryLocationHint() != null) {
            m.put("primary_location_hint", d.primaryLocationHint());
        }
        if (d.jurisdiction() != null) {
            m.put("jurisdiction", d.jurisdiction());
        }
        m.put("read_replication", Map.of("mode", "disabled"));
        return m;
    }

    /** D1-15's timestamp ({@link TimeTravelTimes}), refused as an invalid request. */
    static long parseTime(String t) {
        try {
            return TimeTravelTimes.epochMillis(t);
        } catch (IllegalArgumentException e) {
            throw D1Exception.invalid(e.getMessage());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw D1Exception.invalid("The request body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw D1Exception.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static CompletionStage<Response> respond(Supplier<CompletionStage<Response>> body) {
        CompletionStage<Response> stage;
        try {
            stage = body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Envelope.error(e));
        }
        return stage.exceptionally(Envelope::error);
    }
}
