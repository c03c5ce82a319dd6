package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An API token: only its SHA-256 is stored. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** Space-separated scope words, e.g. {@code "workers:edit kv:read"}; {@code "*"} is every scope. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "expires_on")
    public OffsetDateTime expiresOn;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    @Column(name = "modified_on", nullable = false)
    public OffsetDateTime modifiedOn = OffsetDateTime.now();
}
