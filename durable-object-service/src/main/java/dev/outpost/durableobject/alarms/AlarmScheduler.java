package dev.outpost.durableobject.alarms;

import dev.outpost.durableobject.DurableObjectConfig;
import dev.outpost.durableobject.hosting.ObjectHost;
import dev.outpost.durableobject.placement.ObjectPlacement;
import dev.outpost.durableobject.storage.ObjectStorage;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * DO-12: runs the alarms of the objects this shard owns. Every {@code alarm-poll-interval} (and at once when an
 * alarm is set) it reads the due entries of the {@link AlarmIndex} — which survives restarts, so pending alarms are
 * found at startup without opening any object — and has {@link ObjectHost} run each, one at a time per object.
 * At-least-once: an entry leaves the index only after its {@code alarm()} succeeded (or gave up). A throw is retried
 * with exponential backoff from {@code alarm-retry-delay} (2 s, 4 s, 8 s ...), at most {@link #MAX_RETRIES} times,
 * then the alarm is dropped.
 */
@ApplicationScoped
public class AlarmScheduler {
    private static final Logger LOG = Logger.getLogger(AlarmScheduler.class);
    /** DO-12: Cloudflare retries a failing alarm up to six times. */
    static final int MAX_RETRIES = 6;

    private final AlarmIndex index;
    private final ObjectHost host;
    private final ObjectStorage storage;
    private final ObjectPlacement placement;
    private final DurableObjectConfig config;
    /** storage keys whose alarm is running: never two attempts of one alarm at once. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "do-alarms");
        t.setDaemon(true);
        return t;
    });

    public AlarmScheduler(AlarmIndex index, ObjectHost host, ObjectStorage storage, ObjectPlacement placement,
                          DurableObjectConfig config) {
        this.index = index;
        this.host = host;
        this.storage = storage;
        this.placement = placement;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        index.onChange(this::poke);
        long every = Math.max(10, config.alarmPollInterval().toMillis());
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Look at the index now (an alarm was set, or one finished). */
    void poke() {
        if (!timer.isShutdown()) {
            timer.execute(this::tick);
        }
    }

    private void tick() {
        try {
            for (AlarmEntry alarm : index.due(System.currentTimeMillis())) {
                // only the owner runs an object's alarms (the shard set may have changed since it was set)
                if (!placement.isLocal(alarm.objectId()) || alarm.accountId().isEmpty()
                        || !running.add(alarm.storageKey())) {
                    continue;
                }
                host.runAlarm(alarm).whenComplete((succeeded, failure) -> {
                    try {
                        record(alarm, failure != null ? Boolean.FALSE : succeeded, failure);
                    } finally {
                        running.remove(alarm.storageKey());
                    }
                });
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("cannot read the alarm index: %s", e.getMessage());
        }
    }

    private void record(AlarmEntry alarm, Boolean succeeded, Throwable failure) {
        try {
            if (succeeded == null) {
                return; // nothing ran: the object's storage no longer held this alarm
            }
            if (succeeded) {
                // success clears the alarm unless the handler set another one
                storage.clearAlarm(alarm.storageKey(), alarm.scheduled());
                return;
            }
            if (failure != null) {
                LOG.warnf("the alarm of Durable Object %s could not run (attempt %d): %s", alarm.storageKey(),
                        alarm.retryCount() + 1, failure.getMessage());
            }
            int retry = alarm.retryCount() + 1;
            if (retry > MAX_RETRIES) {
                LOG.errorf("dropping the alarm of Durable Object %s after %d retries", alarm.storageKey(), MAX_RETRIES);
                storage.clearAlarm(alarm.storageKey(), alarm.scheduled());
                return;
            }
            long delay = config.alarmRetryDelay().toMillis() << (retry - 1);
            index.retry(alarm.storageKey(), alarm.scheduled(), System.currentTimeMillis() + delay, retry);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("cannot record the alarm of Durable Object %s: %s", alarm.storageKey(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
