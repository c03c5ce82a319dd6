package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A Durable Object namespace: the objects of one class of one worker, created by a migration (DO-2). */
@Entity
@Table(name = "durable_object_namespaces")
public class DurableObjectNamespaceEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(name = "class_name", nullable = false)
    public String className;

    /** {@code new_sqlite_classes} (SQLite-backed storage) rather than {@code new_classes} (KV-backed). */
    @Column(name = "use_sqlite", nullable = false)
    public boolean useSqlite;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
