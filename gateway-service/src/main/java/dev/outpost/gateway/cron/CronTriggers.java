package dev.outpost.gateway.cron;

import dev.outpost.gateway.controlplane.schedules.CronExpression;
import dev.outpost.gateway.hosting.ActiveVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The cron triggers due in a minute. Read from PostgreSQL at every evaluation (one query per replica per minute),
 * so a schedule change or a deploy made through any replica counts from the next minute on, without a cache to
 * keep fresh; each trigger carries the version the worker's latest deployment names (the one its traffic gets).
 */
@ApplicationScoped
public class CronTriggers {
    private static final Logger LOG = Logger.getLogger(CronTriggers.class);
    private static final String SCHEDULED_SQL = """
            SELECT s.worker_id, s.cron, a.account_id, a.name, a.version_id
            FROM worker_schedules s JOIN (
                SELECT DISTINCT ON (w.id) w.id, w.account_id, w.name, d.version_id
                FROM workers w JOIN deployments d ON d.worker_id = w.id
                ORDER BY w.id, d.created_on DESC, d.id DESC) a ON a.id = s.worker_id
            ORDER BY a.account_id, a.name, s.cron""";

    private final Pool pool;
    /** Parsed expressions by their text: a schedule is parsed once, not every minute. */
    private final Map<String, CronExpression> parsed = new ConcurrentHashMap<>();

    public CronTriggers(Pool pool) {
        this.pool = pool;
    }

    /** Every trigger of a deployed worker whose expression matches the UTC minute {@code minute}. */
    public Uni<List<CronTrigger>> due(Instant minute) {
        ZonedDateTime at = minute.atZone(ZoneOffset.UTC);
        return pool.query(SCHEDULED_SQL).execute().map(rows -> {
            List<CronTrigger> due = new ArrayList<>();
            for (Row row : rows) {
                String cron = row.getString("cron");
                CronExpression expression = expression(cron);
                if (expression != null && expression.matches(at)) {
                    due.add(new CronTrigger(row.getUUID("worker_id"), cron, new ActiveVersion(row.getString("account_id"),
                            row.getString("name"), row.getUUID("version_id"))));
                }
            }
            if (parsed.size() > 10_000) {
                parsed.clear();
            }
            return due;
        });
    }

    private CronExpression expression(String cron) {
        CronExpression known = parsed.get(cron);
        if (known != null) {
            return known;
        }
        try {
            CronExpression fresh = CronExpression.parse(cron);
            parsed.put(cron, fresh);
            return fresh;
        } catch (IllegalArgumentException e) {
            // Stored expressions were validated on PUT; one that no longer parses must not stop the others.
            LOG.warnf("Ignoring stored cron trigger '%s': %s", cron, e.getMessage());
            return null;
        }
    }
}
