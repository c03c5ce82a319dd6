package dev.outpost.gateway.hosting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the bindings column: a JSON array of Cloudflare-shaped binding objects. */
public final class BindingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BindingsJson() {
    }

    public static List<BindingSpec> parse(String json) {
        try {
            return fromArray(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bindings are not JSON", e);
        }
    }

    /** Binding objects of an upload; entries that are not objects come back with a null name and type. */
    public static List<BindingSpec> fromArray(JsonNode array) {
        List<BindingSpec> specs = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return specs;
        }
        for (JsonNode node : array) {
            JsonNode name = node.get("name");
            JsonNode type = node.get("type");
            specs.add(new BindingSpec(name == null || name.isNull() ? null : name.asText(),
                    type == null || type.isNull() ? null : type.asText(), node));
        }
        return specs;
    }

    public static String write(List<BindingSpec> specs) {
        ArrayNode array = JSON.createArrayNode();
        for (BindingSpec spec : specs) {
            array.add(spec.fields() instanceof ObjectNode o ? o : JSON.createObjectNode());
        }
        return array.toString();
    }
}
