package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A worker script of an account; its code lives in immutable {@link WorkerVersion}s. */
@Entity
@Table(name = "workers")
public class Worker extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    @Column(name = "modified_on", nullable = false)
    public OffsetDateTime modifiedOn;

    /** Whether {@code <worker>.<anything>} host routing reaches this worker (workers.dev on Cloudflare). */
    @Column(name = "workers_dev", nullable = false)
    public boolean workersDev = true;

    @Column(name = "previews_enabled", nullable = false)
    public boolean previewsEnabled;

    /** Tag of the last Durable Object migration applied to this worker (DO-2), null before any. */
    @Column(name = "migration_tag")
    public String migrationTag;

    /** JSON object of the non-versioned settings (logpush, tail_consumers, observability, tags). */
    @Column(name = "script_settings", nullable = false)
    public String scriptSettings = "{}";
}
