package dev.outpost.runtime;

import java.util.Objects;

/**
 * One module of a worker bundle.
 *
 * @param name    the module name as imported by other modules, e.g. {@code src/util.js}
 * @param type    how the content is interpreted
 * @param content the raw bytes (source text is UTF-8)
 */
public record WorkerModule(String name, ModuleType type, byte[] content) {
    public WorkerModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }
}
