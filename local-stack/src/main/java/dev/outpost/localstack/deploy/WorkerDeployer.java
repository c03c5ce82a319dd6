package dev.outpost.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deploys a worker: resolves its KV namespaces (creating missing ones), then uploads its modules and metadata. */
public final class WorkerDeployer {
    private final ControlPlaneClient client;
    private final ObjectMapper json;

    public WorkerDeployer(ControlPlaneClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** @return the upload's result object from the API */
    public JsonNode deploy(DeployRequest request) throws IOException {
        WorkerBundle bundle = WorkerBundle.fromPath(request.source(), request.main());
        Map<String, String> kvIds = new LinkedHashMap<>();
        request.kvNamespaces().forEach((binding, title) -> kvIds.put(binding, client.ensureKvNamespace(title)));
        ObjectNode metadata = ScriptMetadata.of(json, bundle.mainModule(), request.vars(), kvIds,
                request.compatibilityDate(), request.compatibilityFlags());
        return client.uploadScript(request.name(), bundle, metadata);
    }
}
