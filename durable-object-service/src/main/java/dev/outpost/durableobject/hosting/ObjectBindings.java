package dev.outpost.durableobject.hosting;

import dev.outpost.contracts.durableobject.v1.CodeBinding;
import dev.outpost.contracts.gateway.v1.WorkerDispatchService;
import dev.outpost.contracts.queue.v1.QueueService;
import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.bindings.DispatchServiceBinding;
import dev.outpost.durableobject.bindings.ObjectStubClient;
import dev.outpost.durableobject.bindings.ShardChannels;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.gateway.bindings.d1.D1Shards;
import dev.outpost.gateway.bindings.d1.GrpcD1Database;
import dev.outpost.gateway.bindings.kv.GrpcKvNamespace;
import dev.outpost.gateway.bindings.kv.KvChannel;
import dev.outpost.gateway.bindings.queue.GrpcQueueProducer;
import dev.outpost.gateway.bindings.r2.GrpcR2Bucket;
import dev.outpost.gateway.bindings.r2.R2Clients;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.DurableObjectClient;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.runtime.bindings.queue.QueueProducerBinding;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The bindings of an object's env that call out (DO-6 {@code this.env}), the same kinds and JS API a worker's env
 * has: Durable Object namespaces (stubs served from here, {@link ObjectStubClient}); KV, D1, R2 and queue producers
 * through the gateway's own binding clients (shared with it, shared-contracts/src/clients/java: straight to
 * kv-service without the near cache, d1-service's owning shard, r2-service and queue-service); and service bindings through the gateway, which runs workers ({@link DispatchServiceBinding}).
 * gRPC channels connect on their first call, and the D1 channels are opened with the first D1 binding.
 */
@ApplicationScoped
public class ObjectBindings {
    private final ObjectPlacement placement;
    private final ShardChannels shards;
    private final DurableObjectConfig config;
    /** Looked up lazily: ObjectHost builds environments, and so these bindings, itself. */
    private final Instance<ObjectHost> host;
    /** Application scoped: its channel to kv-service is made on the first KV call. */
    private final KvChannel kv;
    /** Application scoped: its channel to r2-service is made on the first R2 call. */
    private final R2Clients r2;
    private final QueueService queues;
    private final WorkerDispatchService gateway;
    private final OpenTelemetry telemetry;
    private D1Shards d1;

    public ObjectBindings(ObjectPlacement placement, ShardChannels shards, DurableObjectConfig config,
                          Instance<ObjectHost> host, KvChannel kv, R2Clients r2,
                          @GrpcClient("queue") QueueService queues, @GrpcClient("gateway") WorkerDispatchService gateway,
                          OpenTelemetry telemetry) {
        this.placement = placement;
        this.shards = shards;
        this.config = config;
        this.host = host;
        this.kv = kv;
        this.r2 = r2;
        this.queues = queues;
        this.gateway = gateway;
        this.telemetry = telemetry;
    }

    DurableObjectClient objects(String accountId, String scriptName, CodeBinding binding) {
        return new ObjectStubClient(host.get(), placement, shards, config.bindingTimeout(), accountId, scriptName,
                binding.getValue(), binding.getClassName());
    }

    KvNamespaceBinding kv(String accountId, String scriptName, CodeBinding binding) {
        // no near cache: an object's reads see kv-service's answer
        return new GrpcKvNamespace(kv, accountId, scriptName, binding.getValue(), config.bindingTimeout());
    }

    /** D1 (D1-2..D1-9): the owning d1-service shard of the database, as from a worker. */
    D1DatabaseBinding d1(String accountId, String scriptName, CodeBinding binding) {
        return new GrpcD1Database(d1Shards(), accountId, scriptName, binding.getValue());
    }

    /** R2 (R2-1..R2-8): r2-service, bodies streamed as from a worker. */
    R2BucketBinding r2(String accountId, String scriptName, CodeBinding binding) {
        return new GrpcR2Bucket(r2, accountId, scriptName, binding.getValue(),
                binding.getJurisdiction().isEmpty() ? null : binding.getJurisdiction(), config.bindingTimeout());
    }

    /** SVC-2/SVC-3: the target worker runs in the gateway. */
    ServiceBinding service(String accountId, CodeBinding binding) {
        return new DispatchServiceBinding(gateway, accountId, binding.getName(), binding.getValue(),
                binding.getEntrypoint(), binding.getPropsJson().isEmpty() ? null : binding.getPropsJson(),
                config.bindingTimeout());
    }

    /** Q-1..Q-4: queue-service, the binding's delivery delay with every send. */
    QueueProducerBinding queue(String accountId, String scriptName, CodeBinding binding) {
        return new GrpcQueueProducer(queues, accountId, scriptName, binding.getValue(),
                binding.hasDeliveryDelay() ? binding.getDeliveryDelay() : null,
                config.queueSendTimeout().compareTo(config.bindingTimeout()) > 0 ? config.queueSendTimeout()
                        : config.bindingTimeout());
    }

    /** The d1-service channels, opened when the first object with a D1 binding loads. */
    private synchronized D1Shards d1Shards() {
        if (d1 == null) {
            d1 = new D1Shards(config.d1Shards(), "outpost.durableobject.d1-shards", config.d1Timeout(), telemetry);
        }
        return d1;
    }

    @PreDestroy
    synchronized void close() {
        if (d1 != null) {
            d1.close();
        }
    }
}
