package dev.outpost.localstack.deploy;

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
        ObjectNode m = json.createObjectNode();
        m.put("main_module", mainModule);
        ArrayNode bindings = m.putArray("bindings");
        vars.forEach((name, text) -> bindings.addObject().put("type", "plain_text").put("name", name).put("text", text));
        kvBindings.forEach((name, id) -> bindings.addObject().put("type", "kv_namespace").put("name", name).put("namespace_id", id));
        m.put("compatibility_date", compatibilityDate.toString());
        ArrayNode f = m.putArray("compatibility_flags");
        flags.forEach(f::add);
        return m;
    }
}
