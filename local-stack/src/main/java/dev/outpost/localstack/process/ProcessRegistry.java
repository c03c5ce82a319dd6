package dev.outpost.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pid files and the processes behind them. A pid only counts as ours while that process is alive and its command
 * line contains the stack's marker: a stale pid file whose pid was recycled by someone else's process is ignored,
 * never signalled.
 */
public final class ProcessRegistry {
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String marker;

    /** @param marker text that every command line started by this stack contains (see StateLayout#processMarker) */
    public ProcessRegistry(String marker) {
        this.marker = marker;
    }

    public void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + pidFile + ": " + e.getMessage(), e);
        }
    }

    public static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The live process recorded in the pid file, if it is still ours. */
    public Optional<ProcessHandle> running(Path pidFile) {
        return readPid(pidFile).flatMap(this::ours);
    }

    /** The live process with this pid, if its command line carries our marker. */
    public Optional<ProcessHandle> ours(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
    }

    public boolean isOurs(ProcessHandle handle) {
        return handle.info().commandLine().map(cl -> cl.contains(marker)).orElse(false);
    }

    /**
     * Stops the process of a pid file if it is ours: SIGTERM, up to 15 s grace, then SIGKILL. Removes the pid file.
     *
     * @return the pid that was stopped, if any
     */
    public Optional<Long> stop(Path pidFile) {
        Optional<ProcessHandle> handle = running(pidFile);
        handle.ifPresent(ProcessRegistry::terminate);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file is harmless: its pid is checked before use
        }
        return handle.map(ProcessHandle::pid);
    }

    /** SIGTERM, wait up to {@link #STOP_GRACE}, then SIGKILL. */
    public static void terminate(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more we can do; status will show it
            }
        }
    }
}
