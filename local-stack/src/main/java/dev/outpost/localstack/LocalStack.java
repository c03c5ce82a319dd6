package dev.outpost.localstack;

import dev.outpost.localstack.config.CredentialStore;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;
import dev.outpost.localstack.config.StateLayout;
import dev.outpost.localstack.launch.LaunchPlanner;
import dev.outpost.localstack.launch.StackSettings;
import dev.outpost.localstack.process.LaunchSpec;
import dev.outpost.localstack.process.LogFiles;
import dev.outpost.localstack.process.ProcessRegistry;
import dev.outpost.localstack.process.ReadinessCheck;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The local stack: backing servers and services as child processes on 127.0.0.1, started in dependency order
 * (backing servers in parallel, then services in parallel). The processes outlive this object and the JVM that made
 * it; pid files in the state dir let a later {@code LocalStack} (or {@code outpost down}) find and stop them.
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.builder().stateDir(dir).repoDir(repo).portOffset(1000)
 *         .components(EnumSet.of(Component.POSTGRES, Component.KAFKA)).build();
 * stack.start();           // throws LocalStackException (after stopping what it started) when anything fails
 * stack.port(Component.KAFKA);
 * stack.stop();
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {
    public static final int FAILURE_LOG_LINES = 40;

    private final StateLayout layout;
    private final PortPlan ports;
    private final Credentials credentials;
    private final Set<Component> components;
    private final Duration startTimeout;
    private final PrintStream out;
    private final LaunchPlanner planner;
    private final ProcessRegistry registry;

    private LocalStack(Builder b) {
        this.layout = new StateLayout(b.stateDir);
        this.ports = new PortPlan(b.portOffset);
        this.credentials = new CredentialStore(layout.credentialsFile()).loadOrCreate();
        this.components = Collections.unmodifiableSet(EnumSet.copyOf(Component.withRequirements(b.components)));
        this.startTimeout = b.startTimeout;
        this.out = b.out;
        Path repo = b.repoDir != null ? b.repoDir : Path.of("").toAbsolutePath();
        Path stackLibs = b.stackLibsDir != null ? b.stackLibsDir : repo.resolve("local-stack/target/stack-libs");
        this.planner = new LaunchPlanner(new StackSettings(layout, ports, credentials, repo, stackLibs, ownClasses(),
                Path.of(System.getProperty("java.home"), "bin", "java"), b.extraProperties));
        this.registry = new ProcessRegistry(layout.processMarker());
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- queries

    public Set<Component> components() {
        return components;
    }

    public Credentials credentials() {
        return credentials;
    }

    public PortPlan ports() {
        return ports;
    }

    public StateLayout layout() {
        return layout;
    }

    public int port(Component c) {
        return ports.port(c);
    }

    /** http://127.0.0.1:PORT of a component's main port. */
    public String url(Component c) {
        return ports.baseUrl(c);
    }

    /** The control-plane API base for wrangler and {@code outpost deploy}: http://127.0.0.1:8080/client/v4 */
    public String apiBaseUrl() {
        return ports.apiBaseUrl();
    }

    public String workerUrl(String workerName) {
        return ports.workerUrl(workerName);
    }

    public Path logFile(Component c) {
        return layout.logFile(c);
    }

    /** The live process this stack started for a component, if any. */
    public Optional<ProcessHandle> process(Component c) {
        return registry.running(layout.pidFile(c));
    }

    public List<ComponentStatus> status() {
        List<ComponentStatus> result = new ArrayList<>();
        for (Component c : components) {
            Optional<ProcessHandle> p = process(c);
            boolean ready = p.isPresent() && planner.spec(c, 0).statusReadiness().isReady();
            result.add(new ComponentStatus(c, p.map(ProcessHandle::pid), p.isPresent(), ports.port(c), ready, layout.logFile(c)));
        }
        return result;
    }

    // ---------------------------------------------------------------- start

    /**
     * Starts every component that is not already running and waits until all are ready. On failure prints the last
     * lines of each failed component's log, stops what this call started and throws.
     */
    public void start() {
        List<String> missing = new ArrayList<>();
        for (Component c : components) {
            if (process(c).isEmpty()) {
                planner.missingArtifact(c).ifPresent(missing::add);
            }
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("cannot start the local stack:\n  " + String.join("\n  ", missing));
        }
        try {
            Files.createDirectories(layout.runDir());
            Files.createDirectories(layout.logsDir());
        } catch (IOException e) {
            throw new LocalStackException("cannot create " + layout.root() + ": " + e.getMessage(), e);
        }
        Set<Component> startedHere = ConcurrentHashMap.newKeySet();
        for (Component.Kind kind : Component.Kind.values()) {
            List<Component> phase = components.stream().filter(c -> c.kind() == kind).toList();
            Map<Component, Exception> failures = runPhase(phase, startedHere);
            if (!failures.isEmpty()) {
                StringBuilder msg = new StringBuilder("the local stack did not start:");
                failures.forEach((c, failure) -> {
                    msg.append("\n  ").append(c.id()).append(": ").append(failure.getMessage());
                    if (failure instanceof NotStartedException) {
                        out.println("---- " + c.id() + ": " + failure.getMessage());
                    } else {
                        out.println("---- " + c.id() + ": " + failure.getMessage() + "; last " + FAILURE_LOG_LINES
                                + " lines of " + layout.logFile(c));
                        LogFiles.tail(layout.logFile(c), FAILURE_LOG_LINES).forEach(l -> out.println("  | " + l));
                    }
                });
                if (!startedHere.isEmpty()) {
                    out.println("stopping what was started: " + String.join(", ", startedHere.stream().sorted().map(Component::id).toList()));
                    stopComponents(EnumSet.copyOf(startedHere));
                }
                throw new LocalStackException(msg.toString());
            }
        }
    }

    private Map<Component, Exception> runPhase(List<Component> phase, Set<Component> startedHere) {
        Map<Component, Exception> failures = Collections.synchronizedMap(new EnumMap<>(Component.class));
        if (phase.isEmpty()) {
            return failures;
        }
        AtomicBoolean abort = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(phase.size(), r -> {
            Thread t = new Thread(r, "local-stack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Component c : phase) {
                futures.add(pool.submit(() -> {
                    try {
                        startOne(c, startedHere, abort);
                    } catch (Exception e) {
                        failures.put(c, e instanceof LocalStackException ? e : new LocalStackException(e.toString(), e));
                        abort.set(true); // the others stop waiting: the whole start fails anyway
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort.set(true);
            failures.put(phase.get(0), new NotStartedException("interrupted"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    private void startOne(Component c, Set<Component> startedHere, AtomicBoolean abort) throws IOException, InterruptedException {
        Path pidFile = layout.pidFile(c);
        Optional<ProcessHandle> existing = process(c);
        if (existing.isPresent()) {
            out.println(c.id() + ": already running (pid " + existing.get().pid() + ")");
            awaitReady(c, existing.get(), planner.spec(c, 0).statusReadiness(), abort);
            return;
        }
        Files.deleteIfExists(pidFile); // stale: its process is gone or is not ours
        if (c == Component.POSTGRES) {
            stopOrphanedPostmaster(); // left behind if the postgres JVM was killed; it holds the port and the data dir
        }
        for (int port : ports.listeningPorts(c)) {
            if (ReadinessCheck.isListening(port)) {
                throw new NotStartedException("port " + port + " is already in use by another process"
                        + " (stop it, or choose other ports with OUTPOST_PORT_OFFSET)");
            }
        }
        Path log = layout.logFile(c);
        Files.writeString(log, "==== outpost local stack: starting " + c.id() + " at " + Instant.now() + " ====\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        planner.prepare(c);
        long logOffset = Files.size(log);
        LaunchSpec spec = planner.spec(c, logOffset);
        List<String> command = new ArrayList<>(detachPrefix());
        command.addAll(spec.command());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        // Workers see UTC as on workerd: V8's ICU takes its default time zone from TZ, never the host's zone.
        pb.environment().put("TZ", "UTC");
        pb.environment().putAll(spec.environment());
        Process process = pb.start();
        registry.writePid(pidFile, process.pid());
        startedHere.add(c);
        out.println(c.id() + ": started (pid " + process.pid() + "), waiting for " + spec.startReadiness().describe());
        awaitReady(c, process.toHandle(), spec.startReadiness(), abort);
    }

    private void awaitReady(Component c, ProcessHandle process, ReadinessCheck check, AtomicBoolean abort) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + startTimeout.toNanos();
        while (true) {
            if (check.isReady()) {
                out.printf("%s: ready on 127.0.0.1:%d after %.1f s%n", c.id(), ports.port(c), (System.nanoTime() - begin) / 1e9);
                return;
            }
            if (!process.isAlive()) {
                throw new LocalStackException("process " + process.pid() + " exited before it was ready");
            }
            if (abort.get()) {
                throw new LocalStackException("start abandoned because another component failed");
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("not ready after " + startTimeout.toSeconds() + " s (" + check.describe() + ")");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Starts children in a session of their own (setsid, when the system has it) so that a Ctrl-C or a closed
     * terminal after {@code outpost up} does not reach them. setsid execs in place: the pid stays the JVM's.
     */
    private static List<String> detachPrefix() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    // ---------------------------------------------------------------- stop

    /** Stops this stack's components that run (services first, then backing servers). Safe to call when nothing runs. */
    public void stop() {
        stopComponents(components);
    }

    @Override
    public void close() {
        stop();
    }

    private void stopComponents(Set<Component> which) {
        for (Component.Kind kind : List.of(Component.Kind.SERVICE, Component.Kind.BACKING)) {
            List<Component> phase = which.stream().filter(c -> c.kind() == kind).toList();
            if (phase.isEmpty()) {
                continue;
            }
            List<Thread> threads = new ArrayList<>();
            for (Component c : phase) {
                Thread t = new Thread(() -> stopOne(c), "local-stack-stop-" + c.id());
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void stopOne(Component c) {
        registry.stop(layout.pidFile(c)).ifPresent(pid -> out.println(c.id() + ": stopped (pid " + pid + ")"));
        if (c == Component.POSTGRES) {
            stopOrphanedPostmaster();
        }
    }

    /**
     * PostgreSQL runs as a daemon of pg_ctl, not as a child of the postgres JVM: if that JVM had to be killed, the
     * postmaster would survive it. It is ours when its command line names our data dir.
     */
    private void stopOrphanedPostmaster() {
        Path pidFile = layout.dataDir(Component.POSTGRES).resolve("pgdata").resolve("postmaster.pid");
        ProcessRegistry.readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(cl -> cl.contains(layout.root().toString())).orElse(false))
                .ifPresent(h -> {
                    ProcessRegistry.terminate(h);
                    out.println("postgres: stopped orphaned postmaster (pid " + h.pid() + ")");
                });
    }

    /** A failure before the process was launched: its log has nothing to say about it. */
    private static final class NotStartedException extends LocalStackException {
        NotStartedException(String message) {
            super(message);
        }
    }

    private static Path ownClasses() {
        try {
            return Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the local-stack classes", e);
        }
    }

    // ---------------------------------------------------------------- builder

    public static final class Builder {
        private Path stateDir;
        private Path repoDir;
        private Path stackLibsDir;
        private int portOffset;
        private Set<Component> components = Component.all();
        private Duration startTimeout = Duration.ofSeconds(180);
        private PrintStream out = System.out;
        private final Map<Component, Map<String, String>> extraProperties = new EnumMap<>(Component.class);

        private Builder() {
        }

        /** Where credentials, pid files, logs and data live (required). */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** The Outpost checkout (services' quarkus-run.jar and, by default, local-stack/target/stack-libs). Default: cwd. */
        public Builder repoDir(Path repoDir) {
            this.repoDir = repoDir;
            return this;
        }

        /** Overrides {@code <repo>/local-stack/target/stack-libs}. */
        public Builder stackLibsDir(Path stackLibsDir) {
            this.stackLibsDir = stackLibsDir;
            return this;
        }

        /** Added to every port (0..11206). */
        public Builder portOffset(int portOffset) {
            this.portOffset = portOffset;
            return this;
        }

        /** What to run; what these require is added (R2 needs S3, QUEUE needs KAFKA, GATEWAY needs POSTGRES). Default: all. */
        public Builder components(Set<Component> components) {
            this.components = EnumSet.copyOf(components);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Progress lines and failure logs go here. Default: System.out. */
        public Builder output(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Output to a line consumer instead of a stream. */
        public Builder output(Consumer<String> lines) {
            this.out = new PrintStream(new java.io.OutputStream() {
                private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    if (b == '\n') {
                        lines.accept(buf.toString(StandardCharsets.UTF_8));
                        buf.reset();
                    } else {
                        buf.write(b);
                    }
                }
            }, true, StandardCharsets.UTF_8);
            return this;
        }

        /** An extra -D system property for one service (wins over the launcher's own). */
        public Builder systemProperty(Component component, String key, String value) {
            extraProperties.computeIfAbsent(component, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public LocalStack build() {
            if (stateDir == null) {
                throw new IllegalArgumentException("stateDir is required");
            }
            if (components.isEmpty()) {
                throw new IllegalArgumentException("no components selected");
            }
            return new LocalStack(this);
        }
    }
}
