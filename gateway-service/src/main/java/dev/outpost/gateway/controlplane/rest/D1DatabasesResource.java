package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.TimeTravelTimes;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.GetBookmarkRequest;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.RestoreRequest;
import dev.outpost.contracts.d1.v1.Row;
import dev.outpost.contracts.d1.v1.StatementResult;
import dev.outpost.contracts.d1.v1.ExportRequest;
import dev.outpost.contracts.d1.v1.ImportRequest;
import dev.outpost.contracts.d1.v1.ImportResponse;
import dev.outpost.gateway.bindings.d1.D1Shards;
import dev.outpost.gateway.controlplane.d1.D1Transfers;
import dev.outpost.gateway.controlplane.model.D1Transfer;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * D1 database management and queries on the control-plane port (D1-13), delegated over gRPC to the shard that owns
 * each database ({@link D1Shards}); a list goes to one shard, which answers for the whole account. Errors carry
 * d1-service's REST codes (7404 not found, 7502 duplicate name, 7500 SQL error).
 */
@Path("/client/v4/accounts/{account_id}/d1/database")
@Produces(MediaType.APPLICATION_JSON)
public class D1DatabasesResource {
    private final D1Shards shards;
    private final D1Transfers transfers;

    public D1DatabasesResource(D1Shards shards, D1Transfers transfers) {
        this.shards = shards;
        this.transfers = transfers;
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @QueryParam("name") String name, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("0") int perPage, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", false);
        ListDatabasesRequest.Builder list = ListDatabasesRequest.newBuilder().setCaller(caller(accountId))
                .setPage(page).setPerPage(perPage);
        if (name != null) {
            list.setName(name);
        }
        // Any shard fans the listing out to all shards; the first one is as good as another.
        return call(shards.any().listDatabases(list.build())).map(r -> Envelope.ok(
                r.getDatabasesList().stream().map(D1Json::database).toList(),
                new Envelope.ResultInfo(page, perPage, r.getDatabasesCount(), r.getTotalCount(), null)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("account_id") String accountId, JsonNode body,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", true);
        if (body == null || !body.path("name").isTextual()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A database needs a name");
        }
        // The gateway picks the id so that it can address the owning shard before the database exists.
        String id = UUID.randomUUID().toString();
        CreateDatabaseRequest.Builder create = CreateDatabaseRequest.newBuilder().setCaller(caller(accountId))
                .setName(body.get("name").asText()).setDatabaseId(id);
        if (body.path("primary_location_hint").isTextual()) {
            create.setPrimaryLocationHint(body.get("primary_location_hint").asText());
        }
        if (body.path("jurisdiction").isTextual()) {
            create.setJurisdiction(body.get("jurisdiction").asText());
        }
        return call(shards.owner(id).createDatabase(create.build())).map(db -> Envelope.ok(D1Json.database(db)));
    }

    @GET
    @Path("{database_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", false);
        return call(shards.owner(id).getDatabase(ref(accountId, id))).map(db -> Envelope.ok(D1Json.database(db)));
    }

    @DELETE
    @Path("{database_id}")
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", true);
        return call(shards.owner(id).deleteDatabase(ref(accountId, id))).map(r -> Envelope.ok(null));
    }

    /** Rows as objects keyed by column name. */
    @POST
    @Path("{database_id}/query")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<List<Object>>> query(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, JsonNode body, @Context ContainerRequestContext request) {
        return run(accountId, id, body, request, r -> {
            List<Map<String, Object>> rows = new ArrayList<>(r.getRowsCount());
            for (Row row : r.getRowsList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < row.getValuesCount(); i++) {
                    m.put(r.getColumns(i), D1Json.value(row.getValues(i)));
                }
                rows.add(m);
            }
            return rows;
        });
    }

    /** Rows as arrays, with the column names once. */
    @POST
    @Path("{database_id}/raw")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<List<Object>>> raw(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, JsonNode body, @Context ContainerRequestContext request) {
        return run(accountId, id, body, request, r -> {
            List<List<Object>> rows = new ArrayList<>(r.getRowsCount());
            for (Row row : r.getRowsList()) {
                rows.add(row.getValuesList().stream().map(D1Json::value).toList());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("columns", r.getColumnsList());
            out.put("rows", rows);
            return out;
        });
    }

    /**
     * Edit scope: a query may write, and the API cannot tell beforehand (Cloudflare asks for D1 edit too). A
     * ';'-separated text answers one result object per statement, as Cloudflare's API does (d1-service splits it).
     */
    private Uni<Envelope<List<Object>>> run(String accountId, String id, JsonNode body,
            ContainerRequestContext request, Function<StatementResult, Object> shape) {
        AccountAccess.require(request, accountId, "d1", true);
        QueryRequest query = QueryRequest.newBuilder().setDb(ref(accountId, id))
                .addAllStatements(D1Json.statements(body)).setResultsPerStatement(true).build();
        return call(shards.owner(id).query(query)).map(r -> {
            List<Object> out = new ArrayList<>(r.getResultsCount());
            for (StatementResult result : r.getResultsList()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("results", shape.apply(result));
                one.put("success", true);
                one.put("meta", D1Json.meta(result.getMeta()));
                out.add(one);
            }
            return Envelope.ok(out);
        });
    }

    /**
     * D1-13 export, Cloudflare's polling form as {@code wrangler d1 export --remote} drives it: the dump is made within
     * this request (d1-service's Export), so the first answer is already {@code complete}, with a URL on this port
     * that downloads it without the API token for an hour ({@link D1TransfersResource}).
     */
    @POST
    @Path("{database_id}/export")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> export(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, String body, @Context UriInfo uri,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", false);
        JsonNode json = JsonBodies.object(body);
        String format = JsonBodies.text(json, "output_format");
        if (format != null && !format.equals("polling")) {
            throw new ApiException(ApiError.BAD_REQUEST, "output_format must be \"polling\"");
        }
        JsonNode options = json.path("dump_options");
        ExportRequest.Builder export = ExportRequest.newBuilder().setDb(ref(accountId, id))
                .setNoData(options.path("no_data").asBoolean(false)).setNoSchema(options.path("no_schema").asBoolean(false));
        options.path("tables").forEach(t -> export.addTables(t.asText()));
        return RequestContext.resumeOn(call(shards.owner(id).export(export.build()))).flatMap(dump -> transfers
                .create(accountId, id, D1Transfer.EXPORT, null, dump.getSql().getBytes(StandardCharsets.UTF_8))
                .map(t -> {
                    String filename = id + "-" + dump.getBookmark() + ".sql";
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("success", true);
                    status.put("type", "export");
                    status.put("at_bookmark", dump.getBookmark());
                    status.put("status", "complete");
                    status.put("messages", List.of("Generated " + filename));
                    status.put("result", Map.of("filename", filename, "signed_url", transferUrl(uri, t)));
                    return Envelope.ok(status);
                }));
    }

    /**
     * D1-13 import, Cloudflare's three steps as {@code wrangler d1 execute --remote --file} drives them: {@code init}
     * hands out an upload URL on this port, the client PUTs the file there (the answer's ETag is its md5),
     * {@code ingest} runs it in one transaction within the request (d1-service's Import) and {@code poll} answers the
     * outcome again. A SQL error is an import with {@code status:"error"}, as on Cloudflare, not a failed call.
     */
    @POST
    @Path("{database_id}/import")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> importSql(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, String body, @Context UriInfo uri,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", true);
        JsonNode json = JsonBodies.object(body);
        String action = JsonBodies.text(json, "action");
        String etag = JsonBodies.text(json, "etag");
        if ("init".equals(action)) {
            if (etag == null) {
                throw new ApiException(ApiError.BAD_REQUEST, "etag (the md5 of the file, hex) is required");
            }
            return RequestContext.resumeOn(call(shards.owner(id).getDatabase(ref(accountId, id))))
                    .flatMap(db -> transfers.create(accountId, id, D1Transfer.IMPORT, etag.toLowerCase(), null))
                    .map(t -> {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("success", true);
                        out.put("filename", t.token);
                        out.put("upload_url", transferUrl(uri, t));
                        return Envelope.ok(out);
                    });
        }
        if ("ingest".equals(action)) {
            String filename = JsonBodies.text(json, "filename");
            return transfers.find(filename).flatMap(t -> {
                if (t == null || !D1Transfer.IMPORT.equals(t.kind) || !t.accountId.equals(accountId)
                        || !t.databaseId.equals(id) || t.content == null) {
                    throw new ApiException(ApiError.BAD_REQUEST,
                            "Unknown, expired or not yet uploaded import " + filename + "; start again with action init");
                }
                if (etag != null && !etag.equalsIgnoreCase(t.etag)) {
                    throw new ApiException(ApiError.BAD_REQUEST, "etag does not match the one given at init");
                }
                ImportRequest run = ImportRequest.newBuilder().setDb(ref(accountId, id))
                        .setSql(new String(t.content, StandardCharsets.UTF_8)).build();
                return RequestContext.resumeOn(call(shards.owner(id).import_(run))).map(D1DatabasesResource::imported)
                        .onFailure(D1DatabasesResource::sqlError).recoverWithItem(D1DatabasesResource::importFailed)
                        .call(status -> transfers.recordOutcome(t.token, D1Json.write(status)));
            }).map(Envelope::ok);
        }
        if ("poll".equals(action)) {
            return transfers.lastImport(accountId, id).map(t -> {
                if (t == null) {
                    throw new ApiException(ApiError.BAD_REQUEST, "No import has run on this database");
                }
                return Envelope.ok(D1Json.readObject(t.outcome));
            });
        }
        throw new ApiException(ApiError.BAD_REQUEST, "action must be one of init, ingest, poll");
    }

    private static Map<String, Object> imported(ImportResponse r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("num_queries", r.getNumQueries());
        result.put("final_bookmark", r.getFinalBookmark());
        result.put("meta", D1Json.meta(r.getMeta()));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("success", true);
        status.put("type", "import");
        status.put("at_bookmark", r.getFinalBookmark());
        status.put("status", "complete");
        status.put("messages", List.of("Imported " + r.getNumQueries() + " queries"));
        status.put("result", result);
        return status;
    }

    /** SQL in the file failed (d1-service rolled the whole import back): an outcome, not a failed call. */
    private static boolean sqlError(Throwable failure) {
        return failure instanceof ServiceErrors.ResourceException e && (e.code() == 7500 || e.code() == 7400);
    }

    private static Map<String, Object> importFailed(Throwable failure) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("success", false);
        status.put("type", "import");
        status.put("status", "error");
        status.put("messages", List.of());
        status.put("error", failure.getMessage());
        status.put("errors", List.of(failure.getMessage()));
        return status;
    }

    private static String transferUrl(UriInfo uri, D1Transfer t) {
        return uri.getBaseUri().resolve("/d1/transfers/" + t.token).toString();
    }

    /** D1-15: the bookmark for a point in time ({@code ?timestamp=} RFC 3339 or epoch seconds; default now). */
    @GET
    @Path("{database_id}/time_travel/bookmark")
    public Uni<Envelope<Map<String, Object>>> bookmark(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, @QueryParam("timestamp") String timestamp,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", false);
        GetBookmarkRequest bookmark = GetBookmarkRequest.newBuilder().setDb(ref(accountId, id))
                .setTimestampMs(timestamp == null || timestamp.isBlank() ? 0 : epochMillis(timestamp)).build();
        return call(shards.owner(id).getBookmark(bookmark)).map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bookmark", r.getBookmark());
            return Envelope.ok(out);
        });
    }

    /** D1-15: restore in place to {@code ?bookmark=} or {@code ?timestamp=}; answers the previous bookmark (undo). */
    @POST
    @Path("{database_id}/time_travel/restore")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> restore(@PathParam("account_id") String accountId,
            @PathParam("database_id") String id, @QueryParam("bookmark") String bookmark,
            @QueryParam("timestamp") String timestamp, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "d1", true);
        RestoreRequest.Builder restore = RestoreRequest.newBuilder().setDb(ref(accountId, id));
        if (bookmark != null && !bookmark.isBlank()) {
            restore.setBookmark(bookmark.trim());
        } else if (timestamp != null && !timestamp.isBlank()) {
            restore.setTimestampMs(epochMillis(timestamp));
        }
        return call(shards.owner(id).restore(restore.build())).map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bookmark", r.getBookmark());
            out.put("previous_bookmark", r.getPreviousBookmark());
            out.put("message", r.getMessage());
            return Envelope.ok(out);
        });
    }

    /** D1-15's timestamp, read as d1-service's own API reads it ({@link TimeTravelTimes}). */
    static long epochMillis(String timestamp) {
        try {
            return TimeTravelTimes.epochMillis(timestamp);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, e.getMessage());
        }
    }

    private <T> Uni<T> call(Uni<T> call) {
        return call.ifNoItem().after(shards.timeout()).failWith(() -> new ApiException(ApiError.UPSTREAM_UNAVAILABLE,
                "d1-service did not answer within " + shards.timeout().toSeconds() + " s"))
                .onFailure().transform(ServiceErrors::d1);
    }

    private static Caller caller(String accountId) {
        return Caller.newBuilder().setAccountId(accountId).build();
    }

    private static DatabaseRef ref(String accountId, String id) {
        return DatabaseRef.newBuilder().setCaller(caller(accountId)).setDatabaseId(id).build();
    }
}
