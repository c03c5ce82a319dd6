package dev.outpost.gateway.controlplane.schedules;

import dev.outpost.gateway.config.GatewayConfig;
import dev.outpost.gateway.controlplane.model.Worker;
import dev.outpost.gateway.controlplane.model.WorkerSchedule;
import dev.outpost.gateway.controlplane.rest.ApiError;
import dev.outpost.gateway.controlplane.rest.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cron triggers of a worker (API-5, CRON-2/3). A PUT replaces the whole set in one transaction after every
 * expression has been parsed, so a bad expression leaves the stored set untouched. Unchanged expressions keep
 * their {@code created_on}.
 */
@ApplicationScoped
public class ScheduleStore {
    private final GatewayConfig config;

    public ScheduleStore(GatewayConfig config) {
        this.config = config;
    }

    @WithSession
    public Uni<List<WorkerSchedule>> list(String accountId, String scriptName) {
        return worker(accountId, scriptName).flatMap(w -> WorkerSchedule.list("key.workerId = ?1 order by createdOn, key.cron", w.id));
    }

    /** Validates every expression (Cloudflare code 10100 on the first bad one), then replaces the set. */
    @WithTransaction
    public Uni<List<WorkerSchedule>> replace(String accountId, String scriptName, List<String> crons) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String cron : crons) {
            try {
                wanted.add(CronExpression.parse(cron).text());
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.INVALID_CRON, "invalid cron string: " + e.getMessage());
            }
        }
        return worker(accountId, scriptName).flatMap(w -> WorkerSchedule.count(
                "key.workerId in (select id from Worker where accountId = ?1) and key.workerId <> ?2", accountId, w.id)
                .flatMap(others -> {
                    if (others + wanted.size() > config.maxCronTriggersPerAccount()) {
                        return Uni.createFrom().failure(new ApiException(ApiError.TOO_MANY_CRONS,
                                "workers.api.error.too_many_crons: the account would have " + (others + wanted.size())
                                        + " cron triggers; at most " + config.maxCronTriggersPerAccount() + " are allowed"));
                    }
                    return WorkerSchedule.<WorkerSchedule>list("key.workerId", w.id);
                })
                .flatMap(existing -> {
                    Map<String, WorkerSchedule> kept = new HashMap<>();
                    existing.forEach(s -> kept.put(s.key.cron, s));
                    OffsetDateTime now = OffsetDateTime.now();
                    List<WorkerSchedule> removed = existing.stream().filter(s -> !wanted.contains(s.key.cron)).toList();
                    List<WorkerSchedule> added = wanted.stream().filter(c -> !kept.containsKey(c)).map(c -> {
                        WorkerSchedule s = new WorkerSchedule();
                        s.key = new WorkerSchedule.Key(w.id, c);
                        s.createdOn = now;
                        s.modifiedOn = now;
                        return s;
                    }).toList();
                    Uni<Void> delete = removed.isEmpty() ? Uni.createFrom().voidItem()
                            : WorkerSchedule.delete("key.workerId = ?1 and key.cron in ?2", w.id,
                                    removed.stream().map(s -> s.key.cron).toList()).replaceWithVoid();
                    return delete.flatMap(v -> added.isEmpty() ? Uni.createFrom().voidItem() : WorkerSchedule.persist(added.stream()))
                            .flatMap(v -> WorkerSchedule.<WorkerSchedule>list("key.workerId = ?1 order by createdOn, key.cron", w.id));
                }));
    }

    private static Uni<Worker> worker(String accountId, String scriptName) {
        return Worker.<Worker>find("accountId = ?1 and name = ?2", accountId, scriptName).firstResult().map(w -> {
            if (w == null) {
                throw new ApiException(ApiError.NOT_FOUND, "This Worker does not exist on your account.");
            }
            return w;
        });
    }
}
