package dev.outpost.localstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.ComponentStatus;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.LocalStackException;
import dev.outpost.localstack.deploy.ControlPlaneClient;
import dev.outpost.localstack.deploy.ControlPlaneException;
import dev.outpost.localstack.deploy.WorkerDeployer;
import dev.outpost.localstack.process.LogFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code outpost up|down|status|logs|deploy|env}: the command line over {@link LocalStack} (the same code the tests
 * use) and the control-plane API. Exit codes: 0 ok, 1 failed, 2 wrong usage.
 */
public final class OutpostCli {
    private final CliSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    OutpostCli(CliSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.getProperty("outpost.repo"), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, String repoProperty, PrintStream out, PrintStream err) {
        CliCommand command;
        CliSettings settings;
        try {
            command = CliParser.parse(args, LocalDate.now(ZoneOffset.UTC));
            settings = CliSettings.from(env, repoProperty, Path.of("").toAbsolutePath());
        } catch (UsageException e) {
            err.println("outpost: " + e.getMessage());
            err.println();
            err.println(CliParser.USAGE);
            return 2;
        }
        try {
            return new OutpostCli(settings, out, err).execute(command);
        } catch (LocalStackException | ControlPlaneException | IllegalArgumentException | IllegalStateException e) {
            err.println("outpost: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("outpost: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    int execute(CliCommand command) throws IOException, InterruptedException {
        if (command instanceof CliCommand.Up up) {
            return up(up);
        } else if (command instanceof CliCommand.Down) {
            stack(Component.all()).stop();
            out.println("local stack stopped (state kept in " + settings.stateDir() + ")");
            return 0;
        } else if (command instanceof CliCommand.Status) {
            return status();
        } else if (command instanceof CliCommand.Logs logs) {
            return logs(logs);
        } else if (command instanceof CliCommand.Deploy deploy) {
            return deploy(deploy);
        } else if (command instanceof CliCommand.Env) {
            EnvExports.lines(settings.ports(), stack(Component.all()).credentials()).forEach(out::println);
            return 0;
        } else {
            out.println(CliParser.USAGE);
            return 0;
        }
    }

    private LocalStack stack(java.util.Set<Component> components) {
        return LocalStack.builder()
                .stateDir(settings.stateDir())
                .repoDir(settings.repoDir())
                .portOffset(settings.ports().offset())
                .components(components)
                .output(out)
                .build();
    }

    private int up(CliCommand.Up up) {
        EnumSet<Component> components = up.components().isEmpty() ? EnumSet.allOf(Component.class) : EnumSet.copyOf(up.components());
        LocalStack stack = stack(components);
        out.println("starting the local stack in " + settings.stateDir() + " (port offset " + settings.ports().offset() + ")");
        stack.start();
        out.println();
        printStatus(stack.status());
        if (stack.components().contains(Component.GATEWAY)) {
            out.println();
            out.println("control-plane API: " + stack.apiBaseUrl() + "   workers: http://<name>.localhost:" + settings.ports().workerPort() + "/");
            out.println("for wrangler and S3 clients: eval \"$(bin/outpost env)\"");
        }
        return 0;
    }

    private int status() {
        List<ComponentStatus> statuses = stack(Component.all()).status();
        printStatus(statuses);
        return 0;
    }

    private void printStatus(List<ComponentStatus> statuses) {
        out.printf("%-24s %-8s %-8s %-6s %s%n", "COMPONENT", "STATE", "PID", "PORT", "READY");
        for (ComponentStatus s : statuses) {
            out.printf("%-24s %-8s %-8s %-6d %s%n", s.component().id(), s.running() ? "running" : "stopped",
                    s.pid().map(String::valueOf).orElse("-"), s.port(), s.ready() ? "yes" : "no");
        }
    }

    private int logs(CliCommand.Logs logs) throws InterruptedException {
        Path logsDir = settings.stateDir().resolve("logs");
        List<Component> which = logs.component().map(List::of).orElse(Arrays.asList(Component.values()));
        Map<String, Path> files = new LinkedHashMap<>();
        for (Component c : which) {
            Path f = logsDir.resolve(c.id() + ".log");
            if (logs.component().isPresent() || Files.exists(f)) {
                files.put(c.id(), f);
            }
        }
        if (files.isEmpty()) {
            err.println("outpost: no logs in " + logsDir + " yet (bin/outpost up writes them)");
            return 1;
        }
        for (var e : files.entrySet()) {
            if (files.size() > 1) {
                out.println("==> " + e.getKey() + " (" + e.getValue() + ") <==");
            } else if (!Files.exists(e.getValue()) && !logs.follow()) {
                err.println("outpost: " + e.getValue() + " does not exist yet");
                return 1;
            }
            LogFiles.tail(e.getValue(), logs.lines()).forEach(out::println);
        }
        if (logs.follow()) {
            LogFiles.follow(files, out, () -> Thread.currentThread().isInterrupted());
        }
        return 0;
    }

    private int deploy(CliCommand.Deploy deploy) throws IOException {
        LocalStack stack = stack(Component.all());
        ObjectMapper json = new ObjectMapper();
        ControlPlaneClient client = new ControlPlaneClient(stack.apiBaseUrl(), stack.credentials().accountId(),
                stack.credentials().apiToken(), json);
        try {
            JsonNode result = new WorkerDeployer(client, json).deploy(deploy.request());
            String name = result.path("id").asText(deploy.request().name());
            out.println("Deployed " + name + ": " + stack.workerUrl(name));
            if (result.hasNonNull("etag")) {
                out.println("  etag " + result.path("etag").asText());
            }
            return 0;
        } catch (ControlPlaneException e) {
            err.println("outpost: deploy of " + (deploy.request().name() != null ? deploy.request().name() : deploy.request().source())
                    + " failed:");
            e.messages().forEach(m -> err.println("  " + m));
            return 1;
        }
    }
}
