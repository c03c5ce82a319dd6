package dev.outpost.localstack.deploy;

import java.util.Locale;
import java.util.Optional;

/**
 * One module of a worker upload: its name (path relative to the worker's folder, '/'-separated), its content type
 * in Cloudflare's upload format, and its bytes.
 */
public record WorkerModule(String name, String contentType, byte[] content) {
    public static final String ESM = "application/javascript+module";

    /** Content type by file extension, or empty when the file is not a module Outpost uploads. */
    public static Optional<String> contentTypeFor(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".js") || n.endsWith(".mjs")) {
            return Optional.of(ESM);
        }
        if (n.endsWith(".txt") || n.endsWith(".html")) {
            return Optional.of("text/plain");
        }
        if (n.endsWith(".bin")) {
            return Optional.of("application/octet-stream");
        }
        if (n.endsWith(".wasm")) {
            return Optional.of("application/wasm");
        }
        return Optional.empty();
    }
}
