package dev.outpost.gateway.controlplane.service;

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
import java.util.List;
import java.util.UUID;

/** Control-plane persistence of workers, versions and deployments; each method is one transaction. */
@ApplicationScoped
public class ScriptStore {

    /** What a stored upload produced. */
    public record StoredUpload(Worker worker, WorkerVersion version, Deployment deployment, UUID previousVersionId) {
    }

    /** Writes a new immutable version with its modules and deploys it; nothing is written on failure. */
    @WithTransaction
    public Uni<StoredUpload> storeAndDeploy(String accountId, String scriptName, WorkerVersion version,
            List<WorkerModuleEntity> modules, String source) {
        return store(accountId, scriptName, version, modules, source, true, NOTHING_BEFORE_VERSION);
    }

    /** Work an upload does in its transaction once the worker row exists, before the version is written. */
    @FunctionalInterface
    public interface BeforeVersion {
        Uni<Void> apply(Worker worker, WorkerVersion version);
    }

    private static final BeforeVersion NOTHING_BEFORE_VERSION = (w, v) -> Uni.createFrom().voidItem();

    /**
     * Writes a new immutable version with its modules, deployed at once or not (API-4 {@code POST .../versions}
     * uploads a version of an existing worker that a later deployment makes live; its deployment is then null).
     */
    @WithTransaction
    public Uni<StoredUpload> store(String accountId, String scriptName, WorkerVersion version,
            List<WorkerModuleEntity> modules, String source, boolean deploy, BeforeVersion beforeVersion) {
        OffsetDateTime now = OffsetDateTime.now();
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult()
                .flatMap(existing -> {
                    if (existing != null) {
                        existing.modifiedOn = now;
                        return Uni.createFrom().item(existing);
                    }
                    if (!deploy) {
                        return Uni.createFrom().failure(new ApiException(ApiError.NOT_FOUND,
                                "This Worker does not exist on your account."));
                    }
                    Worker worker = new Worker();
                    worker.id = UUID.randomUUID();
                    worker.accountId = accountId;
                    worker.name = scriptName;
                    worker.createdOn = now;
                    worker.modifiedOn = now;
                    return worker.<Worker>persist();
                })
                .call(worker -> beforeVersion.apply(worker, version))
                .flatMap(worker -> currentVersion(worker.id).flatMap(previous -> WorkerVersion
                        .<WorkerVersion>find("workerId = ?1 order by number desc", worker.id).firstResult()
                        .flatMap(last -> {
                            version.workerId = worker.id;
                            version.number = last == null ? 1 : last.number + 1;
                            version.createdOn = now;
                            return version.<WorkerVersion>persist();
                        })
                        .flatMap(v -> WorkerModuleEntity.persist(modules.stream()).replaceWith(v))
                        .flatMap(v -> {
                            if (!deploy) {
                                return Uni.createFrom().item(new StoredUpload(worker, v, null, previous));
                            }
                            Deployment deployment = new Deployment();
                            deployment.id = UUID.randomUUID();
                            deployment.workerId = worker.id;
                            deployment.versionId = v.id;
                            deployment.source = source;
                            deployment.createdOn = now;
                            return deployment.<Deployment>persist()
                                    .map(d -> new StoredUpload(worker, v, d, previous));
                        })))
                .call(stored -> deploy ? announce(accountId, scriptName) : Uni.createFrom().voidItem());
    }

    /** The bindings (as stored: secrets sealed) of the deployed version of a worker; empty when there is none. */
    @WithSession
    public Uni<List<BindingSpec>> deployedBindings(String accountId, String scriptName) {
        return find(accountId, scriptName).flatMap(w -> w == null ? Uni.createFrom().item((UUID) null) : currentVersion(w.id))
                .flatMap(id -> id == null ? Uni.createFrom().nullItem() : WorkerVersion.<WorkerVersion>findById(id))
                .map(v -> v == null ? List.of() : BindingsJson.parse(v.bindings));
    }

    /** Tells every gateway replica, on commit, that this worker's deployment changed. */
    private static Uni<Void> announce(String accountId, String scriptName) {
        return Panache.getSession().flatMap(session -> DeploymentChanges.announce(session, accountId, scriptName));
    }

    @WithSession
    public Uni<List<Worker>> list(String accountId) {
        return Worker.list("accountId = ?1 order by name", accountId);
    }

    @WithSession
    public Uni<Worker> find(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult();
    }

    @WithSession
    public Uni<List<WorkerModuleEntity>> modules(UUID versionId) {
        return WorkerModuleEntity.list("key.versionId", versionId);
    }

    @WithSession
    public Uni<WorkerVersion> version(UUID versionId) {
        return WorkerVersion.findById(versionId);
    }

    /** The version of the newest deployment of a worker, or null. */
    @WithSession
    public Uni<UUID> currentVersion(UUID workerId) {
        return Deployment.<Deployment>find("workerId = ?1 order by createdOn desc, id desc", workerId).firstResult()
                .map(d -> d == null ? null : d.versionId);
    }

    /** Deletes a worker with all its versions and deployments; returns the versions it had. */
    @WithTransaction
    public Uni<List<UUID>> delete(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult()
                .flatMap(worker -> {
                    if (worker == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return WorkerVersion.<WorkerVersion>list("workerId", worker.id)
                            .flatMap(versions -> worker.delete()
                                    .replaceWith(versions.stream().map(v -> v.id).toList()))
                            .call(() -> announce(accountId, scriptName));
                });
    }
}
