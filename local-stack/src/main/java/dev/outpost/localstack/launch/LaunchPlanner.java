package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStackException;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.process.LaunchSpec;
import dev.outpost.localstack.process.ReadinessCheck;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the command line of each component and prepares its files (config, Kafka storage format) before it starts.
 */
public final class LaunchPlanner {
    /** PostgresServerMain prints this once the database is usable. */
    public static final String POSTGRES_READY_LINE = "OUTPOST-READY postgres";
    static final String POSTGRES_MAIN = "dev.outpost.localstack.postgres.PostgresServerMain";
    static final String DB_PASSWORD_ENV = "OUTPOST_DB_PASSWORD";

    private final StackSettings s;

    public LaunchPlanner(StackSettings settings) {
        this.s = settings;
    }

    public StackSettings settings() {
        return s;
    }

    /** What must exist on disk before this component can start, and is missing; empty when ready to go. */
    public Optional<String> missingArtifact(Component c) {
        Path needed = switch (c) {
            case POSTGRES, KAFKA -> s.stackLibs(c);
            case S3 -> s.stackLibs(c).resolve("s3proxy.jar");
            default -> s.serviceJar(c);
        };
        boolean present = c.isService() || c == Component.S3 ? Files.isRegularFile(needed) : isNonEmptyDir(needed);
        if (present) {
            return Optional.empty();
        }
        String build = c.isService() ? "mvn -B install -DskipTests -pl " + c.id() + " -am" : "mvn -B install -DskipTests -pl local-stack -am";
        return Optional.of(c.id() + ": " + needed + " is missing (build it: cd " + s.repoDir() + " && " + build + ")");
    }

    /** Creates folders and config files; for Kafka formats the storage on first start. Log lines go to the log file. */
    public void prepare(Component c) throws IOException {
        Path data = s.layout().dataDir(c);
        Files.createDirectories(data);
        Files.createDirectories(s.layout().logsDir());
        switch (c) {
            case KAFKA -> {
                writeProperties(data.resolve("server.properties"), KafkaConfig.serverProperties(s.ports(), kafkaLogDirs()));
                Files.writeString(data.resolve("log4j2.properties"), KafkaConfig.log4j2Properties(), StandardCharsets.UTF_8);
                formatKafkaStorageOnce();
            }
            case S3 -> {
                Path blobs = data.resolve("blobs");
                Files.createDirectories(blobs);
                writeProperties(data.resolve("s3proxy.conf"), S3ProxyConfig.properties(s.ports(), s.credentials(), blobs));
            }
            default -> {
                // postgres: PostgresServerMain makes its own data dir; services: the working dir above is enough
            }
        }
    }

    /** The command line, working dir and readiness checks; {@code logOffset} = log size before this start. */
    public LaunchSpec spec(Component c, long logOffset) {
        Path data = s.layout().dataDir(c);
        Path log = s.layout().logFile(c);
        int port = s.ports().port(c);
        List<String> cmd = javaPrefix();
        return switch (c) {
            case POSTGRES -> {
                cmd.addAll(List.of("-Xmx128m", "-cp", s.launcherClasses() + File.pathSeparator + s.stackLibs(c) + "/*",
                        POSTGRES_MAIN, "--port", Integer.toString(port), "--data-dir", data.resolve("pgdata").toString(),
                        "--user", Credentials.DB_USER, "--database", Credentials.DB_NAME));
                // the password travels in the environment, not on the command line
                yield new LaunchSpec(c, cmd, data, Map.of(DB_PASSWORD_ENV, s.credentials().dbPassword()),
                        ReadinessCheck.allOf(ReadinessCheck.logContains(log, logOffset, POSTGRES_READY_LINE), ReadinessCheck.tcp(port)),
                        ReadinessCheck.tcp(port));
            }
            case KAFKA -> {
                cmd.addAll(List.of("-Xmx512m", "-Xms256m", "-Dlog4j2.configurationFile=" + data.resolve("log4j2.properties"),
                        "-cp", s.stackLibs(c) + "/*", "kafka.Kafka", data.resolve("server.properties").toString()));
                yield new LaunchSpec(c, cmd, data, Map.of(),
                        ReadinessCheck.allOf(ReadinessCheck.logContains(log, logOffset, KafkaConfig.READY_LINE), ReadinessCheck.tcp(port)),
                        ReadinessCheck.tcp(port));
            }
            case S3 -> {
                cmd.addAll(List.of("-Xmx256m", "-jar", s.stackLibs(c).resolve("s3proxy.jar").toString(),
                        "--properties", data.resolve("s3proxy.conf").toString()));
                ReadinessCheck health = ReadinessCheck.http(s.ports().baseUrl(c) + "/healthz");
                yield new LaunchSpec(c, cmd, data, Map.of(), health, health);
            }
            default -> {
                String heap = s.extraProperties().getOrDefault(c, Map.of()).get(ServiceProperties.MAX_HEAP_PROPERTY);
                cmd.add(heap != null ? "-Xmx" + heap : ServiceProperties.maxHeap(c));
                ServiceProperties.of(c, s).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
                cmd.addAll(List.of("-jar", s.serviceJar(c).toString()));
                ReadinessCheck health = ReadinessCheck.http(s.ports().baseUrl(c) + "/q/health/ready");
                yield new LaunchSpec(c, cmd, data, Map.of(), health, health);
            }
        };
    }

    /** java + the stack marker first (so it is early in /proc/PID/cmdline) + IPv4 loopback. */
    List<String> javaPrefix() {
        List<String> cmd = new ArrayList<>();
        cmd.add(s.javaExecutable().toString());
        cmd.add(s.layout().processMarker());
        cmd.add("-Djava.net.preferIPv4Stack=true");
        return cmd;
    }

    Path kafkaLogDirs() {
        return s.layout().dataDir(Component.KAFKA).resolve("kraft-logs");
    }

    /** RECIPES: StorageTool random-uuid, then StorageTool format -t ID -c server.properties; only once per state dir. */
    private void formatKafkaStorageOnce() throws IOException {
        if (Files.exists(kafkaLogDirs().resolve("meta.properties"))) {
            return;
        }
        Path data = s.layout().dataDir(Component.KAFKA);
        Path idFile = data.resolve("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile, StandardCharsets.UTF_8).trim();
        } else {
            List<String> out = runStorageTool(List.of("random-uuid"), true);
            clusterId = out.isEmpty() ? "" : out.get(out.size() - 1).trim();
            if (!clusterId.matches("[A-Za-z0-9_-]{22}")) {
                throw new LocalStackException("kafka: StorageTool random-uuid printed no cluster id (got '" + clusterId + "')");
            }
            Files.writeString(idFile, clusterId + "\n", StandardCharsets.UTF_8);
        }
        runStorageTool(List.of("format", "-t", clusterId, "-c", data.resolve("server.properties").toString()), false);
    }

    private List<String> runStorageTool(List<String> args, boolean captureStdout) throws IOException {
        Path data = s.layout().dataDir(Component.KAFKA);
        Path log = s.layout().logFile(Component.KAFKA);
        List<String> cmd = javaPrefix();
        cmd.addAll(List.of("-Xmx256m", "-Dlog4j2.configurationFile=" + data.resolve("log4j2.properties"),
                "-cp", s.stackLibs(Component.KAFKA) + "/*", "kafka.tools.StorageTool"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(data.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Path out = Files.createTempFile(data, "storage-tool", ".out");
        pb.redirectOutput(captureStdout ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LocalStackException("kafka: StorageTool " + args.get(0) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new LocalStackException("kafka: StorageTool " + args.get(0) + " failed with exit code " + p.exitValue());
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("kafka: interrupted while formatting storage");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static void writeProperties(Path file, Map<String, String> props) throws IOException {
        StringBuilder sb = new StringBuilder("# written by the Outpost local stack at every start; edits are overwritten\n");
        props.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static boolean isNonEmptyDir(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
