package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.routes.RouteStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one worker (API-5): what wrangler PUTs for {@code routes = [...]} in wrangler.toml. The body is
 * {@code [{pattern}]} (or plain strings); the worker then has exactly those routes.
 */
@Path("/client/v4/accounts/{account_id}/workers/scripts/{script_name}/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {
    private final RouteStore routes;

    public RoutesResource(RouteStore routes) {
        this.routes = routes;
    }

    @GET
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return routes.forWorker(accountId, scriptName).map(list -> Envelope.ok(list.stream().map(RoutesResource::json).toList()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<List<Map<String, Object>>>> replace(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        AccountAccess.require(request, accountId, "routes", true);
        if (body == null || !body.isArray()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The body must be an array of routes, e.g. [{\"pattern\":\"example.com/*\"}]");
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode r : body) {
            if (r.isObject() && r.path("custom_domain").asBoolean(false)) {
                throw new ApiException(ApiError.BAD_REQUEST, "Custom domains are not supported by Outpost; use a route pattern");
            }
            String pattern = r.isTextual() ? r.asText() : r.path("pattern").asText(null);
            if (pattern == null) {
                throw new ApiException(ApiError.BAD_REQUEST, "Every route needs a pattern");
            }
            patterns.add(pattern);
        }
        return routes.replaceForWorker(accountId, scriptName, patterns).call(routes::applied)
                .map(list -> Envelope.ok(list.stream().map(RoutesResource::json).toList()));
    }

    static Map<String, Object> json(RouteStore.Route r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString().replace("-", ""));
        out.put("pattern", r.pattern());
        out.put("script", r.script());
        return out;
    }
}
