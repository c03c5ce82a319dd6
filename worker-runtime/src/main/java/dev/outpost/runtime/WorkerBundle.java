package dev.outpost.runtime;

import dev.outpost.runtime.compat.CompatibilityFlags;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deployable worker version: its modules and metadata.
 *
 * @param scriptName         the worker's name (used in logs)
 * @param versionId          the version identifier (used in logs)
 * @param mainModule         the key in {@code modules} of the entry module
 * @param modules            all modules by name; relative imports resolve against these names
 * @param compatibilityDate  the compatibility date, e.g. {@code 2024-09-01}
 * @param compatibilityFlags the compatibility flags
 */
public record WorkerBundle(String scriptName, String versionId, String mainModule, Map<String, WorkerModule> modules,
                           String compatibilityDate, List<String> compatibilityFlags) {
    public WorkerBundle {
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(mainModule, "mainModule");
        modules = Map.copyOf(Objects.requireNonNull(modules, "modules"));
        compatibilityFlags = compatibilityFlags == null ? List.of() : List.copyOf(compatibilityFlags);
    }

    /** RT-12: every known feature on or off for this version's date and flags (see {@link CompatibilityFlags}). */
    public Map<String, Boolean> compatibility() {
        return CompatibilityFlags.resolve(compatibilityDate, compatibilityFlags);
    }
}
