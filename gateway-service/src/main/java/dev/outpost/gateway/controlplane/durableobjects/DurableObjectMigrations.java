package dev.outpost.gateway.controlplane.durableobjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code migrations} of a script upload (DO-2, API-2): {@code {old_tag?, new_tag, steps:[step]}}, or one step
 * flattened into that object. A step creates ({@code new_classes}, {@code new_sqlite_classes}), renames, deletes
 * or transfers (from another script of the account) Durable Object classes.
 */
public record DurableObjectMigrations(String oldTag, String newTag, List<Step> steps) {

    public record Rename(String from, String to) {
    }

    public record Transfer(String from, String fromScript, String to) {
    }

    public record Step(List<String> newClasses, List<String> newSqliteClasses, List<Rename> renamed,
            List<String> deleted, List<Transfer> transferred) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The migrations of an upload's metadata JSON; empty when it has none. Shape errors are 10021. */
    public static Optional<DurableObjectMigrations> parse(String metadataJson) {
        JsonNode node;
        try {
            JsonNode root = JSON.readTree(metadataJson);
            node = root == null ? null : root.get("migrations");
        } catch (Exception e) {
            return Optional.empty(); // the metadata parser reports malformed JSON
        }
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw invalid("metadata.migrations must be an object {old_tag?, new_tag, steps}");
        }
        String newTag = text(node, "new_tag");
        String oldTag = text(node, "old_tag");
        List<Step> steps = new ArrayList<>();
        JsonNode stepsNode = node.get("steps");
        if (stepsNode != null && !stepsNode.isNull()) {
            if (!stepsNode.isArray()) {
                throw invalid("metadata.migrations.steps must be an array");
            }
            for (JsonNode step : stepsNode) {
                steps.add(step(step));
            }
        } else {
            steps.add(step(node)); // one step, flattened
        }
        return Optional.of(new DurableObjectMigrations(oldTag, newTag, steps));
    }

    private static Step step(JsonNode step) {
        if (!step.isObject()) {
            throw invalid("each migration step must be an object");
        }
        List<Rename> renamed = new ArrayList<>();
        for (JsonNode r : array(step, "renamed_classes")) {
            renamed.add(new Rename(required(r, "from", "renamed_classes"), required(r, "to", "renamed_classes")));
        }
        List<Transfer> transferred = new ArrayList<>();
        for (JsonNode t : array(step, "transferred_classes")) {
            transferred.add(new Transfer(required(t, "from", "transferred_classes"),
                    required(t, "from_script", "transferred_classes"), required(t, "to", "transferred_classes")));
        }
        return new Step(names(step, "new_classes"), names(step, "new_sqlite_classes"), renamed,
                names(step, "deleted_classes"), transferred);
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("migrations: " + field + " must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    private static List<String> names(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(node, field)) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw invalid("migrations: " + field + " must hold class names");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static String required(JsonNode node, String field, String in) {
        String value = node.isObject() ? text(node, field) : null;
        if (value == null) {
            throw invalid("migrations: each entry of " + in + " needs \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.SCRIPT_VALIDATION, message);
    }
}
