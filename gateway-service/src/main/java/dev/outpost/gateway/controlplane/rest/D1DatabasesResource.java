package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.GetBookmarkRequest;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.RestoreRequest;
import dev.outpost.contracts.d1.v1.Row;
import dev.outpost.contracts.d1.v1.StatementResult;
import dev.outpost.gateway.bindings.d1.D1Shards;
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

    public D1DatabasesResource(D1Shards shards) {
        this.shards = shards;
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

    /** RFC 3339 (what wrangler sends) or epoch seconds/milliseconds, as d1-service's own API reads it. */
    static long epochMillis(String timestamp) {
        String t = timestamp.trim();
        try {
            if (t.matches("\\d+")) {
                long n = Long.parseLong(t);
                return n > 100_000_000_000L ? n : n * 1000;
            }
            return java.time.OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new ApiException(ApiError.BAD_REQUEST,
                    "timestamp must be RFC 3339 (e.g. 2024-01-01T00:00:00Z) or epoch seconds: " + timestamp);
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
