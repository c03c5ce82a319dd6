package dev.outpost.localstack.config;

import dev.outpost.localstack.Component;

import java.nio.file.Path;

/**
 * Where a local stack keeps its state (default {@code <repo>/.outpost}):
 * <pre>
 *   credentials.properties   generated secrets (0600)
 *   run/&lt;component&gt;.pid       pids of the processes this stack started
 *   logs/&lt;component&gt;.log      stdout + stderr of each process
 *   data/&lt;component&gt;/         working dir and data of each process
 * </pre>
 */
public record StateLayout(Path root) {
    public StateLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path credentialsFile() {
        return root.resolve("credentials.properties");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path pidFile(Component c) {
        return runDir().resolve(c.id() + ".pid");
    }

    public Path logFile(Component c) {
        return logsDir().resolve(c.id() + ".log");
    }

    public Path dataDir(Component c) {
        return root.resolve("data").resolve(c.id());
    }

    /**
     * A system property put on every command line this stack starts. Finding it in a process's command line is
     * how {@code stop} knows a pid is still ours and not a recycled pid of someone else's process.
     */
    public String processMarker() {
        return "-Doutpost.local-stack.home=" + root;
    }
}
