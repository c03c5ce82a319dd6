package dev.outpost.gateway.controlplane.rest;

import dev.outpost.gateway.controlplane.d1.D1Transfers;
import dev.outpost.gateway.controlplane.model.D1Transfer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The "signed URLs" of D1 export and import (D1-13) on the control-plane port, outside {@code /client/v4}: the
 * client fetches them without its API token, as it fetches Cloudflare's presigned R2 URLs. GET downloads an export;
 * PUT uploads an import file and answers its md5 as {@code ETag}, which wrangler compares with its own.
 */
@Path("/d1/transfers/{token}")
public class D1TransfersResource {
    private final D1Transfers transfers;

    public D1TransfersResource(D1Transfers transfers) {
        this.transfers = transfers;
    }

    @GET
    public Uni<Response> download(@PathParam("token") String token) {
        return transfers.find(token).map(t -> {
            if (t == null || !D1Transfer.EXPORT.equals(t.kind)) {
                return unknown("export");
            }
            return Response.ok(t.content, "application/sql")
                    .header("Content-Disposition", "attachment; filename=\"" + t.databaseId + ".sql\"").build();
        });
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> upload(@PathParam("token") String token, byte[] body) {
        return transfers.upload(token, body == null ? new byte[0] : body).map(md5 -> md5 == null ? unknown("upload")
                : Response.ok().header("ETag", "\"" + md5 + "\"").build());
    }

    private static Response unknown(String what) {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(Envelope.failure(ApiError.NOT_FOUND.code(), "Unknown or expired " + what + " URL")).build();
    }
}
