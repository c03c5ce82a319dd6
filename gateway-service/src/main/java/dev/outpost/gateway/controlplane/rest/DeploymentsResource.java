package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.model.Deployment;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.service.DeploymentStore;
import dev.outpost.gateway.controlplane.service.ScriptService;
import dev.outpost.gateway.hosting.DeploymentTable;
import dev.outpost.gateway.hosting.WorkerHost;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Versions and deployments of a worker, shaped like Cloudflare's API-4. One version serves at a
 * time (a deployment names one version at 100%); deploying an older version is a rollback.
 */
@Path("/client/v4/accounts/{account_id}/workers/scripts/{script_name}")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeploymentStore store;
    private final DeploymentTable table;
    private final WorkerHost host;
    private final ScriptService scripts;

    public DeploymentsResource(DeploymentStore store, DeploymentTable table, WorkerHost host, ScriptService scripts) {
        this.scripts = scripts;
        this.store = store;
        this.table = table;
        this.host = host;
    }

    @GET
    @Path("/versions")
    public Uni<Envelope<Map<String, Object>>> versions(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return store.versions(accountId, scriptName)
                .map(list -> Envelope.ok(Map.of("items", list.stream().map(DeploymentsResource::version).toList())));
    }

    /**
     * Uploads a version without deploying it (API-4): the same multipart form as the script upload. wrangler
     * uses this for every deploy of an existing worker, followed by a 100% deployment of the new version.
     */
    @POST
    @Path("/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Envelope<ScriptService.VersionResult>> uploadVersion(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @RestForm("metadata") String metadataField,
            @RestForm(FileUpload.ALL) List<FileUpload> files, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        UploadForm form = UploadForm.read(metadataField, files);
        return scripts.uploadVersion(accountId, scriptName, form.metadata(), form.modules()).map(Envelope::ok);
    }

    @GET
    @Path("/versions/{version_id}")
    public Uni<Envelope<Map<String, Object>>> version(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @PathParam("version_id") String versionId,
            @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return store.version(accountId, scriptName, parseId(versionId)).map(v -> Envelope.ok(version(v)));
    }

    @GET
    @Path("/deployments")
    public Uni<Envelope<Map<String, Object>>> deployments(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return store.deployments(accountId, scriptName)
                .map(list -> Envelope.ok(Map.of("deployments", list.stream().map(DeploymentsResource::deployment).toList())));
    }

    @POST
    @Path("/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> deploy(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        UUID versionId = singleVersion(body);
        return store.deploy(accountId, scriptName, versionId, "api")
                .call(deployed -> table.reload(accountId, scriptName).invoke(() -> {
                    if (deployed.previousVersionId() != null) {
                        host.retire(deployed.previousVersionId());
                    }
                }))
                .map(deployed -> Envelope.ok(deployment(deployed.deployment())));
    }

    /** Outpost serves one version per worker: the body must name exactly one version at 100%. */
    private static UUID singleVersion(JsonNode body) {
        JsonNode versions = body == null ? null : body.get("versions");
        if (versions == null || !versions.isArray() || versions.size() != 1) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION,
                    "A deployment must name exactly one version; split (percentage) deployments are not supported");
        }
        JsonNode only = versions.get(0);
        if (only.has("percentage") && only.get("percentage").asDouble() != 100.0) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "The one version of a deployment must have percentage 100");
        }
        return parseId(only.path("version_id").asText(null));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "'" + id + "' is not a version id");
        }
    }

    private static Map<String, Object> version(WorkerVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id.toString());
        out.put("number", v.number);
        out.put("metadata", Map.of("created_on", v.createdOn.toString(), "source", "api"));
        try {
            out.put("resources", Map.of(
                    "script", Map.of("etag", v.etag, "handlers", JSON.readTree(v.handlers)),
                    "script_runtime", Map.of("compatibility_date", v.compatibilityDate,
                            "compatibility_flags", JSON.readTree(v.compatibilityFlags)),
                    "bindings", redactSecrets(JSON.readTree(v.bindings))));
        } catch (Exception e) {
            throw new IllegalStateException("stored version " + v.id + " has bad JSON", e);
        }
        return out;
    }

    /** Secret values are write-only (SVC-4): a version lists a secret binding's name and type only. */
    private static JsonNode redactSecrets(JsonNode bindings) {
        for (JsonNode b : bindings) {
            if ("secret_text".equals(b.path("type").asText()) && b instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove("text");
            }
        }
        return bindings;
    }

    private static Map<String, Object> deployment(Deployment d) {
        return Map.of("id", d.id.toString(), "created_on", d.createdOn.toString(), "source", d.source,
                "strategy", "percentage",
                "versions", List.of(Map.of("version_id", d.versionId.toString(), "percentage", 100)),
                "annotations", Map.of());
    }
}
