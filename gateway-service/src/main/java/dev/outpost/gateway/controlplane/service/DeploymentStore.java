package dev.outpost.gateway.controlplane.service;

import dev.outpost.gateway.controlplane.model.Deployment;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerVersion;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import dev.outpost.gateway.hosting.DeploymentChanges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Versions and deployments of one worker (API-4); each method is one transaction. */
@ApplicationScoped
public class DeploymentStore {

    /** A deployment made, and the version it replaced (null when none). */
    public record Deployed(Deployment deployment, UUID previousVersionId) {
    }

    @WithSession
    public Uni<List<WorkerVersion>> versions(String accountId, String scriptName) {
        return worker(accountId, scriptName).flatMap(w -> WorkerVersion.list("workerId = ?1 order by number desc", w.id));
    }

    @WithSession
    public Uni<WorkerVersion> version(String accountId, String scriptName, UUID versionId) {
        return worker(accountId, scriptName).flatMap(w -> WorkerVersion.<WorkerVersion>findById(versionId)
                .map(v -> {
                    if (v == null || !v.workerId.equals(w.id)) {
                        throw new ApiException(ApiError.NOT_FOUND, "Version " + versionId + " does not exist for this Worker.");
                    }
                    return v;
                }));
    }

    @WithSession
    public Uni<List<Deployment>> deployments(String accountId, String scriptName) {
        return worker(accountId, scriptName).flatMap(w -> Deployment.list("workerId = ?1 order by createdOn desc, id desc", w.id));
    }

    /** Makes {@code versionId} (one of the worker's versions) the one that serves; a rollback is this with an older version. */
    @WithTransaction
    public Uni<Deployed> deploy(String accountId, String scriptName, UUID versionId, String source) {
        return worker(accountId, scriptName).flatMap(w -> WorkerVersion.<WorkerVersion>findById(versionId).flatMap(v -> {
            if (v == null || !v.workerId.equals(w.id)) {
                return Uni.createFrom().failure(new ApiException(ApiError.SCRIPT_VALIDATION,
                        "Version " + versionId + " does not exist for this Worker."));
            }
            return Deployment.<Deployment>find("workerId = ?1 order by createdOn desc, id desc", w.id).firstResult()
                    .flatMap(current -> {
                        Deployment d = new Deployment();
                        d.id = UUID.randomUUID();
                        d.workerId = w.id;
                        d.versionId = v.id;
                        d.source = source;
                        d.createdOn = OffsetDateTime.now();
                        return d.<Deployment>persist().map(saved -> new Deployed(saved,
                                current == null || current.versionId.equals(v.id) ? null : current.versionId));
                    });
        })).call(() -> Panache.getSession().flatMap(s -> DeploymentChanges.announce(s, accountId, scriptName)));
    }

    private static Uni<Worker> worker(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult().map(w -> {
            if (w == null) {
                throw new ApiException(ApiError.NOT_FOUND, "This Worker does not exist on your account.");
            }
            return w;
        });
    }
}
