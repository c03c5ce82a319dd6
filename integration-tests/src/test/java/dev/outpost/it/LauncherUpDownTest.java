package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, scripted: {@code bin/outpost up} brings up the backing servers and all
 * six services and deploys the example; the printed URL answers; {@code bin/outpost down} stops
 * exactly what up started.
 */
class LauncherUpDownTest {
    static final int OFFSET = 3000;
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("bin/outpost").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("OUTPOST_HOME", home.toString());
        builder.environment().put("OUTPOST_PORT_OFFSET", Integer.toString(OFFSET));
        // The reactor built every module before this test runs.
        builder.environment().put("OUTPOST_SKIP_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bin/outpost " + String.join(" ", args) + " timed out");
        assertEquals(0, process.exitValue(), "bin/outpost " + String.join(" ", args) + ":\n" + output);
        return output;
    }

    @Test
    void upServesTheExampleAndDownStopsEverything() throws Exception {
        String up;
        try {
            up = run("up");
        } catch (AssertionError e) {
            run("down");
            throw e;
        }
        try {
            int workerPort = 8787 + OFFSET;
            assertTrue(up.contains("http://hello.localhost:" + workerPort + "/"), up);
            HttpClient http = ItStack.HTTP;
            HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + workerPort + "/"))
                    .header("Host", "hello.localhost").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode(), hello.body());
            assertTrue(hello.body().contains("Visits so far: 1"), hello.body());
            String status = run("status");
            for (String service : List.of("gateway", "kv", "r2", "d1", "durable", "queue", "postgres", "kafka", "s3")) {
                assertTrue(status.toLowerCase().contains(service), status);
            }
        } finally {
            List<Long> pids = pids();
            run("down");
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
            }
        }
    }

    private List<Long> pids() throws IOException {
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim());
                } catch (IOException | NumberFormatException e) {
                    return -1L;
                }
            }).filter(p -> p > 0).toList();
        }
    }
}
