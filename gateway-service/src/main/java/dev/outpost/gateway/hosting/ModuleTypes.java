package dev.outpost.gateway.hosting;

import dev.outpost.runtime.ModuleType;
import java.util.Locale;
import java.util.Optional;

/** Maps the Content-Type of an uploaded module part (API-2) to the runtime's module type. */
public final class ModuleTypes {
    private ModuleTypes() {
    }

    /** Empty for parts that are not code (source maps), which are kept but not loaded. */
    public static Optional<ModuleType> fromContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "application/javascript+module", "text/javascript+module" -> Optional.of(ModuleType.ESM);
            case "application/javascript", "text/javascript" -> Optional.of(ModuleType.COMMONJS);
            case "text/plain" -> Optional.of(ModuleType.TEXT);
            case "application/octet-stream" -> Optional.of(ModuleType.DATA);
            case "application/wasm" -> Optional.of(ModuleType.WASM);
            default -> Optional.empty();
        };
    }

    public static boolean isSupported(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return fromContentType(contentType).isPresent() || type.equals("application/source-map");
    }
}
