package dev.outpost.gateway.hosting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routing table of worker traffic: which version of which worker answers a script name.
 * Held in memory (the hot path never queries PostgreSQL) and refreshed from the deployments
 * table at start and whenever a deployment changes.
 */
@ApplicationScoped
public class DeploymentTable {
    private static final String ACTIVE_SQL = """
            SELECT DISTINCT ON (w.id) w.account_id, w.name, d.version_id
            FROM workers w JOIN deployments d ON d.worker_id = w.id
            %s
            ORDER BY w.id, d.created_on DESC, d.id DESC""";

    private final Pool pool;
    private final Map<String, List<ActiveVersion>> byName = new ConcurrentHashMap<>();

    public DeploymentTable(Pool pool) {
        this.pool = pool;
    }

    /** The version serving {@code scriptName}; empty when none or when the name is ambiguous across accounts. */
    public Optional<ActiveVersion> resolve(String scriptName) {
        List<ActiveVersion> candidates = byName.get(scriptName);
        if (candidates == null || candidates.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(0));
    }

    public Optional<ActiveVersion> resolve(String accountId, String scriptName) {
        List<ActiveVersion> candidates = byName.getOrDefault(scriptName, List.of());
        return candidates.stream().filter(v -> v.accountId().equals(accountId)).findFirst();
    }

    public Uni<Void> reloadAll() {
        return pool.query(ACTIVE_SQL.formatted("")).execute().map(rows -> {
            Map<String, List<ActiveVersion>> fresh = new ConcurrentHashMap<>();
            for (Row row : rows) {
                ActiveVersion v = toVersion(row);
                fresh.computeIfAbsent(v.scriptName(), k -> new CopyOnWriteArrayList<>()).add(v);
            }
            byName.keySet().retainAll(fresh.keySet());
            byName.putAll(fresh);
            return null;
        });
    }

    /** Re-reads one worker (after a deploy, rollback or delete of it). */
    public Uni<Void> reload(String accountId, String scriptName) {
        return pool.preparedQuery(ACTIVE_SQL.formatted("WHERE w.account_id = $1 AND w.name = $2"))
                .execute(Tuple.of(accountId, scriptName)).map(rows -> {
                    // One atomic replacement: two reloads of the same worker racing (the control plane's own and
                    // the NOTIFY's) must not both remove before either adds, leaving the name listed twice
                    // (ambiguous, so unroutable).
                    byName.compute(scriptName, (k, old) -> {
                        List<ActiveVersion> list = new CopyOnWriteArrayList<>();
                        if (old != null) {
                            old.stream().filter(v -> !v.accountId().equals(accountId)).forEach(list::add);
                        }
                        for (Row row : rows) {
                            list.add(toVersion(row));
                        }
                        return list;
                    });
                    return null;
                });
    }

    private static ActiveVersion toVersion(Row row) {
        return new ActiveVersion(row.getString("account_id"), row.getString("name"), row.getUUID("version_id"));
    }
}
