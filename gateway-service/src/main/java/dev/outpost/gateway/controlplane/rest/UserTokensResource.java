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

/**
 * {@code /user/tokens}: API tokens of the caller's account with scopes and expiry (Outpost has no users; a token
 * belongs to an account). Managing tokens needs the {@code tokens} scope; a token grants only scopes it holds.
 */
@Path("/client/v4/user/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class UserTokensResource {
    private final TokenStore store;

    public UserTokensResource(TokenStore store) {
        this.store = store;
    }

    @GET
    @Path("/verify")
    @NonBlocking
    public Envelope<Map<String, Object>> verify(@Context ContainerRequestContext request) {
        return TokenJson.verify(request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> create(JsonNode body, @Context ContainerRequestContext request) {
        return TokenJson.create(store, AccountAccess.require(request, "tokens", true), body);
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@Context ContainerRequestContext request) {
        return TokenJson.list(store, AccountAccess.require(request, "tokens", false));
    }

    @GET
    @Path("/{token_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("token_id") String id, @Context ContainerRequestContext request) {
        return TokenJson.get(store, AccountAccess.require(request, "tokens", false), id);
    }

    /** Roll: the old value stops working at once on every gateway replica. */
    @PUT
    @Path("/{token_id}/value")
    @Consumes(MediaType.WILDCARD)
    public Uni<Envelope<String>> roll(@PathParam("token_id") String id, @Context ContainerRequestContext request) {
        return TokenJson.roll(store, AccountAccess.require(request, "tokens", true), id);
    }

    @DELETE
    @Path("/{token_id}")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("token_id") String id,
            @Context ContainerRequestContext request) {
        return TokenJson.delete(store, AccountAccess.require(request, "tokens", true), id);
    }
}
