package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One immutable upload of a worker: metadata here, code in {@link WorkerModuleEntity} rows. */
@Entity
@Table(name = "worker_versions")
public class WorkerVersion extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(nullable = false)
    public int number;

    @Column(name = "main_module", nullable = false)
    public String mainModule;

    @Column(name = "compatibility_date", nullable = false)
    public String compatibilityDate;

    /** JSON array of strings. */
    @Column(name = "compatibility_flags", nullable = false)
    public String compatibilityFlags;

    /** JSON array of binding objects in Cloudflare's upload shape (API-3). */
    @Column(nullable = false)
    public String bindings;

    /** JSON array of handler names the main module exports (fetch, scheduled, ...). */
    @Column(nullable = false)
    public String handlers;

    @Column(nullable = false)
    public String etag;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
