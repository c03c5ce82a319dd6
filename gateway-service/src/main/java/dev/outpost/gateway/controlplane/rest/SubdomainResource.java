package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.service.WorkerSettingsStore;
import dev.outpost.gateway.hosting.DeploymentTable;
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
import java.util.Map;

/**
 * workers.dev (API-5): the account's subdomain, and per worker whether {@code <worker>.<anything>} host routing
 * reaches it ({@code enabled}) — wrangler turns it off when a worker has routes and no {@code workers_dev = true}.
 */
@Path("/client/v4/accounts/{account_id}/workers")
@Produces(MediaType.APPLICATION_JSON)
public class SubdomainResource {
    private final WorkerSettingsStore settings;
    private final DeploymentTable table;

    public SubdomainResource(WorkerSettingsStore settings, DeploymentTable table) {
        this.settings = settings;
        this.table = table;
    }

    @GET
    @Path("/subdomain")
    public Uni<Envelope<Map<String, String>>> subdomain(@PathParam("account_id") String accountId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return settings.subdomain(accountId).map(s -> Envelope.ok(Map.of("subdomain", s)));
    }

    @PUT
    @Path("/subdomain")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, String>>> setSubdomain(@PathParam("account_id") String accountId, JsonNode body,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        String subdomain = body == null ? null : body.path("subdomain").asText(null);
        return settings.setSubdomain(accountId, subdomain).map(s -> Envelope.ok(Map.of("subdomain", s)));
    }

    @GET
    @Path("/scripts/{script_name}/subdomain")
    public Uni<Envelope<Map<String, Boolean>>> scriptSubdomain(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return settings.worker(accountId, scriptName).map(SubdomainResource::switches);
    }

    @POST
    @Path("/scripts/{script_name}/subdomain")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Boolean>>> setScriptSubdomain(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        JsonNode enabled = body == null ? null : body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The body needs \"enabled\": true or false");
        }
        JsonNode previews = body.get("previews_enabled");
        Boolean previewsValue = previews == null || previews.isNull() ? null : previews.asBoolean();
        return settings.setSubdomainSwitches(accountId, scriptName, enabled.asBoolean(), previewsValue)
                .call(w -> table.reload(accountId, scriptName)).map(SubdomainResource::switches);
    }

    @DELETE
    @Path("/scripts/{script_name}/subdomain")
    public Uni<Envelope<Map<String, Boolean>>> disable(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        return settings.setSubdomainSwitches(accountId, scriptName, false, false)
                .call(w -> table.reload(accountId, scriptName)).map(SubdomainResource::switches);
    }

    private static Envelope<Map<String, Boolean>> switches(Worker w) {
        return Envelope.ok(Map.of("enabled", w.workersDev, "previews_enabled", w.previewsEnabled));
    }
}
