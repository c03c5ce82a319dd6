package dev.outpost.gateway.controlplane.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.BindingsJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.outpost.runtime.compat.CompatibilityFlags;
import java.util.ArrayList;
import java.util.List;

/** The {@code metadata} part of a script upload (API-2), parsed and checked for shape. */
public record ScriptUploadMetadata(String mainModule, List<BindingSpec> bindings, String compatibilityDate,
        List<String> compatibilityFlags, boolean serviceWorker) {

    public ScriptUploadMetadata(String mainModule, List<BindingSpec> bindings, String compatibilityDate,
            List<String> compatibilityFlags) {
        this(mainModule, bindings, compatibilityDate, compatibilityFlags, false);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ScriptUploadMetadata parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The upload has no metadata part");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The metadata part is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The metadata part must be a JSON object");
        }
        String main = text(root, "main_module");
        // RT-2: body_part names the script of a service worker (no exports, addEventListener handlers)
        String bodyPart = text(root, "body_part");
        if (main != null && bodyPart != null) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "metadata has both main_module and body_part; use one");
        }
        if (main == null && bodyPart == null) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "metadata.main_module (or body_part) is required");
        }
        String date = text(root, "compatibility_date");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (date == null) {
            date = today.toString();
        }
        List<String> flags = new ArrayList<>();
        JsonNode flagNode = root.get("compatibility_flags");
        if (flagNode != null && !flagNode.isNull()) {
            if (!flagNode.isArray()) {
                throw new ApiException(ApiError.BAD_REQUEST, "metadata.compatibility_flags must be an array of strings");
            }
            for (JsonNode f : flagNode) {
                if (!f.isTextual()) {
                    throw new ApiException(ApiError.BAD_REQUEST, "metadata.compatibility_flags must be an array of strings");
                }
                flags.add(f.asText());
            }
        }
        // RT-12: unknown, contradictory or repeated flags and bad or future dates refuse the upload before anything
        // is compiled or stored, with workerd's wording
        List<String> problems = CompatibilityFlags.validate(date, flags, today);
        if (!problems.isEmpty()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, String.join("\n", problems));
        }
        JsonNode bindingsNode = root.get("bindings");
        if (bindingsNode != null && !bindingsNode.isNull() && !bindingsNode.isArray()) {
            throw new ApiException(ApiError.BAD_REQUEST, "metadata.bindings must be an array");
        }
        return new ScriptUploadMetadata(main != null ? main : bodyPart, BindingsJson.fromArray(bindingsNode), date, flags,
                main == null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
