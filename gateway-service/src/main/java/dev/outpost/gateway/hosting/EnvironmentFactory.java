package dev.outpost.gateway.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.bindings.d1.D1Shards;
import dev.outpost.gateway.bindings.d1.GrpcD1Database;
import dev.outpost.gateway.bindings.kv.GrpcKvNamespace;
import dev.outpost.gateway.bindings.kv.KvChannel;
import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.runtime.WorkerEnvironment;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Builds a worker's {@code env} from its stored bindings (RT-3): values and clients of the primitives. */
@ApplicationScoped
public class EnvironmentFactory {
    /** Binding types this gateway can serve; the control plane refuses the others at upload. */
    public static final List<String> SUPPORTED_TYPES = List.of("plain_text", "json", "secret_text", "kv_namespace", "d1",
            "service", "r2_bucket", "durable_object_namespace", "queue");

    /** Field injection keeps the constructor that other bindings extend unchanged. */
    @jakarta.inject.Inject
    dev.outpost.gateway.controlplane.secrets.SecretBindings secrets;

    private final KvChannel kv;
    private final GatewayConfig config;
    @Inject
    D1Shards d1;
    /** The process-wide KV near cache (KV-9); field injection keeps the constructor unchanged. */
    @Inject
    dev.outpost.gateway.bindings.kv.KvNearCacheHolder kvNearCache;
    /** r2-service clients (R2-1); field injection keeps the constructor unchanged. */
    @Inject
    dev.outpost.gateway.bindings.r2.R2Clients r2;

    /** SVC-1: service bindings to other workers of the account, served in process. */
    @Inject
    dev.outpost.gateway.bindings.service.ServiceBindings services;

    /** queue-service; field injection keeps the constructor unchanged. */
    @GrpcClient("queue")
    dev.outpost.contracts.queue.v1.QueueService queues;

    public EnvironmentFactory(KvChannel kv, GatewayConfig config) {
        this.kv = kv;
        this.config = config;
    }

    public WorkerEnvironment build(String accountId, String scriptName, List<BindingSpec> bindings) {
        // RT-6: the account's workers share one Cache API partition; no other account can read it.
        WorkerEnvironment.Builder env = WorkerEnvironment.builder().cacheScope("account:" + accountId);
        for (BindingSpec binding : bindings) {
            switch (binding.type()) {
                case "plain_text" -> env.text(binding.name(), binding.text("text"));
                case "secret_text" -> env.secret(binding.name(), secrets.value(binding));
                case "json" -> {
                    JsonNode json = binding.fields().get("json");
                    env.json(binding.name(), json == null ? "null" : json.toString());
                }
                case "kv_namespace" -> env.kv(binding.name(), new GrpcKvNamespace(kv, accountId, scriptName,
                        binding.text("namespace_id"), config.bindingTimeout(), kvNearCache.cache()));
                case "r2_bucket" -> env.r2(binding.name(), new dev.outpost.gateway.bindings.r2.GrpcR2Bucket(r2, accountId,
                        scriptName, binding.text("bucket_name"), binding.text("jurisdiction"), config.bindingTimeout()));
                case "d1" -> env.d1(binding.name(), new GrpcD1Database(d1, accountId, scriptName, d1DatabaseId(binding)));
                case "service" -> env.service(binding.name(), services.create(accountId, binding));
                // DO-1: namespace_id is assigned by the control plane when the upload is stored
                case "queue" -> env.queue(binding.name(), binding.text("queue_name"), queueProducer(accountId, scriptName,
                        binding));
                case "durable_object_namespace" -> env.durableObjectNamespace(binding.name(), binding.text("namespace_id"),
                        binding.text("class_name"), objectClient(accountId, scriptName, binding));
                default -> throw new IllegalArgumentException("unsupported binding type " + binding.type());
            }
        }
        return env.build();
    }

    /** A send waits for every Kafka replica (acks=all): it gets at least this long, whatever the binding timeout. */
    static final java.time.Duration QUEUE_SEND_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** {@code {type:"queue", name, queue_name, delivery_delay?}} → a producer over queue-service's gRPC API. */
    private dev.outpost.runtime.bindings.queue.QueueProducerBinding queueProducer(String accountId, String scriptName,
            BindingSpec binding) {
        JsonNode delay = binding.fields().get("delivery_delay");
        return new dev.outpost.gateway.bindings.queue.GrpcQueueProducer(queues, accountId, scriptName,
                binding.text("queue_name"), delay == null || !delay.canConvertToInt() ? null : delay.asInt(),
                QUEUE_SEND_TIMEOUT.compareTo(config.bindingTimeout()) > 0 ? QUEUE_SEND_TIMEOUT : config.bindingTimeout());
    }

    /** DO-5: stubs served by durable-object-service; none while an upload is only compiled (no namespace id yet). */
    private dev.outpost.runtime.bindings.DurableObjectClient objectClient(String accountId, String scriptName,
                                                                         BindingSpec binding) {
        String namespaceId = binding.text("namespace_id");
        if (namespaceId == null || namespaceId.isEmpty()) {
            return null;
        }
        String target = binding.text("script_name");
        return new dev.outpost.gateway.bindings.durableobject.GrpcDurableObjectClient(objectShards.get(),
                deployments.get(), accountId, scriptName, binding.name(), namespaceId, binding.text("class_name"),
                target == null || target.isEmpty() ? scriptName : target);
    }

    /** DO-5: looked up lazily so that a gateway without Durable Object bindings opens no channel. */
    @Inject
    jakarta.enterprise.inject.Instance<dev.outpost.gateway.bindings.durableobject.DurableObjectShards> objectShards;
    @Inject
    jakarta.enterprise.inject.Instance<DeploymentTable> deployments;

    /** API-3: {@code {type:"d1", name, id}}; {@code database_id} is accepted too (wrangler's config key). */
    public static String d1DatabaseId(BindingSpec binding) {
        String id = binding.text("id");
        return id != null ? id : binding.text("database_id");
    }
}
