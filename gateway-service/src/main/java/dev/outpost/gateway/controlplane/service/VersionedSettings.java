package dev.outpost.gateway.controlplane.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.controlplane.model.WorkerModuleEntity;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * API-4/API-6 {@code PATCH …/settings} with versioned settings ({@code bindings}, {@code compatibility_date},
 * {@code compatibility_flags}): versions are immutable, so, as on Cloudflare, the deployed version's modules are
 * uploaded again with the changed settings and deployed — validated, compiled and announced like any upload.
 * <p>
 * {@code bindings} is the complete new list. An entry of type {@code inherit}, or one with nothing but a
 * {@code type} and a {@code name} (what {@code wrangler secret bulk} sends for the bindings it keeps), keeps the
 * deployed binding of that name, secrets included; a deployed binding left out is removed. Without {@code bindings}
 * every deployed binding is kept.
 */
@ApplicationScoped
public class VersionedSettings {
    public static final Set<String> FIELDS = Set.of("bindings", "compatibility_date", "compatibility_flags");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptStore store;
    private final ScriptService scripts;

    public VersionedSettings(ScriptStore store, ScriptService scripts) {
        this.store = store;
        this.scripts = scripts;
    }

    public Uni<ScriptService.UploadResult> apply(String accountId, String scriptName, JsonNode patch) {
        return store.find(accountId, scriptName).flatMap(w -> {
            if (w == null) {
                throw new ApiException(ApiError.NOT_FOUND, "This Worker does not exist on your account.");
            }
            return store.currentVersion(w.id);
        }).flatMap(id -> {
            if (id == null) {
                throw new ApiException(ApiError.NOT_FOUND, "This Worker has no deployed version to change.");
            }
            return store.version(id);
        }).flatMap(v -> store.modules(v.id).flatMap(modules -> reupload(accountId, scriptName, v, modules, patch)));
    }

    private Uni<ScriptService.UploadResult> reupload(String accountId, String scriptName, WorkerVersion v,
            List<WorkerModuleEntity> modules, JsonNode patch) {
        ObjectNode metadata = JSON.createObjectNode();
        boolean serviceWorker = modules.stream().anyMatch(m -> m.key.name.equals(v.mainModule)
                && m.contentType.startsWith("application/javascript") && !m.contentType.contains("module"));
        metadata.put(serviceWorker ? "body_part" : "main_module", v.mainModule);
        metadata.set("compatibility_date", patch.has("compatibility_date") ? patch.get("compatibility_date")
                : JSON.getNodeFactory().textNode(v.compatibilityDate));
        try {
            metadata.set("compatibility_flags", patch.has("compatibility_flags") ? patch.get("compatibility_flags")
                    : JSON.readTree(v.compatibilityFlags));
        } catch (Exception e) {
            throw new IllegalStateException("version " + v.id + " has bad compatibility flags JSON", e);
        }
        ArrayNode uploaded = metadata.putArray("bindings");
        Set<String> inherited = new HashSet<>();
        JsonNode bindings = patch.get("bindings");
        if (bindings != null && !bindings.isNull()) {
            if (!bindings.isArray()) {
                throw new ApiException(ApiError.BAD_REQUEST, "settings.bindings must be an array");
            }
            for (JsonNode b : bindings) {
                if (!b.isObject() || !b.path("name").isTextual()) {
                    throw new ApiException(ApiError.UNNAMED_BINDING, "A binding has no name");
                }
                if ("inherit".equals(b.path("type").asText()) || b.size() <= 2) {
                    inherited.add(b.get("name").asText());
                } else {
                    uploaded.add(b);
                }
            }
        }
        boolean keepAll = bindings == null || bindings.isNull();
        List<UploadedModule> parts = modules.stream()
                .map(m -> new UploadedModule(m.key.name, m.contentType, m.content)).toList();
        return scripts.uploadCarrying(accountId, scriptName, metadata.toString(), parts, deployed -> {
            List<BindingSpec> carried = new ArrayList<>();
            Set<String> missing = new HashSet<>(inherited);
            for (BindingSpec b : deployed) {
                if (keepAll || inherited.contains(b.name())) {
                    carried.add(b);
                    missing.remove(b.name());
                }
            }
            if (!missing.isEmpty()) {
                throw new ApiException(ApiError.BINDING_TARGET_MISSING, "Cannot inherit binding(s) " + missing
                        + ": the deployed version has no binding of that name");
            }
            return carried;
        });
    }
}
