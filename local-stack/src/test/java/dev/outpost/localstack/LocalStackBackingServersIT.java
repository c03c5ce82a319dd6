package dev.outpost.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real backing servers, started through the same Java API as {@code outpost up}, from the stack-libs folders
 * that {@code package} filled. Runs in the integration-test phase (failsafe) for that reason.
 */
class LocalStackBackingServersIT {
    static final int OFFSET = 1000;
    static final Set<Component> BACKING = EnumSet.of(Component.POSTGRES, Component.KAFKA, Component.S3);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path state;

    static Path stackLibs() {
        return Path.of(System.getProperty("outpost.stack-libs", "target/stack-libs"));
    }

    private LocalStack.Builder stack(int offset, Set<Component> components) {
        return LocalStack.builder().stateDir(state).stackLibsDir(stackLibs()).portOffset(offset).components(components)
                .startTimeout(Duration.ofSeconds(90));
    }

    @Test
    void postgresKafkaAndS3StartAnswerOnTheirPortsAndStopWithoutLeftovers() throws Exception {
        LocalStack stack = stack(OFFSET, BACKING).build();
        Map<Component, Long> pids;
        try {
            stack.start();
            pids = Map.of(Component.POSTGRES, pid(stack, Component.POSTGRES), Component.KAFKA, pid(stack, Component.KAFKA),
                    Component.S3, pid(stack, Component.S3));
            assertEquals(55329, stack.port(Component.POSTGRES));
            assertEquals(20092, stack.port(Component.KAFKA));
            assertEquals(20000, stack.port(Component.S3));

            // PostgreSQL: the generated role logs in to its own database
            String jdbc = "jdbc:postgresql://127.0.0.1:" + stack.port(Component.POSTGRES) + "/outpost";
            try (Connection c = DriverManager.getConnection(jdbc, "outpost", stack.credentials().dbPassword());
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_user, current_database(), version()")) {
                assertTrue(rs.next());
                assertEquals("outpost", rs.getString(1));
                assertEquals("outpost", rs.getString(2));
                assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
            }

            // Kafka: one KRaft node that creates topics
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port(Component.KAFKA));
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
            try (Admin admin = Admin.create(props)) {
                assertEquals(1, admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).size());
                admin.createTopics(List.of(new NewTopic("it-topic", 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
                assertTrue(admin.listTopics().names().get(20, TimeUnit.SECONDS).contains("it-topic"));
            }

            // S3Proxy: healthy, and it enforces authentication
            assertEquals(200, get(stack.url(Component.S3) + "/healthz"));
            assertEquals(403, get(stack.url(Component.S3) + "/"));

            for (ComponentStatus s : stack.status()) {
                assertTrue(s.running() && s.ready(), s.toString());
            }

            // a second stack object on the same state dir adopts the running processes and the stored credentials
            LocalStack again = stack(OFFSET, BACKING).build();
            assertEquals(stack.credentials(), again.credentials());
            again.start();
            assertEquals(pids.get(Component.KAFKA), pid(again, Component.KAFKA));
        } finally {
            stack.stop();
        }
        for (var e : pids.entrySet()) {
            assertFalse(ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false), e.getKey() + " still runs");
            assertFalse(Files.exists(stack.layout().pidFile(e.getKey())), "pid file of " + e.getKey());
        }
        for (Component c : BACKING) {
            for (int port : stack.ports().listeningPorts(c)) {
                assertFalse(isListening(port), c + " still listens on " + port + " (orphaned child?)");
            }
        }
    }

    @Test
    void aFailedStartPrintsTheLogTailAndStopsWhatItStarted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack stack = stack(OFFSET + 200, EnumSet.of(Component.POSTGRES, Component.S3))
                .startTimeout(Duration.ofMillis(1)) // nothing is ready that fast
                .output(new PrintStream(out, true))
                .build();
        LocalStackException e = assertThrows(LocalStackException.class, stack::start);
        assertTrue(e.getMessage().contains("not ready after"), e.getMessage());
        assertTrue(out.toString().contains("last 40 lines of " + stack.logFile(Component.S3))
                || out.toString().contains("last 40 lines of " + stack.logFile(Component.POSTGRES)), out.toString());
        assertTrue(out.toString().contains("stopping what was started"), out.toString());
        for (Component c : EnumSet.of(Component.POSTGRES, Component.S3)) {
            assertTrue(stack.process(c).isEmpty(), c + " was left running");
            assertFalse(Files.exists(stack.layout().pidFile(c)));
        }
        assertFalse(isListening(stack.port(Component.POSTGRES)), "no orphaned postmaster");
    }

    @Test
    void aBusyPortFailsTheStartClearlyBeforeLaunchingAnything() throws Exception {
        LocalStack stack = stack(OFFSET + 300, EnumSet.of(Component.S3)).output(new PrintStream(new ByteArrayOutputStream())).build();
        try (ServerSocket squatter = new ServerSocket(stack.port(Component.S3), 50, InetAddress.getByName("127.0.0.1"))) {
            LocalStackException e = assertThrows(LocalStackException.class, stack::start);
            assertTrue(e.getMessage().contains("port " + stack.port(Component.S3) + " is already in use"), e.getMessage());
        }
        assertTrue(stack.process(Component.S3).isEmpty());
    }

    @Test
    void missingServiceJarsAreReportedWithTheBuildCommand() {
        LocalStack stack = stack(OFFSET + 400, EnumSet.of(Component.KV)).repoDir(state.resolve("no-repo")).build();
        LocalStackException e = assertThrows(LocalStackException.class, stack::start);
        assertTrue(e.getMessage().contains("kv-service") && e.getMessage().contains("mvn -B install -DskipTests -pl kv-service"),
                e.getMessage());
    }

    private static long pid(LocalStack stack, Component c) {
        return stack.process(c).orElseThrow(() -> new AssertionError(c + " not running")).pid();
    }

    private static int get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean isListening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
