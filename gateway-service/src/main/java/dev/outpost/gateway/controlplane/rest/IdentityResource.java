package dev.outpost.gateway.controlplane.rest;

import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.auth.Principal;
import dev.outpost.gateway.controlplane.model.Account;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the caller is (API-1): {@code /user}, {@code /accounts} and {@code /memberships}, which wrangler asks when
 * CLOUDFLARE_ACCOUNT_ID is unset and for {@code wrangler whoami}. A token sees exactly its own account.
 */
@Path("/client/v4")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    @GET
    @Path("/user")
    @NonBlocking
    public Envelope<Map<String, Object>> user(@Context ContainerRequestContext request) {
        Principal principal = AccountAccess.current(request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", TokenJson.hex(principal.tokenId()));
        // Outpost has no users: a token belongs to an account, which stands in for the e-mail address.
        out.put("email", principal.accountId() + "@outpost.local");
        out.put("suspended", false);
        return Envelope.ok(out);
    }

    @GET
    @Path("/accounts")
    @WithSession
    public Uni<Envelope<List<Map<String, Object>>>> accounts(@Context ContainerRequestContext request) {
        Principal principal = AccountAccess.current(request);
        return Account.<Account>findById(principal.accountId()).map(a -> Envelope.ok(
                a == null ? List.of() : List.of(account(a)), new Envelope.ResultInfo(1, 20, a == null ? 0 : 1, a == null ? 0 : 1, null)));
    }

    @GET
    @Path("/accounts/{account_id}")
    @WithSession
    public Uni<Envelope<Map<String, Object>>> account(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "account", false);
        return Account.<Account>findById(accountId).map(a -> {
            if (a == null) {
                throw new ApiException(ApiError.NOT_FOUND, "Account " + accountId + " does not exist");
            }
            return Envelope.ok(account(a));
        });
    }

    @GET
    @Path("/memberships")
    @WithSession
    public Uni<Envelope<List<Map<String, Object>>>> memberships(@Context ContainerRequestContext request) {
        Principal principal = AccountAccess.current(request);
        return Account.<Account>findById(principal.accountId()).map(a -> {
            List<Map<String, Object>> list = a == null ? List.of() : List.of(Map.of("id", a.id, "status", "accepted",
                    "account", Map.of("id", a.id, "name", a.name), "roles", List.of("Administrator")));
            return Envelope.ok(list, new Envelope.ResultInfo(1, 20, list.size(), list.size(), null));
        });
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id);
        out.put("name", a.name);
        out.put("type", "standard");
        out.put("created_on", a.createdOn.toString());
        out.put("settings", Map.of());
        return out;
    }
}
