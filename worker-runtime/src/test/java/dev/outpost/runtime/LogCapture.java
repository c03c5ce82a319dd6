package dev.outpost.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what jboss-logging writes (through java.util.logging) to the worker log category. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    static LogCapture worker() {
        return new LogCapture("dev.outpost.worker");
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (LogRecord r : records) {
            String message = r.getMessage();
            if (r.getParameters() != null && r.getParameters().length > 0) {
                message = java.text.MessageFormat.format(message, r.getParameters());
            }
            sb.append(r.getLevel()).append(' ').append(message).append('\n');
        }
        return sb.toString();
    }

    /** Waits up to two seconds for a line containing {@code fragment}. */
    boolean await(String fragment) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (text().contains(fragment)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
