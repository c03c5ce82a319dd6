package dev.outpost.gateway.controlplane.secrets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.controlplane.model.Deployment;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerModuleEntity;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.BindingSpec;
import dev.outpost.gateway.hosting.BindingsJson;
import dev.outpost.gateway.hosting.DeploymentChanges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Secrets of a worker (API-6). Versions are immutable, so putting or deleting a secret makes a new
 * version — the deployed one's code and bindings with that one secret changed — and deploys it,
 * as Cloudflare does.
 */
@ApplicationScoped
public class SecretStore {
    private final SecretBindings secrets;

    public SecretStore(SecretBindings secrets) {
        this.secrets = secrets;
    }

    /** The new version and the one it replaced. */
    public record Changed(UUID versionId, UUID previousVersionId) {
    }

    @WithSession
    public Uni<List<String>> names(String accountId, String scriptName) {
        return current(accountId, scriptName).map(v -> BindingsJson.parse(v.bindings).stream()
                .filter(b -> SecretBindings.TYPE.equals(b.type())).map(BindingSpec::name).toList());
    }

    @WithTransaction
    public Uni<Changed> put(String accountId, String scriptName, String name, String text) {
        ObjectNode binding = JsonNodeFactory.instance.objectNode().put("type", SecretBindings.TYPE).put("name", name)
                .put("text", text);
        BindingSpec sealed = secrets.seal(new BindingSpec(name, SecretBindings.TYPE, binding));
        return change(accountId, scriptName, name, sealed);
    }

    @WithTransaction
    public Uni<Changed> delete(String accountId, String scriptName, String name) {
        return change(accountId, scriptName, name, null);
    }

    /** New version = current one with binding {@code name} removed and {@code replacement} (if any) added. */
    private Uni<Changed> change(String accountId, String scriptName, String name, BindingSpec replacement) {
        return current(accountId, scriptName).flatMap(old -> {
            List<BindingSpec> bindings = new ArrayList<>(BindingsJson.parse(old.bindings));
            boolean existed = bindings.removeIf(b -> name.equals(b.name()));
            if (replacement == null && !existed) {
                return Uni.createFrom().failure(new ApiException(ApiError.NOT_FOUND,
                        "Secret '" + name + "' does not exist on this Worker."));
            }
            if (replacement != null && existed && !wasSecret(old, name)) {
                return Uni.createFrom().failure(new ApiException(ApiError.SCRIPT_VALIDATION,
                        "Binding name '" + name + "' is already used by a binding that is not a secret"));
            }
            if (replacement != null) {
                bindings.add(replacement);
            }
            WorkerVersion next = new WorkerVersion();
            next.id = UUID.randomUUID();
            next.workerId = old.workerId;
            next.mainModule = old.mainModule;
            next.compatibilityDate = old.compatibilityDate;
            next.compatibilityFlags = old.compatibilityFlags;
            next.handlers = old.handlers;
            next.etag = old.etag;
            next.bindings = BindingsJson.write(bindings);
            next.createdOn = OffsetDateTime.now();
            return WorkerVersion.<WorkerVersion>find("workerId = ?1 order by number desc", old.workerId).firstResult()
                    .flatMap(last -> {
                        next.number = last.number + 1;
                        return next.<WorkerVersion>persist();
                    })
                    .flatMap(v -> WorkerModuleEntity.<WorkerModuleEntity>list("key.versionId", old.id))
                    .flatMap(modules -> WorkerModuleEntity.persist(modules.stream().map(m -> {
                        WorkerModuleEntity copy = new WorkerModuleEntity();
                        copy.key = new WorkerModuleEntity.Key(next.id, m.key.name);
                        copy.contentType = m.contentType;
                        copy.content = m.content;
                        return copy;
                    })))
                    .flatMap(v -> {
                        Deployment d = new Deployment();
                        d.id = UUID.randomUUID();
                        d.workerId = old.workerId;
                        d.versionId = next.id;
                        d.source = "secret";
                        d.createdOn = OffsetDateTime.now();
                        return d.persist();
                    })
                    .call(() -> Panache.getSession().flatMap(s -> DeploymentChanges.announce(s, accountId, scriptName)))
                    .map(x -> new Changed(next.id, old.id));
        });
    }

    private static boolean wasSecret(WorkerVersion version, String name) {
        return BindingsJson.parse(version.bindings).stream()
                .anyMatch(b -> name.equals(b.name()) && SecretBindings.TYPE.equals(b.type()));
    }

    /** The deployed version of a worker of the account. */
    private static Uni<WorkerVersion> current(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult()
                .flatMap(w -> {
                    if (w == null) {
                        return Uni.createFrom().failure(new ApiException(ApiError.NOT_FOUND,
                                "This Worker does not exist on your account."));
                    }
                    return Deployment.<Deployment>find("workerId = ?1 order by createdOn desc, id desc", w.id)
                            .firstResult().flatMap(d -> WorkerVersion.<WorkerVersion>findById(d.versionId));
                });
    }
}
