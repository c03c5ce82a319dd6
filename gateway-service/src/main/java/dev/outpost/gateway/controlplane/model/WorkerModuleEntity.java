package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One module (file) of a worker version. */
@Entity
@Table(name = "worker_modules")
public class WorkerModuleEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public byte[] content;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "version_id")
        public UUID versionId;

        @Column(name = "name")
        public String name;

        public Key() {
        }

        public Key(UUID versionId, String name) {
            this.versionId = versionId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, name);
        }
    }
}
