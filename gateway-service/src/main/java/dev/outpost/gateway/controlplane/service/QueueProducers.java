package dev.outpost.gateway.controlplane.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API-8 {@code producers}: the workers of an account whose deployed version has a {@code queue} binding to a queue,
 * as Cloudflare lists them. Worked out from the stored bindings (queue-service does not know who sends), with one
 * query per API call whatever the number of queues answered.
 */
@ApplicationScoped
public class QueueProducers {
    /** Each worker's newest deployment's version, and that version's queue bindings. */
    private static final String SQL = """
            SELECT DISTINCT b.binding ->> 'queue_name', w.name
            FROM workers w
            JOIN LATERAL (SELECT d.version_id FROM deployments d WHERE d.worker_id = w.id
                          ORDER BY d.created_on DESC, d.id DESC LIMIT 1) live ON true
            JOIN worker_versions v ON v.id = live.version_id
            CROSS JOIN LATERAL jsonb_array_elements(v.bindings::jsonb) AS b(binding)
            WHERE w.account_id = :account AND b.binding ->> 'type' = 'queue'
            ORDER BY 2""";

    /** Queue name → the names of the workers producing to it, sorted. */
    @WithSession
    public Uni<Map<String, List<String>>> byQueue(String accountId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SQL, Object[].class)
                .setParameter("account", accountId).getResultList()).map(rows -> {
                    Map<String, List<String>> out = new HashMap<>();
                    for (Object[] row : rows) {
                        out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
                    }
                    return out;
                });
    }
}
