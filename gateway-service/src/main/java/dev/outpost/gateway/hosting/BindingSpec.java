package dev.outpost.gateway.hosting;

import com.fasterxml.jackson.databind.JsonNode;

/** One binding of a worker version, in Cloudflare's upload shape (API-3): name, type, and its fields. */
public record BindingSpec(String name, String type, JsonNode fields) {

    public String text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
