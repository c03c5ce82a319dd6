package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.service.ScriptStore;
import dev.outpost.gateway.controlplane.service.VersionedSettings;
import dev.outpost.gateway.controlplane.service.WorkerSettingsStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Settings of a worker (API-4): {@code script-settings} are the non-versioned ones (logpush, tail_consumers,
 * observability, tags — wrangler PATCHes them after each deploy); {@code settings} adds the deployed version's
 * bindings and compatibility settings, and a PATCH of those makes and deploys a new version ({@link
 * VersionedSettings}; {@code wrangler secret bulk} uses it).
 */
@Path("/client/v4/accounts/{account_id}/workers/scripts/{script_name}")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptSettingsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cloudflare settings with no meaning on Outpost (one placement, one usage model): accepted, not stored. */
    static final java.util.Set<String> IGNORED = java.util.Set.of("usage_model", "placement");

    private final WorkerSettingsStore settings;
    private final ScriptStore scripts;
    private final VersionedSettings versionedSettings;

    public ScriptSettingsResource(WorkerSettingsStore settings, ScriptStore scripts,
            VersionedSettings versionedSettings) {
        this.settings = settings;
        this.scripts = scripts;
        this.versionedSettings = versionedSettings;
    }

    @GET
    @Path("/script-settings")
    public Uni<Envelope<ObjectNode>> scriptSettings(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return settings.scriptSettings(accountId, scriptName).map(Envelope::ok);
    }

    @PATCH
    @Path("/script-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<ObjectNode>> patchScriptSettings(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        return settings.patchScriptSettings(accountId, scriptName, body).map(Envelope::ok);
    }

    @GET
    @Path("/settings")
    public Uni<Envelope<ObjectNode>> settings(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return full(accountId, scriptName).map(Envelope::ok);
    }

    /** The multipart form of Cloudflare's settings PATCH: a {@code settings} part holding the JSON. */
    @PATCH
    @Path("/settings")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Envelope<ObjectNode>> patchSettings(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @RestForm("settings") String settingsField,
            @RestForm(FileUpload.ALL) List<FileUpload> files, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        String text = settingsField;
        for (FileUpload f : files) {
            if ("settings".equals(f.name())) {
                try {
                    text = java.nio.file.Files.readString(f.uploadedFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        JsonNode patch;
        try {
            patch = text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The settings part is not valid JSON");
        }
        if (patch == null || !patch.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The form needs a settings part holding a JSON object");
        }
        ObjectNode nonVersioned = JSON.createObjectNode();
        ObjectNode versioned = JSON.createObjectNode();
        List<String> unknown = new java.util.ArrayList<>();
        patch.fields().forEachRemaining(e -> {
            if (WorkerSettingsStore.SCRIPT_SETTINGS.contains(e.getKey())) {
                nonVersioned.set(e.getKey(), e.getValue());
            } else if (VersionedSettings.FIELDS.contains(e.getKey())) {
                versioned.set(e.getKey(), e.getValue());
            } else if (!IGNORED.contains(e.getKey())) {
                unknown.add(e.getKey());
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(ApiError.BAD_REQUEST, "Unknown setting(s) " + unknown + "; supported: "
                    + VersionedSettings.FIELDS + ", " + WorkerSettingsStore.SCRIPT_SETTINGS + " (" + IGNORED
                    + " are accepted and have no effect on Outpost)");
        }
        // Versioned settings first: a refused binding or flag leaves the non-versioned ones unchanged too.
        Uni<?> newVersion = versioned.isEmpty() ? Uni.createFrom().voidItem()
                : versionedSettings.apply(accountId, scriptName, versioned);
        return newVersion.flatMap(v -> nonVersioned.isEmpty() ? Uni.createFrom().voidItem()
                        : settings.patchScriptSettings(accountId, scriptName, nonVersioned))
                .flatMap(v -> full(accountId, scriptName)).map(Envelope::ok);
    }

    private Uni<ObjectNode> full(String accountId, String scriptName) {
        return settings.scriptSettings(accountId, scriptName).flatMap(base -> scripts.find(accountId, scriptName)
                .flatMap(w -> scripts.currentVersion(w.id))
                .flatMap(id -> id == null ? Uni.createFrom().nullItem() : scripts.version(id))
                .map(v -> merge(base, v)));
    }

    private static ObjectNode merge(ObjectNode base, WorkerVersion v) {
        ObjectNode out = base.deepCopy();
        out.put("usage_model", "standard");
        out.putObject("placement");
        if (v != null) {
            try {
                out.put("compatibility_date", v.compatibilityDate);
                out.set("compatibility_flags", JSON.readTree(v.compatibilityFlags));
                JsonNode bindings = JSON.readTree(v.bindings);
                for (JsonNode b : bindings) {
                    if (b instanceof ObjectNode o) {
                        // secret values are write-only (SVC-4)
                        o.remove("text_encrypted");
                        if ("secret_text".equals(o.path("type").asText())) {
                            o.remove("text");
                        }
                    }
                }
                out.set("bindings", bindings);
            } catch (Exception e) {
                throw new IllegalStateException("stored version " + v.id + " has bad JSON", e);
            }
        } else {
            out.putArray("bindings");
        }
        return out;
    }
}
