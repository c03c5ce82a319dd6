package dev.outpost.runtime.io;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The log of a worker (category {@code dev.outpost.worker}): console output and uncaught errors, every line
 * tagged with the worker name and the request id (in the message and in the MDC as {@code worker} and
 * {@code requestId}).
 */
final class WorkerLog {
    static final String CATEGORY = "dev.outpost.worker";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final String workerName;

    WorkerLog(String workerName) {
        this.workerName = workerName;
    }

    void log(Logger.Level level, RequestContext context, String message) {
        if (!LOG.isEnabled(level)) {
            return;
        }
        String requestId = context == null ? "-" : context.isStartup() ? "startup" : context.requestId();
        MDC.put("worker", workerName);
        MDC.put("requestId", requestId == null ? "-" : requestId);
        try {
            LOG.logf(level, "[worker=%s request=%s] %s", workerName, requestId, message);
        } finally {
            MDC.remove("worker");
            MDC.remove("requestId");
        }
    }

    /** Console levels to log levels. */
    static Logger.Level levelOf(String consoleLevel) {
        if (consoleLevel == null) {
            return Logger.Level.INFO;
        }
        return switch (consoleLevel) {
            case "error" -> Logger.Level.ERROR;
            case "warn" -> Logger.Level.WARN;
            case "debug" -> Logger.Level.DEBUG;
            default -> Logger.Level.INFO;
        };
    }
}
