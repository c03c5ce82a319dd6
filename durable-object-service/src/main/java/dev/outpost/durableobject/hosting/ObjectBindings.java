package dev.outpost.durableobject.hosting;

import dev.outpost.contracts.durableobject.v1.CodeBinding;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.bindings.ObjectKvNamespace;
import dev.outpost.durableobject.bindings.ObjectStubClient;
import dev.outpost.durableobject.bindings.ShardChannels;
import dev.outpost.durableobject.bindings.UnavailableBinding;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.DurableObjectClient;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.runtime.bindings.queue.QueueProducerBinding;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The bindings of an object's env that call out (DO-6 {@code this.env}): Durable Object namespaces (stubs served
 * from here, {@link ObjectStubClient}) and KV namespaces (straight to kv-service, {@link ObjectKvNamespace}). D1,
 * R2, service and queue bindings are present but fail every call with an error saying so
 * ({@link UnavailableBinding}).
 */
@ApplicationScoped
public class ObjectBindings {
    private final KvService kv;
    private final ObjectPlacement placement;
    private final ShardChannels shards;
    private final DurableObjectConfig config;
    /** Looked up lazily: ObjectHost builds environments, and so these bindings, itself. */
    private final Instance<ObjectHost> host;

    public ObjectBindings(@GrpcClient("kv") KvService kv, ObjectPlacement placement, ShardChannels shards,
                          DurableObjectConfig config, Instance<ObjectHost> host) {
        this.kv = kv;
        this.placement = placement;
        this.shards = shards;
        this.config = config;
        this.host = host;
    }

    DurableObjectClient objects(String accountId, String scriptName, CodeBinding binding) {
        return new ObjectStubClient(host.get(), placement, shards, config.bindingTimeout(), accountId, scriptName,
                binding.getValue(), binding.getClassName());
    }

    KvNamespaceBinding kv(String accountId, String scriptName, CodeBinding binding) {
        return new ObjectKvNamespace(kv, accountId, scriptName, binding.getValue(), config.bindingTimeout());
    }

    D1DatabaseBinding d1(CodeBinding binding) {
        return UnavailableBinding.of(D1DatabaseBinding.class, "D1", binding.getName());
    }

    R2BucketBinding r2(CodeBinding binding) {
        return UnavailableBinding.of(R2BucketBinding.class, "R2", binding.getName());
    }

    ServiceBinding service(CodeBinding binding) {
        return UnavailableBinding.of(ServiceBinding.class, "Service", binding.getName());
    }

    QueueProducerBinding queue(CodeBinding binding) {
        return UnavailableBinding.of(QueueProducerBinding.class, "Queue", binding.getName());
    }
}
