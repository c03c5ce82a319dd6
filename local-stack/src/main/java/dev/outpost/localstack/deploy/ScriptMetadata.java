package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The {@code metadata} part of Cloudflare's script upload (main_module, bindings, compatibility date and flags). */
public final class ScriptMetadata {
    private ScriptMetadata() {
    }

    /**
     * @param vars         plain_text bindings
     * @param kvBindings   kv_namespace bindings: binding name to namespace id
     */
    public static ObjectNode of(ObjectMapper json, String mainModule, Map<String, String> vars, Map<String, String> kvBindings,
                                LocalDate compatibilityDate, List<String> flags) {
        return of(json, mainModule, vars, Map.of(), kvBindings, Map.of(), compatibilityDate, flags);
    }

    /**
     * @param jsonVars   json bindings (wrangler.toml vars that are not strings)
     * @param d1Bindings d1 bindings: binding name to database id
     */
    public static ObjectNode of(ObjectMapper json, String mainModule, Map<String, String> vars, Map<String, JsonNode> jsonVars,
                                Map<String, String> kvBindings, Map<String, String> d1Bindings, LocalDate compatibilityDate,
                                List<String> flags) {
        ObjectNode m = json.createObjectNode();
        m.put("main_module", mainModule);
        ArrayNode bindings = m.putArray("bindings");
        vars.forEach((name, text) -> bindings.addObject().put("type", "plain_text").put("name", name).put("text", text));
        jsonVars.forEach((name, value) -> bindings.addObject().put("type", "json").put("name", name).set("json", value));
        kvBindings.forEach((name, id) -> bindings.addObject().put("type", "kv_namespace").put("name", name).put("namespace_id", id));
        d1Bindings.forEach((name, id) -> bindings.addObject().put("type", "d1").put("name", name).put("id", id));
        m.put("compatibility_date", compatibilityDate.toString());
        ArrayNode f = m.putArray("compatibility_flags");
        flags.forEach(f::add);
        return m;
    }
}
