package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    /** The account's workers.dev subdomain; null until set (a default is answered). */
    @Column(name = "workers_subdomain")
    public String workersSubdomain;
}
