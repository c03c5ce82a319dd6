package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys a worker: reads the folder's wrangler.toml/wrangler.jsonc when it has one (command-line options win),
 * resolves KV namespaces given by title (creating missing ones), then uploads its modules and metadata.
 */
public final class WorkerDeployer {
    private final ControlPlaneClient client;
    private final ObjectMapper json;

    public WorkerDeployer(ControlPlaneClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** @return the upload's result object from the API */
    public JsonNode deploy(DeployRequest request) throws IOException {
        Optional<Path> file = WranglerConfig.locate(request.source());
        Optional<WranglerConfig> config = file.isPresent() ? Optional.of(WranglerConfig.read(file.get())) : Optional.empty();
        String name = request.name() != null ? request.name() : config.map(WranglerConfig::name).orElse(null);
        if (name == null) {
            throw new IllegalArgumentException("no worker name: pass --name or set name in "
                    + config.map(c -> c.file().toString()).orElse("wrangler.toml"));
        }
        String main = request.main() != null ? request.main() : config.map(WranglerConfig::main).orElse(null);
        WorkerBundle bundle = WorkerBundle.fromPath(request.source(), main);
        // Command-line values win over the configuration file's.
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, JsonNode> jsonVars = new LinkedHashMap<>();
        Map<String, String> kvIds = new LinkedHashMap<>();
        Map<String, String> d1Ids = new LinkedHashMap<>();
        config.ifPresent(c -> {
            c.vars().forEach((k, v) -> {
                if (v.isTextual()) {
                    vars.put(k, v.asText());
                } else {
                    jsonVars.put(k, v);
                }
            });
            kvIds.putAll(c.kvNamespaces());
            d1Ids.putAll(c.d1Databases());
        });
        request.vars().forEach((k, v) -> {
            jsonVars.remove(k);
            vars.put(k, v);
        });
        request.kvNamespaces().forEach((binding, title) -> kvIds.put(binding, client.ensureKvNamespace(title)));
        LocalDate date = request.compatibilityDate() != null ? request.compatibilityDate()
                : config.map(WranglerConfig::compatibilityDate).orElse(LocalDate.now(ZoneOffset.UTC));
        List<String> flags = new ArrayList<>(config.map(WranglerConfig::compatibilityFlags).orElse(List.of()));
        request.compatibilityFlags().stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        ObjectNode metadata = ScriptMetadata.of(json, bundle.mainModule(), vars, jsonVars, kvIds, d1Ids, date, flags);
        return client.uploadScript(name, bundle, metadata);
    }
}
