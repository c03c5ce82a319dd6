package dev.outpost.gateway.controlplane.durableobjects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.controlplane.model.DurableObjectNamespaceEntity;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.BindingsJson;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Durable Object namespaces of the control plane (DO-1, DO-2, API-9): applies an upload's migrations and resolves
 * its {@code durable_object_namespace} bindings to namespace ids, inside the upload's transaction, so a refused
 * migration or binding leaves nothing half-written.
 */
@ApplicationScoped
public class DurableObjectNamespaces {

    public static final String BINDING_TYPE = "durable_object_namespace";

    /** One namespace as {@code GET .../workers/durable_objects/namespaces} lists it. */
    public record NamespaceInfo(String id, String name, String script,
            @com.fasterxml.jackson.annotation.JsonProperty("class") String className, boolean use_sqlite) {
    }

    /**
     * Applies {@code migrations} to {@code worker} (new, or the stored one), then checks the version's Durable
     * Object bindings against the namespaces that result and writes each one's {@code namespace_id} into the
     * version's bindings. Runs in the caller's transaction.
     */
    public Uni<Void> apply(String accountId, Worker worker, Optional<DurableObjectMigrations> migrations,
            WorkerVersion version) {
        List<BindingSpec> bindings = BindingsJson.parse(version.bindings);
        boolean bindsObjects = bindings.stream().anyMatch(b -> BINDING_TYPE.equals(b.type()));
        if (migrations.isEmpty() && !bindsObjects) {
            return Uni.createFrom().voidItem();
        }
        return DurableObjectNamespaceEntity.<DurableObjectNamespaceEntity>list("workerId", worker.id)
                .flatMap(existing -> {
                    Map<String, DurableObjectNamespaceEntity> byClass = existing.stream()
                            .collect(Collectors.toMap(n -> n.className, Function.identity(), (a, b) -> a, HashMap::new));
                    Uni<Void> migrated = migrations.map(m -> migrate(accountId, worker, m, byClass, bindings))
                            .orElseGet(() -> Uni.createFrom().voidItem());
                    return migrated.flatMap(v -> resolveBindings(accountId, worker, byClass, bindings))
                            .invoke(resolved -> version.bindings = BindingsJson.write(resolved))
                            .replaceWithVoid();
                });
    }

    private Uni<Void> migrate(String accountId, Worker worker, DurableObjectMigrations m,
            Map<String, DurableObjectNamespaceEntity> byClass, List<BindingSpec> bindings) {
        if (!Objects.equals(m.oldTag(), worker.migrationTag)) {
            throw invalid("Migration tag precondition failed: old_tag " + quoted(m.oldTag())
                    + " does not match the script's current migration tag " + quoted(worker.migrationTag));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DurableObjectMigrations.Step step : m.steps()) {
            for (String cls : step.newClasses()) {
                chain = chain.flatMap(v -> create(accountId, worker, cls, false, byClass));
            }
            for (String cls : step.newSqliteClasses()) {
                chain = chain.flatMap(v -> create(accountId, worker, cls, true, byClass));
            }
            for (DurableObjectMigrations.Rename r : step.renamed()) {
                chain = chain.invoke(() -> rename(r, byClass));
            }
            for (String cls : step.deleted()) {
                chain = chain.flatMap(v -> delete(worker, cls, byClass, bindings));
            }
            for (DurableObjectMigrations.Transfer t : step.transferred()) {
                chain = chain.flatMap(v -> transfer(accountId, worker, t, byClass));
            }
        }
        return chain.invoke(() -> worker.migrationTag = m.newTag());
    }

    private static Uni<Void> create(String accountId, Worker worker, String cls, boolean sqlite,
            Map<String, DurableObjectNamespaceEntity> byClass) {
        if (byClass.containsKey(cls)) {
            throw invalid("Cannot apply new-class migration to class '" + cls
                    + "': it already has a Durable Object namespace in script '" + worker.name + "'");
        }
        DurableObjectNamespaceEntity ns = new DurableObjectNamespaceEntity();
        ns.id = UUID.randomUUID();
        ns.accountId = accountId;
        ns.workerId = worker.id;
        ns.className = cls;
        ns.useSqlite = sqlite;
        ns.createdOn = OffsetDateTime.now();
        byClass.put(cls, ns);
        return ns.persist().replaceWithVoid();
    }

    private static void rename(DurableObjectMigrations.Rename r, Map<String, DurableObjectNamespaceEntity> byClass) {
        DurableObjectNamespaceEntity ns = byClass.remove(r.from());
        if (ns == null) {
            throw invalid("Cannot apply rename migration to class '" + r.from() + "': it has no Durable Object namespace");
        }
        if (byClass.containsKey(r.to())) {
            throw invalid("Cannot apply rename migration to class '" + r.to() + "': it already has a namespace");
        }
        ns.className = r.to(); // the namespace (and so its objects) stays, under the new class name
        byClass.put(r.to(), ns);
    }

    private static Uni<Void> delete(Worker worker, String cls, Map<String, DurableObjectNamespaceEntity> byClass,
            List<BindingSpec> bindings) {
        boolean bound = bindings.stream().anyMatch(b -> BINDING_TYPE.equals(b.type()) && cls.equals(b.text("class_name"))
                && (b.text("script_name") == null || worker.name.equals(b.text("script_name"))));
        if (bound) {
            throw invalid("Cannot apply --delete-class migration to class " + cls
                    + " without also removing the binding that references it");
        }
        DurableObjectNamespaceEntity ns = byClass.remove(cls);
        if (ns == null) {
            throw invalid("Cannot apply --delete-class migration to class '" + cls + "': it has no Durable Object namespace");
        }
        return ns.delete();
    }

    private static Uni<Void> transfer(String accountId, Worker worker, DurableObjectMigrations.Transfer t,
            Map<String, DurableObjectNamespaceEntity> byClass) {
        if (byClass.containsKey(t.to())) {
            throw invalid("Cannot apply transfer migration to class '" + t.to() + "': it already has a namespace");
        }
        return namespaceOf(accountId, t.fromScript(), t.from()).map(ns -> {
            if (ns == null) {
                throw invalid("Cannot apply transfer migration: script '" + t.fromScript() + "' has no Durable Object class '"
                        + t.from() + "'");
            }
            ns.workerId = worker.id;
            ns.className = t.to();
            byClass.put(t.to(), ns);
            return null;
        });
    }

    /** DO-1: every Durable Object binding names a class with a namespace; its id goes into the stored binding. */
    private static Uni<List<BindingSpec>> resolveBindings(String accountId, Worker worker,
            Map<String, DurableObjectNamespaceEntity> byClass, List<BindingSpec> bindings) {
        Uni<List<BindingSpec>> chain = Uni.createFrom().item(new ArrayList<>());
        for (BindingSpec b : bindings) {
            chain = chain.flatMap(out -> resolve(accountId, worker, byClass, b).map(resolved -> {
                out.add(resolved);
                return out;
            }));
        }
        return chain;
    }

    private static Uni<BindingSpec> resolve(String accountId, Worker worker,
            Map<String, DurableObjectNamespaceEntity> byClass, BindingSpec b) {
        if (!BINDING_TYPE.equals(b.type())) {
            return Uni.createFrom().item(b);
        }
        String cls = b.text("class_name");
        String script = b.text("script_name");
        Uni<DurableObjectNamespaceEntity> target = script == null || script.equals(worker.name)
                ? Uni.createFrom().item(byClass.get(cls))
                : namespaceOf(accountId, script, cls);
        return target.map(ns -> {
            if (ns == null) {
                throw new ApiException(ApiError.BINDING_TARGET_MISSING, script == null || script.equals(worker.name)
                        ? "Cannot create binding for class '" + cls + "' because it is not currently configured to"
                                + " implement Durable Objects. Did you forget to apply a Durable Object migration?"
                        : "Durable Object binding '" + b.name() + "': script '" + script + "' has no Durable Object class '"
                                + cls + "'");
            }
            ObjectNode fields = b.fields().deepCopy();
            fields.put("namespace_id", ns.id.toString());
            return new BindingSpec(b.name(), b.type(), fields);
        });
    }

    private static Uni<DurableObjectNamespaceEntity> namespaceOf(String accountId, String scriptName, String cls) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult()
                .flatMap(w -> w == null ? Uni.createFrom().nullItem()
                        : DurableObjectNamespaceEntity.<DurableObjectNamespaceEntity>find("workerId = ?1 and className = ?2",
                                w.id, cls).firstResult());
    }

    /** API-9: the account's namespaces, by script then class. */
    @WithSession
    public Uni<List<NamespaceInfo>> list(String accountId) {
        return DurableObjectNamespaceEntity.<DurableObjectNamespaceEntity>list("accountId", accountId)
                .flatMap(namespaces -> Worker.<Worker>list("accountId", accountId).map(workers -> {
                    Map<UUID, String> names = new LinkedHashMap<>();
                    workers.forEach(w -> names.put(w.id, w.name));
                    return namespaces.stream()
                            .map(n -> new NamespaceInfo(n.id.toString().replace("-", ""),
                                    names.get(n.workerId) + "_" + n.className, names.get(n.workerId), n.className,
                                    n.useSqlite))
                            .sorted(java.util.Comparator.comparing(NamespaceInfo::script).thenComparing(NamespaceInfo::className))
                            .toList();
                }));
    }

    private static String quoted(String tag) {
        return tag == null ? "(none)" : "\"" + tag + "\"";
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.SCRIPT_VALIDATION, message);
    }
}
