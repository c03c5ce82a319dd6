package dev.outpost.gateway.controlplane.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scope words of API tokens: {@code <resource>:<read|edit>} per resource kind, or {@code *}. A token request
 * names them directly ({@code scopes}) or as Cloudflare permission groups ({@code policies[].permission_groups[].name},
 * e.g. "Workers Scripts Write"), which map onto them.
 */
public final class Scopes {
    public static final Set<String> RESOURCES = Set.of("workers", "routes", "kv", "r2", "d1", "queues",
            "durable_objects", "tokens", "account");

    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("workers scripts", "workers"), Map.entry("workers routes", "routes"),
            Map.entry("workers kv storage", "kv"), Map.entry("workers r2 storage", "r2"), Map.entry("d1", "d1"),
            Map.entry("queues", "queues"), Map.entry("api tokens", "tokens"), Map.entry("account settings", "account"));

    private Scopes() {
    }

    /** The scopes a token request asks for; 400 on anything unknown or malformed. */
    public static Set<String> requested(JsonNode body) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode scopes = body.get("scopes");
        if (scopes != null && !scopes.isNull()) {
            if (!scopes.isArray()) {
                throw new ApiException(ApiError.BAD_REQUEST, "scopes must be an array such as [\"workers:edit\", \"kv:read\"]");
            }
            scopes.forEach(s -> out.add(check(s.asText())));
        }
        JsonNode policies = body.get("policies");
        if (policies != null && policies.isArray()) {
            for (JsonNode policy : policies) {
                if (!"allow".equals(policy.path("effect").asText("allow"))) {
                    throw new ApiException(ApiError.BAD_REQUEST, "Only policies with effect \"allow\" are supported");
                }
                for (JsonNode group : policy.path("permission_groups")) {
                    out.add(fromGroup(group.path("name").asText("")));
                }
            }
        }
        if (out.isEmpty()) {
            throw new ApiException(ApiError.BAD_REQUEST,
                    "A token needs scopes ([\"workers:edit\", ...]) or policies with permission_groups");
        }
        return out;
    }

    static String check(String scope) {
        if ("*".equals(scope)) {
            return scope;
        }
        int colon = scope.indexOf(':');
        String resource = colon < 0 ? scope : scope.substring(0, colon);
        String level = colon < 0 ? "" : scope.substring(colon + 1);
        if (!RESOURCES.contains(resource) || !(level.equals("read") || level.equals("edit"))) {
            throw new ApiException(ApiError.BAD_REQUEST, "Unknown scope '" + scope + "': scopes are <resource>:<read|edit>"
                    + " with resource one of " + RESOURCES.stream().sorted().toList() + ", or *");
        }
        return scope;
    }

    private static String fromGroup(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        String level = lower.endsWith(" write") ? "edit" : lower.endsWith(" read") ? "read" : null;
        String resource = level == null ? null : GROUPS.get(lower.substring(0, lower.lastIndexOf(' ')));
        if (resource == null) {
            throw new ApiException(ApiError.BAD_REQUEST, "Unsupported permission group '" + name + "'; supported: "
                    + GROUPS.keySet().stream().sorted().map(g -> g + " Read/Write").toList());
        }
        return resource + ":" + level;
    }

    /** A principal may hand out only scopes it holds itself. */
    public static void checkGrantable(Principal principal, Set<String> scopes) {
        for (String scope : scopes) {
            boolean ok = "*".equals(scope) ? principal.scopes().contains("*")
                    : principal.may(scope.substring(0, scope.indexOf(':')), scope.endsWith(":edit"));
            if (!ok) {
                throw new ApiException(ApiError.UNAUTHORIZED, "A token cannot grant scope '" + scope + "' that it does not hold");
            }
        }
    }

    public static List<String> sorted(String stored) {
        return java.util.Arrays.stream(stored.trim().split("\\s+")).sorted().toList();
    }
}
