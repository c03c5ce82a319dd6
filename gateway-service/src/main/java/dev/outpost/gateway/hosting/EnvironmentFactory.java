package dev.outpost.gateway.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.gateway.bindings.kv.GrpcKvNamespace;
import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.runtime.WorkerEnvironment;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds a worker's {@code env} from its stored bindings (RT-3): values and clients of the primitives. */
@ApplicationScoped
public class EnvironmentFactory {
    /** Binding types this gateway can serve; the control plane refuses the others at upload. */
    public static final List<String> SUPPORTED_TYPES = List.of("plain_text", "json", "secret_text", "kv_namespace");

    private final KvService kv;
    private final GatewayConfig config;

    public EnvironmentFactory(@GrpcClient("kv") KvService kv, GatewayConfig config) {
        this.kv = kv;
        this.config = config;
    }

    public WorkerEnvironment build(String accountId, String scriptName, List<BindingSpec> bindings) {
        WorkerEnvironment.Builder env = WorkerEnvironment.builder();
        for (BindingSpec binding : bindings) {
            switch (binding.type()) {
                case "plain_text" -> env.text(binding.name(), binding.text("text"));
                case "secret_text" -> env.secret(binding.name(), binding.text("text"));
                case "json" -> {
                    JsonNode json = binding.fields().get("json");
                    env.json(binding.name(), json == null ? "null" : json.toString());
                }
                case "kv_namespace" -> env.kv(binding.name(), new GrpcKvNamespace(kv, accountId, scriptName,
                        binding.text("namespace_id"), config.bindingTimeout()));
                default -> throw new IllegalArgumentException("unsupported binding type " + binding.type());
            }
        }
        return env.build();
    }
}
