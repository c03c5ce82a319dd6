package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.auth.TokenStore;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /accounts/{id}/tokens}: Cloudflare's account-owned tokens, the same store as {@code /user/tokens}. */
@Path("/client/v4/accounts/{account_id}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AccountTokensResource {
    private final TokenStore store;

    public AccountTokensResource(TokenStore store) {
        this.store = store;
    }

    @GET
    @Path("/verify")
    @NonBlocking
    public Envelope<Map<String, Object>> verify(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        if (!AccountAccess.current(request).accountId().equals(accountId)) {
            throw new ApiException(ApiError.UNAUTHORIZED, "Unauthorized to access requested resource");
        }
        return TokenJson.verify(request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("account_id") String accountId, JsonNode body,
            @Context ContainerRequestContext request) {
        return TokenJson.create(store, AccountAccess.require(request, accountId, "tokens", true), body);
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        return TokenJson.list(store, AccountAccess.require(request, accountId, "tokens", false));
    }

    @GET
    @Path("/{token_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("token_id") String id, @Context ContainerRequestContext request) {
        return TokenJson.get(store, AccountAccess.require(request, accountId, "tokens", false), id);
    }

    /** Roll: the old value stops working at once on every gateway replica. */
    @PUT
    @Path("/{token_id}/value")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<String>> roll(@PathParam("account_id") String accountId, @PathParam("token_id") String id,
            @Context ContainerRequestContext request) {
        return TokenJson.roll(store, AccountAccess.require(request, accountId, "tokens", true), id);
    }

    @DELETE
    @Path("/{token_id}")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("account_id") String accountId,
            @PathParam("token_id") String id, @Context ContainerRequestContext request) {
        return TokenJson.delete(store, AccountAccess.require(request, accountId, "tokens", true), id);
    }
}
