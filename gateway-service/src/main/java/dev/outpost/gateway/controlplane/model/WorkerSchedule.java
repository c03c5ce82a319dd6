package dev.outpost.gateway.controlplane.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One cron trigger of a worker. */
@Entity
@Table(name = "worker_schedules")
public class WorkerSchedule extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    @Column(name = "modified_on", nullable = false)
    public OffsetDateTime modifiedOn;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "worker_id")
        public UUID workerId;

        @Column(name = "cron")
        public String cron;

        public Key() {
        }

        public Key(UUID workerId, String cron) {
            this.workerId = workerId;
            this.cron = cron;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(workerId, k.workerId) && Objects.equals(cron, k.cron);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workerId, cron);
        }
    }
}
