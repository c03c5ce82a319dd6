package dev.outpost.gateway.cron;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code cron_runs} table (CRON-3): a row per (worker, expression, minute) that ran. The row is inserted before
 * the run with {@code ON CONFLICT DO NOTHING}, so among replicas evaluating the same minute exactly one gets it
 * and runs the handler; the outcome is written when the run ends. Old rows are deleted so the table stays bounded.
 */
@ApplicationScoped
public class CronRunStore {
    /** Longest error text kept (a stack trace is plenty below this). */
    static final int MAX_ERROR_CHARS = 4000;

    private final Pool pool;

    public CronRunStore(Pool pool) {
        this.pool = pool;
    }

    /** True when this replica now owns the run of {@code cron} of the worker for {@code minute}. */
    public Uni<Boolean> claim(CronTrigger trigger, Instant minute, String replica) {
        return pool.preparedQuery("""
                        INSERT INTO cron_runs (worker_id, cron, scheduled_time, version_id, replica)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(trigger.workerId(), trigger.cron(), utc(minute), trigger.version().versionId(), replica))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Records how the claimed run ended. */
    public Uni<Void> finish(CronTrigger trigger, Instant minute, String outcome, String error, int attempts) {
        String kept = error == null || error.isEmpty() ? null
                : error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
        return pool.preparedQuery("""
                        UPDATE cron_runs SET outcome = $4, error = $5, attempts = $6, finished_on = now()
                        WHERE worker_id = $1 AND cron = $2 AND scheduled_time = $3""")
                .execute(Tuple.tuple().addUUID(trigger.workerId()).addString(trigger.cron()).addOffsetDateTime(utc(minute))
                        .addString(outcome).addString(kept).addInteger(attempts))
                .replaceWithVoid();
    }

    /** Deletes the records of minutes before {@code before}; answers how many went. */
    public Uni<Integer> prune(Instant before) {
        return pool.preparedQuery("DELETE FROM cron_runs WHERE scheduled_time < $1").execute(Tuple.of(utc(before)))
                .map(rows -> rows.rowCount());
    }

    /** The recorded run, for tests and operators: outcome, error, attempts; null when there is none. */
    public Uni<CronRun> find(CronTrigger trigger, Instant minute) {
        return pool.preparedQuery("""
                        SELECT outcome, error, attempts FROM cron_runs
                        WHERE worker_id = $1 AND cron = $2 AND scheduled_time = $3""")
                .execute(Tuple.of(trigger.workerId(), trigger.cron(), utc(minute)))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    var row = it.next();
                    return new CronRun(trigger, minute, true, row.getString("outcome"), row.getString("error"),
                            row.getInteger("attempts"));
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
