package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.auth.Principal;
import dev.outpost.gateway.controlplane.routes.RouteStore;
import dev.outpost.gateway.routing.ZoneIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Zones and zone routes (API-5). Outpost has no DNS, so every host name is a zone of the caller's account whose id
 * is derived from the name ({@link ZoneIds}): {@code GET /zones?name=} always answers, which is what wrangler needs
 * to find the zone of a route, and {@code /zones/{id}/workers/routes} lists the routes under that host.
 */
@Path("/client/v4/zones")
@Produces(MediaType.APPLICATION_JSON)
public class ZonesResource {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final RouteStore routes;

    public ZonesResource(RouteStore routes) {
        this.routes = routes;
    }

    /** {@code ?name=} answers that zone; without it, the zones the account's routes are filed under. */
    @GET
    public Uni<Envelope<List<Map<String, Object>>>> zones(@QueryParam("name") String name,
            @QueryParam("account.id") String accountId, @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", false);
        if (accountId != null && !accountId.isBlank() && !accountId.equals(principal.accountId())) {
            return Uni.createFrom().item(Envelope.ok(List.of(), new Envelope.ResultInfo(1, 20, 0, 0, null)));
        }
        if (name != null && !name.isBlank()) {
            String zone = name.trim().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(zone).matches()) {
                throw new ApiException(ApiError.BAD_REQUEST, "'" + name + "' is not a host name");
            }
            return Uni.createFrom().item(Envelope.ok(List.of(zone(zone, principal.accountId())),
                    new Envelope.ResultInfo(1, 20, 1, 1, null)));
        }
        return routes.zoneNames(principal.accountId()).map(names -> Envelope.ok(
                names.stream().map(n -> zone(n, principal.accountId())).toList(),
                new Envelope.ResultInfo(1, Math.max(20, names.size()), names.size(), names.size(), null)));
    }

    @GET
    @Path("/{zone_id}/workers/routes")
    public Uni<Envelope<List<Map<String, Object>>>> list(@PathParam("zone_id") String zoneId,
            @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", false);
        return routes.forZone(principal.accountId(), zoneId)
                .map(list -> Envelope.ok(list.stream().map(RoutesResource::json).toList()));
    }

    @POST
    @Path("/{zone_id}/workers/routes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> create(@PathParam("zone_id") String zoneId, JsonNode body,
            @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", true);
        return routes.create(principal.accountId(), zoneId, pattern(body), script(body)).call(routes::applied)
                .map(r -> Envelope.ok(RoutesResource.json(r)));
    }

    @GET
    @Path("/{zone_id}/workers/routes/{route_id}")
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("zone_id") String zoneId,
            @PathParam("route_id") String routeId, @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", false);
        return routes.get(principal.accountId(), zoneId, id(routeId)).map(r -> Envelope.ok(RoutesResource.json(r)));
    }

    @PUT
    @Path("/{zone_id}/workers/routes/{route_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> update(@PathParam("zone_id") String zoneId,
            @PathParam("route_id") String routeId, JsonNode body, @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", true);
        return routes.update(principal.accountId(), zoneId, id(routeId), pattern(body), script(body))
                .call(routes::applied).map(r -> Envelope.ok(RoutesResource.json(r)));
    }

    @DELETE
    @Path("/{zone_id}/workers/routes/{route_id}")
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("zone_id") String zoneId,
            @PathParam("route_id") String routeId, @Context ContainerRequestContext request) {
        Principal principal = AccountAccess.require(request, "routes", true);
        return routes.delete(principal.accountId(), zoneId, id(routeId)).call(routes::applied)
                .map(id -> Envelope.ok(Map.<String, Object>of("id", id.toString().replace("-", ""))));
    }

    private static Map<String, Object> zone(String name, String accountId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", ZoneIds.of(name));
        out.put("name", name);
        out.put("status", "active");
        out.put("type", "full");
        out.put("account", Map.of("id", accountId));
        out.put("name_servers", List.of());
        return out;
    }

    private static String pattern(JsonNode body) {
        String pattern = body == null ? null : body.path("pattern").asText(null);
        if (pattern == null || pattern.isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "A route needs a pattern");
        }
        return pattern;
    }

    private static String script(JsonNode body) {
        JsonNode script = body.get("script");
        return script == null || script.isNull() ? null : script.asText();
    }

    /** Route ids are answered as 32 hex digits (Cloudflare's form); the dashed UUID form is accepted too. */
    static UUID id(String text) {
        try {
            if (text.length() == 32 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return UUID.fromString(text.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.NOT_FOUND, "Route " + text + " does not exist");
        }
    }
}
