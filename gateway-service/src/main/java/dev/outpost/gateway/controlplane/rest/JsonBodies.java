package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Request bodies read as JSON whatever their content type: wrangler sends JSON without always saying so (and some of
 * its calls send none that RESTEasy can map). No body is {@code {}}; anything but an object is a 400.
 */
final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new ApiException(ApiError.BAD_REQUEST, "The request body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body is not valid JSON");
        }
    }

    /** A field's text; null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
