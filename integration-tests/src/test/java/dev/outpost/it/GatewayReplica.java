package dev.outpost.it;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second gateway process beside a running local stack: the first gateway's own command line with its API and
 * worker ports shifted by {@link #PORT_SHIFT}, on the same PostgreSQL (the replica tests' fixture).
 */
final class GatewayReplica implements AutoCloseable {
    static final int PORT_SHIFT = 100;
    private static final HttpClient HTTP = ItStack.HTTP;

    private final Process process;

    private GatewayReplica(Process process) {
        this.process = process;
    }

    /** Starts the replica (working dir and log under {@code dir}) and waits until it reports ready. */
    static GatewayReplica start(LocalStack stack, Path dir) throws Exception {
        ProcessHandle first = stack.process(Component.GATEWAY).orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(first.info().command().orElseThrow());
        for (String arg : first.info().arguments().orElseThrow()) {
            if (arg.startsWith("-Dquarkus.http.port=")) {
                arg = "-Dquarkus.http.port=" + (stack.port(Component.GATEWAY) + PORT_SHIFT);
            } else if (arg.startsWith("-Doutpost.gateway.worker-port=")) {
                arg = "-Doutpost.gateway.worker-port=" + (stack.ports().workerPort() + PORT_SHIFT);
            } else if (arg.startsWith("-Doutpost.local-stack.home=")) {
                continue;
            }
            command.add(arg);
        }
        Path log = dir.resolve("replica.log");
        Process process = new ProcessBuilder(command).directory(Files.createDirectories(dir.resolve("replica")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayReplica replica = new GatewayReplica(process);
        try {
            awaitReady("http://127.0.0.1:" + (stack.port(Component.GATEWAY) + PORT_SHIFT) + "/q/health/ready", log);
        } catch (Exception | AssertionError e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    private static void awaitReady(String url, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("replica not ready: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
