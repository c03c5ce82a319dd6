package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.r2.v1.Bucket;
import dev.outpost.contracts.r2.v1.BucketRef;
import dev.outpost.contracts.r2.v1.CreateBucketRequest;
import dev.outpost.contracts.r2.v1.ListBucketsRequest;
import dev.outpost.contracts.r2.v1.R2Service;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R2 bucket management on the control-plane port (R2-13), delegated to r2-service over gRPC; the JSON shapes and
 * error codes are those of r2-service's own REST API (10006 no such bucket, 10004 already exists).
 */
@Path("/client/v4/accounts/{account_id}/r2/buckets")
@Produces(MediaType.APPLICATION_JSON)
public class R2BucketsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final R2Service r2;

    public R2BucketsResource(@GrpcClient("r2") R2Service r2) {
        this.r2 = r2;
    }

    @GET
    public Uni<Envelope<Map<String, Object>>> list(@PathParam("account_id") String accountId,
            @QueryParam("name_contains") String contains, @QueryParam("start_after") String startAfter,
            @QueryParam("cursor") String cursor, @QueryParam("per_page") Integer perPage,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "r2", false);
        int limit = perPage == null ? 20 : perPage;
        if (limit < 1 || limit > 1000) {
            throw new ApiException(ApiError.BAD_REQUEST, "per_page must be between 1 and 1000.");
        }
        String after = cursor != null && !cursor.isEmpty() ? cursor : startAfter;
        int fetch = contains == null ? limit : 1000;
        ListBucketsRequest.Builder list = ListBucketsRequest.newBuilder().setCaller(caller(accountId)).setLimit(fetch);
        if (after != null) {
            list.setStartAfter(after);
        }
        return r2.listBuckets(list.build()).onFailure().transform(ServiceErrors::r2).map(page -> {
            List<Map<String, Object>> shown = page.getBucketsList().stream()
                    .filter(b -> contains == null || b.getName().contains(contains))
                    .limit(limit).map(R2BucketsResource::toJson).toList();
            boolean more = page.getTruncated() || contains == null && page.getBucketsCount() > shown.size();
            String next = more && !shown.isEmpty() ? (String) shown.get(shown.size() - 1).get("name") : null;
            return Envelope.ok(Map.of("buckets", shown), new Envelope.ResultInfo(null, limit, null, null, next));
        });
    }

    /** Any content type: wrangler sends the JSON body without {@code Content-Type: application/json}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("account_id") String accountId, String text,
            @HeaderParam("cf-r2-jurisdiction") String jurisdiction, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "r2", true);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.path("name").isTextual()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body must name the bucket.");
        }
        CreateBucketRequest.Builder create = CreateBucketRequest.newBuilder().setCaller(caller(accountId))
                .setName(body.get("name").asText());
        if (body.path("locationHint").isTextual()) {
            create.setLocationHint(body.get("locationHint").asText());
        }
        if (body.path("storageClass").isTextual()) {
            create.setStorageClass(body.get("storageClass").asText());
        }
        if (jurisdiction != null) {
            create.setJurisdiction(jurisdiction);
        }
        return r2.createBucket(create.build()).onFailure().transform(ServiceErrors::r2)
                .map(b -> Envelope.ok(toJson(b)));
    }

    @GET
    @Path("{bucket}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("bucket") String bucket, @HeaderParam("cf-r2-jurisdiction") String jurisdiction,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "r2", false);
        return r2.getBucket(ref(accountId, bucket, jurisdiction)).onFailure().transform(ServiceErrors::r2)
                .map(b -> Envelope.ok(toJson(b)));
    }

    @DELETE
    @Path("{bucket}")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("account_id") String accountId,
            @PathParam("bucket") String bucket, @HeaderParam("cf-r2-jurisdiction") String jurisdiction,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "r2", true);
        return r2.deleteBucket(ref(accountId, bucket, jurisdiction)).onFailure().transform(ServiceErrors::r2)
                .map(v -> Envelope.ok(Map.of()));
    }

    private static Caller caller(String accountId) {
        return Caller.newBuilder().setAccountId(accountId).build();
    }

    private static BucketRef ref(String accountId, String bucket, String jurisdiction) {
        BucketRef.Builder ref = BucketRef.newBuilder().setCaller(caller(accountId)).setBucket(bucket);
        if (jurisdiction != null) {
            ref.setJurisdiction(jurisdiction);
        }
        return ref.build();
    }

    private static Map<String, Object> toJson(Bucket b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", b.getName());
        json.put("creation_date", Instant.ofEpochMilli(b.getCreationDateMs()).toString());
        json.put("location", b.getLocation());
        json.put("storage_class", b.getStorageClass());
        return json;
    }
}
