package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One D1 export or import of the control-plane API (D1-13): its file and, for an import, its outcome. */
@Entity
@Table(name = "d1_transfers")
public class D1Transfer extends PanacheEntityBase {
    public static final String EXPORT = "export";
    public static final String IMPORT = "import";

    /** 128 random bits, hex: the credential of the transfer's URL. */
    @Id
    public String token;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Column(nullable = false)
    public String kind;

    /** Import: the md5 (hex) the client announced at init. */
    public String etag;

    /** Export: the SQL dump; import: the uploaded file (null until uploaded). */
    public byte[] content;

    /** Import: the JSON status answered to ingest and poll (null until ingested). */
    public String outcome;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
