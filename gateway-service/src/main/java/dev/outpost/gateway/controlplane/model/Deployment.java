package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Which version of a worker serves traffic; the newest deployment of a worker wins. */
@Entity
@Table(name = "deployments")
public class Deployment extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
