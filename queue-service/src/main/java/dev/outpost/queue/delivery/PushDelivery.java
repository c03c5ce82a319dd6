package dev.outpost.queue.delivery;

import dev.outpost.queue.messages.MessageLog;
import dev.outpost.queue.registry.QueueRecord;
import dev.outpost.queue.registry.QueueRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one {@link PushConsumerLoop} running per queue that has a worker consumer: every second it compares the
 * registry with the running loops, starts loops for new consumers, restarts those whose consumer settings changed
 * and stops those whose queue or consumer is gone.
 */
@ApplicationScoped
public class PushDelivery {
    private final QueueRegistry registry;
    private final GatewayDispatch dispatch;
    private final MessageLog log;
    private final String bootstrap;
    private final boolean enabled;
    private final Duration deliveryTimeout;
    private final Map<String, PushConsumerLoop> loops = new ConcurrentHashMap<>();
    private ScheduledExecutorService supervisor;

    public PushDelivery(QueueRegistry registry, GatewayDispatch dispatch, MessageLog log,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "outpost.queue.delivery.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "outpost.queue.delivery-timeout", defaultValue = "15m") Duration deliveryTimeout) {
        this.registry = registry;
        this.dispatch = dispatch;
        this.log = log;
        this.bootstrap = bootstrap;
        this.enabled = enabled;
        this.deliveryTimeout = deliveryTimeout;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-delivery-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(this::reconcile, 1, 1, TimeUnit.SECONDS);
    }

    void reconcile() {
        Set<String> wanted = new HashSet<>();
        for (QueueRecord q : registry.all()) {
            QueueRecord.ConsumerRecord consumer = q.consumers().stream().filter(c -> "worker".equals(c.type()))
                    .findFirst().orElse(null);
            if (consumer == null) {
                continue;
            }
            String key = q.accountId() + "/" + q.id();
            wanted.add(key);
            PushConsumerLoop loop = loops.get(key);
            if (loop != null && loop.alive() && loop.consumer().equals(consumer)) {
                loop.update(q);
                continue;
            }
            if (loop != null) {
                loop.stop();
            }
            PushConsumerLoop fresh = new PushConsumerLoop(bootstrap, dispatch, log,
                    queue -> registry.byName(queue.accountId(), consumer.deadLetterQueue()), deliveryTimeout, q,
                    consumer);
            loops.put(key, fresh);
            fresh.start();
        }
        loops.keySet().removeIf(key -> {
            if (wanted.contains(key)) {
                return false;
            }
            loops.get(key).stop();
            return true;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        loops.values().forEach(PushConsumerLoop::stop);
    }
}
