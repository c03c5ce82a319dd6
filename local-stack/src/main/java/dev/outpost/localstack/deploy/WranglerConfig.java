package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a wrangler configuration ({@code wrangler.toml}, {@code wrangler.json} or {@code wrangler.jsonc} in a
 * worker's folder) that {@code outpost deploy} uses: name, main, compatibility_date/flags, vars (strings become
 * plain_text bindings, anything else json), kv_namespaces ({@code binding} + {@code id}) and d1_databases
 * ({@code binding} + {@code database_id}). Top-level keys only: {@code [env.*]} sections are not applied.
 *
 * @param vars         binding name to value (text or JSON)
 * @param kvNamespaces binding name to namespace id
 * @param d1Databases  binding name to database id
 */
public record WranglerConfig(Path file, String name, String main, LocalDate compatibilityDate, List<String> compatibilityFlags,
                             Map<String, JsonNode> vars, Map<String, String> kvNamespaces, Map<String, String> d1Databases) {
    public static final List<String> FILE_NAMES = List.of("wrangler.toml", "wrangler.jsonc", "wrangler.json");

    /** The configuration file of a folder, if it has one (wrangler's order of preference). */
    public static Optional<Path> locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    public static WranglerConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = file.getFileName().toString().endsWith(".toml")
                    ? new TomlMapper().readTree(file.toFile())
                    : JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
                            .build().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid " + (file.toString().endsWith(".toml") ? "TOML" : "JSON")
                    + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " must hold a table/object of settings");
        }
        LocalDate date = null;
        String dateText = text(root, "compatibility_date");
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + ": compatibility_date must be YYYY-MM-DD, got '" + dateText + "'");
            }
        }
        List<String> flags = new ArrayList<>();
        root.path("compatibility_flags").forEach(f -> flags.add(f.asText()));
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        root.path("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
        Map<String, String> kv = bindings(file, root, "kv_namespaces", "id");
        Map<String, String> d1 = bindings(file, root, "d1_databases", "database_id");
        return new WranglerConfig(file, text(root, "name"), text(root, "main"), date, flags, vars, kv, d1);
    }

    private static Map<String, String> bindings(Path file, JsonNode root, String section, String idField) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode b : root.path(section)) {
            String binding = text(b, "binding");
            String id = text(b, idField);
            if (binding == null || id == null) {
                throw new IllegalArgumentException(file + ": every entry of " + section + " needs binding and " + idField);
            }
            out.put(binding, id);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
