package dev.outpost.r2.rest;

import dev.outpost.r2.model.BucketRef;
import dev.outpost.r2.service.BucketService;
import dev.outpost.r2.error.R2Error;
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
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare-style bucket management: /client/v4/accounts/{account_id}/r2/buckets (API-7).
 * Jurisdiction comes from the cf-r2-jurisdiction header as in Cloudflare's API.
 */
@Path("/client/v4/accounts/{accountId}/r2/buckets")
@Produces(MediaType.APPLICATION_JSON)
public class BucketsResource {

    private final BucketService buckets;

    public BucketsResource(BucketService buckets) {
        this.buckets = buckets;
    }

    @GET
    public Uni<Envelope> list(@PathParam("accountId") String accountId, @QueryParam("name_contains") String contains,
            @QueryParam("start_after") String startAfter, @QueryParam("cursor") String cursor,
            @QueryParam("per_page") Integer perPage, @HeaderParam("cf-r2-jurisdiction") String jurisdiction) {
        int limit = perPage == null ? 20 : perPage;
        if (limit < 1 || limit > 1000) {
            throw R2Error.INVALID_ARGUMENT.exception("per_page must be between 1 and 1000.");
        }
        String after = cursor != null && !cursor.isEmpty() ? cursor : startAfter;
        BucketRef scope = new BucketRef(accountId, "", jurisdiction);
        int fetch = contains == null ? limit : 1000;
        return buckets.list(scope, "", after, fetch).map(page -> {
            List<BucketJson> shown = page.buckets().stream()
                    .filter(b -> contains == null || b.name().contains(contains))
                    .limit(limit)
                    .map(BucketJson::of)
                    .toList();
            boolean more = page.truncated() || page.buckets().size() > shown.size() && contains == null;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("per_page", limit);
            if (more && !shown.isEmpty()) {
                info.put("cursor", shown.get(shown.size() - 1).name());
            }
            return Envelope.ok(Map.of("buckets", shown), info);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope> create(@PathParam("accountId") String accountId, CreateBucketBody body,
            @HeaderParam("cf-r2-jurisdiction") String jurisdiction) {
        if (body == null || body.name() == null) {
            throw R2Error.INVALID_BUCKET_NAME.exception("The request body must name the bucket.");
        }
        return buckets.create(new BucketRef(accountId, body.name(), jurisdiction), body.locationHint(),
                body.storageClass()).map(b -> Envelope.ok(BucketJson.of(b)));
    }

    @GET
    @Path("{bucket}")
    public Uni<Envelope> get(@PathParam("accountId") String accountId, @PathParam("bucket") String bucket,
            @HeaderParam("cf-r2-jurisdiction") String jurisdiction) {
        return buckets.get(new BucketRef(accountId, bucket, jurisdiction)).map(b -> Envelope.ok(BucketJson.of(b)));
    }

    @DELETE
    @Path("{bucket}")
    public Uni<Envelope> delete(@PathParam("accountId") String accountId, @PathParam("bucket") String bucket,
            @HeaderParam("cf-r2-jurisdiction") String jurisdiction) {
        return buckets.delete(new BucketRef(accountId, bucket, jurisdiction)).map(v -> Envelope.ok(Map.of()));
    }
}
