package dev.outpost.gateway.controlplane.service;

import dev.outpost.contracts.common.v1.Caller;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.kv.v1.KvService;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.gateway.bindings.d1.D1Shards;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.EnvironmentFactory;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an upload's bindings: named, of a known type, and pointing at resources that exist (API-2/API-3). */
@ApplicationScoped
public class BindingValidator {
    private final KvService kv;
    @Inject
    D1Shards d1;
    @Inject
    dev.outpost.gateway.hosting.DeploymentTable deployments;
    @Inject
    R2BucketCheck r2Buckets;
    @GrpcClient("queue")
    dev.outpost.contracts.queue.v1.QueueService queues;

    public BindingValidator(@GrpcClient("kv") KvService kv) {
        this.kv = kv;
    }

    public Uni<Void> validate(String accountId, List<BindingSpec> bindings) {
        Set<String> names = new HashSet<>();
        List<Uni<Void>> lookups = new ArrayList<>();
        for (BindingSpec binding : bindings) {
            if (binding.name() == null || binding.name().isBlank()) {
                throw new ApiException(ApiError.UNNAMED_BINDING, "A binding has no name");
            }
            if (!names.add(binding.name())) {
                throw new ApiException(ApiError.SCRIPT_VALIDATION, "Binding name '" + binding.name() + "' is used twice");
            }
            if (binding.type() == null || !EnvironmentFactory.SUPPORTED_TYPES.contains(binding.type())) {
                throw new ApiException(ApiError.UNSUPPORTED_BINDING, "Binding '" + binding.name()
                        + "' has unsupported type '" + binding.type() + "'; supported: " + EnvironmentFactory.SUPPORTED_TYPES);
            }
            switch (binding.type()) {
                case "plain_text", "secret_text" -> {
                    if (binding.text("text") == null) {
                        throw new ApiException(ApiError.SCRIPT_VALIDATION, "Binding '" + binding.name() + "' needs a text");
                    }
                }
                case "kv_namespace" -> lookups.add(kvNamespaceExists(accountId, binding));
                case "d1" -> lookups.add(d1DatabaseExists(accountId, binding));
                case "service" -> serviceExists(accountId, binding);
                case "r2_bucket" -> lookups.add(r2Buckets.exists(accountId, binding));
                case "queue" -> lookups.add(queueExists(accountId, binding));
                // DO-1: the class's namespace is checked with the upload's migrations, in its transaction
                case "durable_object_namespace" -> {
                    if (binding.text("class_name") == null) {
                        throw new ApiException(ApiError.SCRIPT_VALIDATION, "Durable Object binding '" + binding.name()
                                + "' needs a class_name");
                    }
                }
                default -> {
                }
            }
        }
        return lookups.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(lookups).andFailFast().replaceWithVoid();
    }

    private Uni<Void> kvNamespaceExists(String accountId, BindingSpec binding) {
        String id = binding.text("namespace_id");
        if (id == null) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "KV binding '" + binding.name() + "' needs a namespace_id");
        }
        return kv.getNamespace(NamespaceRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId))
                .setNamespaceId(id).build()).replaceWithVoid()
                .onFailure(f -> Status.fromThrowable(f).getCode() == Status.Code.NOT_FOUND)
                .transform(f -> new ApiException(ApiError.BINDING_TARGET_MISSING,
                        "KV namespace '" + id + "' of binding '" + binding.name() + "' does not exist"));
    }

    /** SVC-1: {@code {type:"service", name, service, entrypoint?, props?}}; the target worker must be deployed. */
    private void serviceExists(String accountId, BindingSpec binding) {
        String service = binding.text("service");
        if (service == null || service.isBlank()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "Service binding '" + binding.name() + "' needs a service");
        }
        com.fasterxml.jackson.databind.JsonNode entrypoint = binding.fields().get("entrypoint");
        if (entrypoint != null && !entrypoint.isNull() && !entrypoint.isTextual()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "Service binding '" + binding.name()
                    + "' has an entrypoint that is not a string");
        }
        com.fasterxml.jackson.databind.JsonNode props = binding.fields().get("props");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "Service binding '" + binding.name()
                    + "' has props that are not a JSON object");
        }
        if (deployments.resolve(accountId, service).isEmpty()) {
            throw new ApiException(ApiError.BINDING_TARGET_MISSING, "Worker '" + service + "' of service binding '"
                    + binding.name() + "' does not exist");
        }
    }

    /** API-3 {@code {type:"queue", queue_name}}: the queue must exist in the caller's account (asked of queue-service). */
    private Uni<Void> queueExists(String accountId, BindingSpec binding) {
        String name = binding.text("queue_name");
        if (name == null) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "Queue binding '" + binding.name() + "' needs a queue_name");
        }
        return queues.getQueue(dev.outpost.contracts.queue.v1.QueueRef.newBuilder()
                        .setCaller(Caller.newBuilder().setAccountId(accountId)).setQueueName(name).build()).replaceWithVoid()
                .onFailure(f -> Status.fromThrowable(f).getCode() == Status.Code.NOT_FOUND)
                .transform(f -> new ApiException(ApiError.BINDING_TARGET_MISSING,
                        "Queue '" + name + "' of binding '" + binding.name() + "' does not exist"));
    }

    /** D1-1: the database must exist in the caller's account (asked of the shard that owns it). */
    private Uni<Void> d1DatabaseExists(String accountId, BindingSpec binding) {
        String id = EnvironmentFactory.d1DatabaseId(binding);
        if (id == null || id.isBlank()) {
            throw new ApiException(ApiError.SCRIPT_VALIDATION, "D1 binding '" + binding.name() + "' needs an id");
        }
        return d1.owner(id).getDatabase(DatabaseRef.newBuilder().setCaller(Caller.newBuilder().setAccountId(accountId))
                        .setDatabaseId(id).build()).replaceWithVoid()
                .onFailure(f -> Status.fromThrowable(f).getCode() == Status.Code.NOT_FOUND)
                .transform(f -> new ApiException(ApiError.BINDING_TARGET_MISSING,
                        "D1 database '" + id + "' of binding '" + binding.name() + "' does not exist"));
    }
}
