package dev.outpost.localstack.deploy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code outpost deploy} uploads.
 *
 * @param vars          plain-text bindings, name to value, in command-line order
 * @param kvNamespaces  KV bindings, binding name to namespace title (created when missing)
 * @param main          the main module, or null to pick it (see {@link WorkerBundle})
 */
public record DeployRequest(Path source, String name, Map<String, String> vars, Map<String, String> kvNamespaces,
                            LocalDate compatibilityDate, List<String> compatibilityFlags, String main) {
    public DeployRequest {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        kvNamespaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kvNamespaces));
        compatibilityFlags = List.copyOf(compatibilityFlags);
    }
}
