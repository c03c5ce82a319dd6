package dev.outpost.it.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reference runtime: Cloudflare's workerd from npm, installed once into {@code <repo>/.outpost/tools}, started
 * with one service and one socket per corpus script (port {@code basePort + index}).
 */
public final class Workerd implements AutoCloseable {
    /** Pinned so that a run is reproducible; workerd's version is its release date. */
    public static final String VERSION = "1.20261117.1";
    /** The default for every script on both runtimes (a script may name another, RT-12: see ConformanceCase). */
    public static final String COMPATIBILITY_DATE = "2024-09-23";

    private final Process process;
    private final Path log;

    private Workerd(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The workerd binary, installing the npm package into {@code <repo>/.outpost/tools/workerd-<version>} when absent. */
    public static Path install(Path repo) throws IOException, InterruptedException {
        Path dir = repo.resolve(".outpost/tools/workerd-" + VERSION);
        Path binary = dir.resolve("node_modules/@cloudflare/workerd-linux-64/bin/workerd");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Files.createDirectories(dir);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix",
                dir.toString(), "workerd@" + VERSION).redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm install workerd@" + VERSION + " failed (is Node.js installed? bin/outpost test "
                    + "installs it): " + Files.readString(dir.resolve("npm-install.log")));
        }
        if (!Files.isExecutable(binary)) {
            throw new IOException("npm installed workerd but " + binary + " is missing (not linux-x64?)");
        }
        return binary;
    }

    /** Writes the capnp config (scripts copied beside it, as {@code embed} paths are relative) and starts workerd. */
    public static Workerd start(Path binary, Path workDir, List<ConformanceCase> cases, int basePort)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        StringBuilder services = new StringBuilder();
        StringBuilder sockets = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            ConformanceCase c = cases.get(i);
            Path copy = workDir.resolve(c.name() + ".js");
            Files.copy(c.script(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String code = c.serviceWorker()
                    ? "serviceWorkerScript = embed \"" + c.name() + ".js\", "
                    : "modules = [(name = \"" + c.name() + ".js\", esModule = embed \"" + c.name() + ".js\")], ";
            services.append("    (name = \"").append(c.workerName()).append("\", worker = (").append(code)
                    .append("globalOutbound = \"origin-net\", compatibilityDate = \"").append(c.compatibilityDate())
                    .append("\", compatibilityFlags = [").append(flags(c.compatibilityFlags())).append("], bindings = [")
                    .append(bindings(c.vars())).append("])),\n");
            sockets.append("    (name = \"").append(c.workerName()).append("\", address = \"127.0.0.1:")
                    .append(basePort + i).append("\", http = (), service = \"").append(c.workerName()).append("\"),\n");
        }
        // The corpus's outbound fetches go to the test's origin server on loopback, which workerd's default
        // "internet" network (public addresses only) refuses.
        services.append("    (name = \"origin-net\", network = (allow = [\"public\", \"local\"])),\n");
        String config = "using Workerd = import \"/workerd/workerd.capnp\";\n"
                + "const config :Workerd.Config = (\n  services = [\n" + services + "  ],\n  sockets = [\n" + sockets
                + "  ],\n);\n";
        Path configFile = workDir.resolve("conformance.capnp");
        Files.writeString(configFile, config);
        Path log = workDir.resolve("workerd.log");
        Process process = new ProcessBuilder(binary.toString(), "serve", configFile.getFileName().toString(),
                "--verbose").directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Workerd workerd = new Workerd(process, log);
        workerd.awaitPorts(basePort, cases.size());
        return workerd;
    }

    private static String flags(List<String> flags) {
        return String.join(", ", flags.stream().map(Workerd::capnpString).toList());
    }

    private static String bindings(Map<String, JsonNode> vars) {
        StringBuilder b = new StringBuilder();
        vars.forEach((name, value) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append("(name = ").append(capnpString(name)).append(", ");
            b.append(value.isTextual() ? "text = " + capnpString(value.asText()) : "json = " + capnpString(value.toString()));
            b.append(")");
        });
        return b.toString();
    }

    private static String capnpString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private void awaitPorts(int basePort, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        for (int port = basePort; port < basePort + count; port++) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("workerd exited (" + process.exitValue() + "): " + logTail());
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException("workerd did not open port " + port + ": " + logTail());
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
