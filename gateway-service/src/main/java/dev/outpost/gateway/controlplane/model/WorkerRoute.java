package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A route pattern of an account and the worker it sends traffic to (none: an exclusion route). */
@Entity
@Table(name = "worker_routes")
public class WorkerRoute extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** The pattern's host without its leading wildcard: the zone it was filed under. */
    @Column(name = "zone_name", nullable = false)
    public String zoneName;

    @Column(nullable = false)
    public String pattern;

    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
