package dev.outpost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.localstack.Component;
import dev.outpost.localstack.LocalStack;
import dev.outpost.localstack.deploy.DeployRequest;
import dev.outpost.localstack.deploy.WorkerDeployer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRON-1 / CRON-3 end to end: a worker with a {@code * * * * *} trigger on two gateway replicas sharing PostgreSQL.
 * Both replicas evaluate every minute; the worker's {@code scheduled()} reports each run to an origin this test
 * serves, and runs exactly once per minute with {@code controller.cron} as configured and
 * {@code controller.scheduledTime} the minute. Waits for one real minute boundary.
 */
class CronTriggersEndToEndTest {
    static final int OFFSET = 2500;
    static final String CRON = "* * * * *";
    static final Pattern SUMMARY = Pattern.compile("Cron minute (\\S+): (\\d+) due, (\\d+) run here, (\\d+) run elsewhere");

    @TempDir
    static Path state;
    static LocalStack stack;
    static GatewayReplica replica;
    static HttpServer origin;
    static final List<JsonNode> reports = new CopyOnWriteArrayList<>();
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = ItStack.HTTP;

    @BeforeAll
    static void start() throws Exception {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/ran", exchange -> {
            reports.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        origin.start();
        stack = ItStack.builder(state, OFFSET, Component.POSTGRES, Component.KV, Component.GATEWAY)
                .systemProperty(Component.GATEWAY, "outpost.gateway.fetch.allowed-cidrs", "127.0.0.1/32")
                .systemProperty(Component.GATEWAY, "quarkus.log.category.\"dev.outpost.gateway.cron\".level", "DEBUG")
                .build();
        stack.start();
        replica = GatewayReplica.start(stack, state);
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (stack != null) {
            stack.stop();
        }
        if (origin != null) {
            origin.stop(0);
        }
    }

    @Test
    void everyMinuteTriggerRunsExactlyOnceAcrossTwoReplicasWithItsCronAndMinute() throws Exception {
        Path script = state.resolve("ticker.js");
        Files.writeString(script, """
                export default {
                  fetch() { return new Response('ticker'); },
                  async scheduled(controller, env, ctx) {
                    await fetch('http://127.0.0.1:%d/ran', { method: 'POST', body: JSON.stringify({
                      cron: controller.cron, scheduledTime: controller.scheduledTime, type: controller.type }) });
                  },
                };
                """.formatted(origin.getAddress().getPort()));
        new WorkerDeployer(ItStack.controlPlane(stack, new ObjectMapper()), new ObjectMapper())
                .deploy(new DeployRequest(script, "ticker", Map.of(), Map.of(), LocalDate.of(2025, 1, 1), List.of(), null));
        // the schedule goes in through the second replica: the first must fire it too
        int apiB = stack.port(Component.GATEWAY) + GatewayReplica.PORT_SHIFT;
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiB + "/client/v4/accounts/"
                        + stack.credentials().accountId() + "/workers/scripts/ticker/schedules"))
                .header("Authorization", "Bearer " + stack.credentials().apiToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"cron\":\"" + CRON + "\"}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        Instant scheduledAt = Instant.now();

        // CRON-1: the first minute boundary after the schedule was stored fires it (a minute and a bit at most)
        long deadline = System.currentTimeMillis() + 90_000;
        while (reports.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(!reports.isEmpty(), "no scheduled run within 90 s");
        JsonNode first = reports.get(0);
        long minute = first.get("scheduledTime").asLong();
        assertEquals(CRON, first.get("cron").asText());
        assertEquals("scheduled", first.get("type").asText());
        assertEquals(0, minute % 60_000, "scheduledTime is the start of a minute: " + minute);
        assertTrue(minute > scheduledAt.truncatedTo(ChronoUnit.MINUTES).toEpochMilli() - 1
                && minute <= Instant.now().toEpochMilli(), "scheduledTime " + minute + " is the minute that just began");

        // CRON-3: both replicas evaluated that minute; one ran the trigger, the other found it claimed
        String minuteText = Instant.ofEpochMilli(minute).toString();
        int[] here = new int[2];
        int[] elsewhere = new int[2];
        Path[] logs = {state.resolve("stack").resolve("logs").resolve("gateway-service.log"), state.resolve("replica.log")};
        long logDeadline = System.currentTimeMillis() + 20_000;
        do {
            Thread.sleep(500);
            for (int i = 0; i < 2; i++) {
                Matcher m = SUMMARY.matcher(Files.readString(logs[i], StandardCharsets.UTF_8));
                here[i] = 0;
                elsewhere[i] = 0;
                while (m.find()) {
                    if (m.group(1).equals(minuteText)) {
                        here[i] = Integer.parseInt(m.group(3));
                        elsewhere[i] = Integer.parseInt(m.group(4));
                    }
                }
            }
        } while (here[0] + elsewhere[0] + here[1] + elsewhere[1] < 2 && System.currentTimeMillis() < logDeadline);
        assertEquals(1, here[0] + elsewhere[0], "replica A evaluated " + minuteText);
        assertEquals(1, here[1] + elsewhere[1], "replica B evaluated " + minuteText);
        assertEquals(1, here[0] + here[1], "exactly one replica ran " + minuteText);
        assertEquals(1, reports.stream().filter(r -> r.get("scheduledTime").asLong() == minute).count(),
                "one run for " + minuteText + ": " + reports);
    }
}
