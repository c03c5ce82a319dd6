package dev.outpost.runtime;

import dev.outpost.runtime.bindings.D1DatabaseBinding;
import dev.outpost.runtime.bindings.KvNamespaceBinding;
import dev.outpost.runtime.bindings.ServiceBinding;
import dev.outpost.runtime.bindings.r2.R2BucketBinding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code env} of a worker (checklist RT-3, SVC-4): one property per binding, in declaration order.
 * Built once per worker version; immutable.
 */
public final class WorkerEnvironment {

    /** One binding of the environment. New binding kinds (R2, D1, ...) are added as further records. */
    public sealed interface Binding permits TextBinding, JsonBinding, SecretBinding, KvBinding, D1Binding,
            ServiceBindingEntry, R2Binding, DurableObjectNamespaceBinding, QueueBinding {
        String name();
    }

    /** {@code plain_text}: a JS string. */
    public record TextBinding(String name, String value) implements Binding {
    }

    /** {@code json}: the parsed JSON value. */
    public record JsonBinding(String name, String json) implements Binding {
    }

    /** {@code secret_text}: a JS string; its value is never logged. */
    public record SecretBinding(String name, String value) implements Binding {
        @Override
        public String toString() {
            return "SecretBinding[name=" + name + "]";
        }
    }

    /** {@code kv_namespace}: a KVNamespace object backed by the given binding. */
    public record KvBinding(String name, KvNamespaceBinding namespace) implements Binding {
    }

    /** {@code d1}: a D1Database object backed by the given binding (checklist D1-1). */
    public record D1Binding(String name, D1DatabaseBinding database) implements Binding {
    }

    /** {@code service}: a Fetcher with JS RPC that calls another worker (SVC-1..SVC-3). */
    public record ServiceBindingEntry(String name, ServiceBinding service) implements Binding {
    }

    /** {@code r2_bucket}: an R2Bucket object backed by the given binding (checklist R2-1). */
    public record R2Binding(String name, R2BucketBinding bucket) implements Binding {
    }

    /**
     * {@code durable_object_namespace}: a DurableObjectNamespace (DO-3); {@code namespaceId} keys its ids, empty
     * while an upload is only being compiled (before the control plane has assigned it). {@code client} serves its
     * stubs (DO-5); null when nothing does (stubs then reject with an error that says so).
     */
    public record DurableObjectNamespaceBinding(String name, String namespaceId, String className,
                                                dev.outpost.runtime.bindings.DurableObjectClient client) implements Binding {
        public DurableObjectNamespaceBinding(String name, String namespaceId, String className) {
            this(name, namespaceId, className, null);
        }
    }

    /** {@code queue}: a Queue producer for the named queue; {@code producer} null = sends reject. */
    public record QueueBinding(String name, String queueName,
            dev.outpost.runtime.bindings.queue.QueueProducerBinding producer) implements Binding {
        public QueueBinding(String name, String queueName) {
            this(name, queueName, null);
        }
    }

    private static final WorkerEnvironment EMPTY = new WorkerEnvironment(List.of(), null, null);

    private final List<Binding> bindings;
    private final String cacheScope;
    private final dev.outpost.runtime.bindings.DurableObjectStorage objectStorage;

    private WorkerEnvironment(List<Binding> bindings, String cacheScope,
                              dev.outpost.runtime.bindings.DurableObjectStorage objectStorage) {
        this.bindings = List.copyOf(bindings);
        this.cacheScope = cacheScope;
        this.objectStorage = objectStorage;
    }

    /**
     * The storage of the Durable Objects this isolate hosts (DO-8), or null when it hosts none (the gateway's
     * isolates): only durable-object-service sets it.
     */
    public dev.outpost.runtime.bindings.DurableObjectStorage objectStorage() {
        return objectStorage;
    }

    /**
     * Whose Cache API entries the worker reads and writes (RT-6): the gateway sets the account, so the workers of
     * one account share {@code caches.default} and no other account sees it. Null: the worker's own name.
     */
    public String cacheScope() {
        return cacheScope;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WorkerEnvironment empty() {
        return EMPTY;
    }

    /** The bindings in declaration order. */
    public List<Binding> bindings() {
        return bindings;
    }

    @Override
    public String toString() {
        return "WorkerEnvironment" + bindings;
    }

    public static final class Builder {
        private final List<Binding> bindings = new ArrayList<>();
        private final Set<String> names = new LinkedHashSet<>();
        private String cacheScope;
        private dev.outpost.runtime.bindings.DurableObjectStorage objectStorage;

        private Builder() {
        }

        public Builder text(String name, String value) {
            return add(new TextBinding(name, Objects.requireNonNull(value, "value")));
        }

        /** A JSON binding; {@code jsonText} must be valid JSON (checked when the worker loads). */
        public Builder json(String name, String jsonText) {
            return add(new JsonBinding(name, Objects.requireNonNull(jsonText, "jsonText")));
        }

        public Builder secret(String name, String value) {
            return add(new SecretBinding(name, Objects.requireNonNull(value, "value")));
        }

        public Builder kv(String name, KvNamespaceBinding namespace) {
            return add(new KvBinding(name, Objects.requireNonNull(namespace, "namespace")));
        }

        public Builder d1(String name, D1DatabaseBinding database) {
            return add(new D1Binding(name, Objects.requireNonNull(database, "database")));
        }

        public Builder service(String name, ServiceBinding service) {
            return add(new ServiceBindingEntry(name, Objects.requireNonNull(service, "service")));
        }

        public Builder r2(String name, R2BucketBinding bucket) {
            return add(new R2Binding(name, Objects.requireNonNull(bucket, "bucket")));
        }

        public Builder queue(String name, String queueName) {
            return add(new QueueBinding(name, Objects.requireNonNull(queueName, "queueName")));
        }

        /** Q-1..Q-3: a producer whose sends go to {@code producer}. */
        public Builder queue(String name, String queueName,
                dev.outpost.runtime.bindings.queue.QueueProducerBinding producer) {
            return add(new QueueBinding(name, Objects.requireNonNull(queueName, "queueName"), producer));
        }

        public Builder durableObjectNamespace(String name, String namespaceId, String className) {
            return durableObjectNamespace(name, namespaceId, className, null);
        }

        /** A namespace whose stubs {@code client} serves (DO-5); a null client makes them reject. */
        public Builder durableObjectNamespace(String name, String namespaceId, String className,
                                              dev.outpost.runtime.bindings.DurableObjectClient client) {
            return add(new DurableObjectNamespaceBinding(name, Objects.requireNonNullElse(namespaceId, ""),
                    Objects.requireNonNull(className, "className"), client));
        }

        /** Where the Durable Objects hosted by this worker's isolates keep their storage (DO-8). */
        public Builder objectStorage(dev.outpost.runtime.bindings.DurableObjectStorage storage) {
            this.objectStorage = storage;
            return this;
        }

        /** The Cache API partition of the worker, e.g. {@code account:<id>} (see {@link #cacheScope()}). */
        public Builder cacheScope(String scope) {
            this.cacheScope = scope;
            return this;
        }

        private Builder add(Binding binding) {
            Objects.requireNonNull(binding.name(), "name");
            if (binding.name().isEmpty()) {
                throw new IllegalArgumentException("binding name must not be empty");
            }
            if (!names.add(binding.name())) {
                throw new IllegalArgumentException("duplicate binding name: " + binding.name());
            }
            bindings.add(binding);
            return this;
        }

        public WorkerEnvironment build() {
            return new WorkerEnvironment(bindings, cacheScope, objectStorage);
        }
    }
}
