package dev.outpost.gateway.cron;

import dev.outpost.runtime.ScheduledResult;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fires cron triggers (CRON-1, CRON-3): just after every UTC minute starts, reads the triggers whose expression
 * matches that minute, claims each (worker, expression, minute) in PostgreSQL so that among all replicas exactly
 * one runs it, runs the worker's {@code scheduled()} with {@code controller.cron} the configured string and
 * {@code controller.scheduledTime} the minute, and records the outcome. A failed run is retried once at once
 * unless the handler called {@code noRetry()} (or retries are off); a replica that dies during a run loses that run
 * (at most once). Minutes no replica evaluated are not replayed.
 */
@ApplicationScoped
public class CronScheduler {
    private static final Logger LOG = Logger.getLogger(CronScheduler.class);

    private final CronConfig config;
    private final CronTriggers triggers;
    private final CronRunStore runs;
    private final ScheduledInvoker invoker;
    private final String replica;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastMinute;
    private ScheduledExecutorService timer;

    public CronScheduler(CronConfig config, CronTriggers triggers, CronRunStore runs, ScheduledInvoker invoker) {
        this.config = config;
        this.triggers = triggers;
        this.runs = runs;
        this.invoker = invoker;
        this.replica = replicaName();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Cron triggers are off on this replica (outpost.gateway.cron.enabled=false)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outpost-cron");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void scheduleNext() {
        try {
            timer.schedule(this::fire, CronMinutes.millisToNextMinute(clock.instant()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down
        }
    }

    private void fire() {
        try {
            Instant minute = CronMinutes.due(clock.instant(), lastMinute);
            if (minute != null) {
                lastMinute = minute;
                evaluate(minute).whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Evaluating the cron triggers of %s failed", minute);
                    } else if (!done.isEmpty()) {
                        long here = done.stream().filter(CronRun::claimed).count();
                        LOG.debugf("Cron minute %s: %d due, %d run here, %d run elsewhere", minute, done.size(), here,
                                done.size() - here);
                    }
                });
                Instant before = minute.minus(config.history());
                runs.prune(before).subscribe().with(n -> LOG.debugf("Pruned %d cron runs before %s", n, before),
                        f -> LOG.warnf(f, "Pruning cron runs failed"));
            }
        } catch (RuntimeException e) {
            LOG.error("Cron tick failed", e);
        } finally {
            scheduleNext();
        }
    }

    /**
     * Evaluates one minute: every due trigger is claimed and, when this replica got it, run and recorded. Completes
     * when every run of the minute has ended. Public for tests, which pass minutes of their choosing.
     */
    public CompletionStage<List<CronRun>> evaluate(Instant minute) {
        return triggers.due(minute).subscribeAsCompletionStage().thenCompose(due -> {
            List<CompletableFuture<CronRun>> started = due.stream()
                    .map(trigger -> claimAndRun(trigger, minute).toCompletableFuture()).toList();
            return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                    .thenApply(v -> started.stream().map(CompletableFuture::join).toList());
        });
    }

    private CompletionStage<CronRun> claimAndRun(CronTrigger trigger, Instant minute) {
        return runs.claim(trigger, minute, replica).subscribeAsCompletionStage().thenCompose(claimed -> {
            if (!claimed) {
                return CompletableFuture.completedFuture(CronRun.notClaimed(trigger, minute));
            }
            return attempt(trigger, minute, 1).thenCompose(run -> runs.finish(trigger, minute, run.outcome(), run.error(),
                    run.attempts()).subscribeAsCompletionStage().thenApply(v -> run));
        }).exceptionally(failure -> {
            LOG.errorf(failure, "Cron trigger '%s' of %s for %s failed", trigger.cron(), trigger.version().scriptName(),
                    minute);
            return new CronRun(trigger, minute, false, null, String.valueOf(failure.getMessage()), 0);
        });
    }

    private CompletionStage<CronRun> attempt(CronTrigger trigger, Instant minute, int attempt) {
        return invoker.run(trigger.version(), trigger.cron(), minute.toEpochMilli(), "cron", Context.root())
                .thenCompose(result -> {
                    if (!result.ok()) {
                        LOG.warnf("Cron trigger '%s' of %s for %s (attempt %d): %s %s", trigger.cron(),
                                trigger.version().scriptName(), minute, attempt, result.outcome(), result.error());
                        if (retries(result, attempt)) {
                            return attempt(trigger, minute, attempt + 1);
                        }
                    }
                    return CompletableFuture.completedFuture(new CronRun(trigger, minute, true, result.outcome(),
                            result.error(), attempt));
                });
    }

    private boolean retries(ScheduledResult result, int attempt) {
        return attempt == 1 && config.retryFailed() && !result.noRetry();
    }

    String replica() {
        return replica;
    }

    /** Who claimed a run, for operators reading {@code cron_runs}: host (pod) name and process id. */
    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "gateway" : host) + "/" + ProcessHandle.current().pid();
    }
}
