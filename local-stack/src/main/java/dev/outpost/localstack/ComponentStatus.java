package dev.outpost.localstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code status} reports for one component.
 *
 * @param pid     the process this stack started, while it is alive
 * @param running the pid file names a live process of this stack
 * @param ready   running and answering its health probe (HTTP health for services and S3, TCP for PostgreSQL and Kafka)
 */
public record ComponentStatus(Component component, Optional<Long> pid, boolean running, int port, boolean ready, Path logFile) {
}
