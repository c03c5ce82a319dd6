package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.service.ScriptService;
import dev.outpost.gateway.controlplane.service.ScriptStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker seen as a Cloudflare "service" (API-5): wrangler asks for it before every deploy (10007 = new worker)
 * and deletes through it ({@code wrangler delete}). Outpost has one environment per worker: production.
 */
@Path("/client/v4/accounts/{account_id}/workers/services/{service_name}")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptStore store;
    private final ScriptService scripts;

    public ServicesResource(ScriptStore store, ScriptService scripts) {
        this.store = store;
        this.scripts = scripts;
    }

    @GET
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("account_id") String accountId,
            @PathParam("service_name") String name, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return store.find(accountId, name).flatMap(w -> {
            if (w == null) {
                return Uni.createFrom().failure(new ApiException(ApiError.NOT_FOUND,
                        "This Worker does not exist on your account."));
            }
            return store.currentVersion(w.id).flatMap(id -> id == null ? Uni.createFrom().nullItem() : store.version(id))
                    .map(v -> Envelope.ok(service(w, v)));
        });
    }

    /** {@code wrangler delete}: the worker with its versions, deployments, routes and schedules. */
    @DELETE
    public Uni<Envelope<Object>> delete(@PathParam("account_id") String accountId,
            @PathParam("service_name") String name, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        return scripts.delete(accountId, name).map(v -> Envelope.ok(null));
    }

    private static Map<String, Object> service(Worker w, WorkerVersion v) {
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("id", w.name);
        script.put("tag", w.id.toString().replace("-", ""));
        script.put("tags", tags(w));
        script.put("etag", v == null ? null : v.etag);
        script.put("handlers", v == null ? new String[0] : new String[] {"fetch"});
        // Outpost has no dashboard: "dash"/"api" would make wrangler diff against a remote config it cannot fetch.
        script.put("last_deployed_from", "wrangler");
        script.put("usage_model", "standard");
        script.put("migration_tag", w.migrationTag);
        script.put("compatibility_date", v == null ? null : v.compatibilityDate);
        script.put("created_on", w.createdOn.toString());
        script.put("modified_on", w.modifiedOn.toString());
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("environment", "production");
        environment.put("created_on", w.createdOn.toString());
        environment.put("modified_on", w.modifiedOn.toString());
        environment.put("script", script);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.name);
        out.put("default_environment", environment);
        out.put("created_on", w.createdOn.toString());
        out.put("modified_on", w.modifiedOn.toString());
        return out;
    }

    private static JsonNode tags(Worker w) {
        try {
            JsonNode tags = JSON.readTree(w.scriptSettings).get("tags");
            return tags == null || tags.isNull() ? null : tags;
        } catch (Exception e) {
            return null;
        }
    }
}
