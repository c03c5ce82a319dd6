package dev.outpost.gateway.cron;

import dev.outpost.gateway.hosting.ActiveVersion;
import java.util.UUID;

/** One cron expression of a deployed worker, with the version that serves the worker now. */
public record CronTrigger(UUID workerId, String cron, ActiveVersion version) {
}
