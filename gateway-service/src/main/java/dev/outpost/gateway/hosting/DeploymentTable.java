package dev.outpost.gateway.hosting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            SELECT DISTINCT ON (w.id) w.account_id, w.name, d.version_id, w.workers_dev
            FROM workers w JOIN deployments d ON d.worker_id = w.id
            %s
            ORDER BY w.id, d.created_on DESC, d.id DESC""";

    private final Pool pool;
    private final Map<String, List<ActiveVersion>> byName = new ConcurrentHashMap<>();
    /** "account/name" of workers whose workers.dev switch is off: only routes reach them. */
    private final Set<String> hostRoutingOff = ConcurrentHashMap.newKeySet();
    /**
     * When each name was last re-read on its own (a counter, not a time): a full reload whose query started
     * before that must not overwrite the fresher entry (it raced with a deploy and would drop or revert it).
     */
    private final Map<String, Long> reloadedAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();

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

    /**
     * The version {@code <scriptName>.<anything>} host routing reaches: like {@link #resolve(String)}, among the
     * workers whose workers.dev switch is on.
     */
    public Optional<ActiveVersion> resolveByHost(String scriptName) {
        List<ActiveVersion> candidates = byName.getOrDefault(scriptName, List.of()).stream()
                .filter(v -> !hostRoutingOff.contains(key(v.accountId(), v.scriptName()))).toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    public Optional<ActiveVersion> resolve(String accountId, String scriptName) {
        List<ActiveVersion> candidates = byName.getOrDefault(scriptName, List.of());
        return candidates.stream().filter(v -> v.accountId().equals(accountId)).findFirst();
    }

    public Uni<Void> reloadAll() {
        return Uni.createFrom().item(clock::incrementAndGet).flatMap(started -> pool.query(ACTIVE_SQL.formatted(""))
                .execute().map(rows -> {
                    Map<String, List<ActiveVersion>> fresh = new ConcurrentHashMap<>();
                    Set<String> off = ConcurrentHashMap.newKeySet();
                    for (Row row : rows) {
                        ActiveVersion v = toVersion(row);
                        fresh.computeIfAbsent(v.scriptName(), k -> new CopyOnWriteArrayList<>()).add(v);
                        if (Boolean.FALSE.equals(row.getBoolean("workers_dev"))) {
                            off.add(key(v.accountId(), v.scriptName()));
                        }
                    }
                    fresh.keySet().removeIf(name -> reloadedAt.getOrDefault(name, 0L) > started);
                    byName.keySet().removeIf(name -> !fresh.containsKey(name) && reloadedAt.getOrDefault(name, 0L) <= started);
                    byName.putAll(fresh);
                    hostRoutingOff.retainAll(off);
                    hostRoutingOff.addAll(off);
                    return null;
                }));
    }

    /** Re-reads one worker (after a deploy, rollback or delete of it). */
    public Uni<Void> reload(String accountId, String scriptName) {
        return pool.preparedQuery(ACTIVE_SQL.formatted("WHERE w.account_id = $1 AND w.name = $2"))
                .execute(Tuple.of(accountId, scriptName)).map(rows -> {
                    reloadedAt.put(scriptName, clock.incrementAndGet());
                    // One atomic replacement: two reloads of the same worker racing (the control plane's own and
                    // the NOTIFY's) must not both remove before either adds, leaving the name listed twice
                    // (ambiguous, so unroutable).
                    boolean routingOff = false;
                    List<ActiveVersion> fresh = new CopyOnWriteArrayList<>();
                    for (Row row : rows) {
                        fresh.add(toVersion(row));
                        routingOff |= Boolean.FALSE.equals(row.getBoolean("workers_dev"));
                    }
                    byName.compute(scriptName, (k, old) -> {
                        List<ActiveVersion> list = new CopyOnWriteArrayList<>();
                        if (old != null) {
                            old.stream().filter(v -> !v.accountId().equals(accountId)).forEach(list::add);
                        }
                        list.addAll(fresh);
                        return list;
                    });
                    if (routingOff) {
                        hostRoutingOff.add(key(accountId, scriptName));
                    } else {
                        hostRoutingOff.remove(key(accountId, scriptName));
                    }
                    return null;
                });
    }

    private static String key(String accountId, String scriptName) {
        return accountId + "/" + scriptName;
    }

    private static ActiveVersion toVersion(Row row) {
        return new ActiveVersion(row.getString("account_id"), row.getString("name"), row.getUUID("version_id"));
    }
}
