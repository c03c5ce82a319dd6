package dev.outpost.d1;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.placement.RendezvousHash;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.outpost.d1.D1TestClient.fails;
import static dev.outpost.d1.D1TestClient.stmt;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tests that need real processes of the packaged service (target/quarkus-app/quarkus-run.jar):
 * durability across kill -9, and two shards on loopback. Run by failsafe after `package`.
 */
class D1ProcessIT {

    private static final String TOKEN = "it-token";
    private static final String BASE = "/client/v4/accounts/{account}/d1/database";

    /** One running d1-service process. */
    static final class Shard implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;

        Shard(Path dataDir, int port, String shards, int index) throws Exception {
            this.port = port;
            this.log = Files.createTempFile("d1-it-shard-" + index + "-", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                    "-Doutpost.d1.data-dir=" + dataDir, "-Doutpost.d1.api-token=" + TOKEN,
                    "-Doutpost.d1.shards=" + shards, "-Doutpost.d1.shard-index=" + index,
                    "-Dquarkus.otel.sdk.disabled=true", "-jar", System.getProperty("d1.jar", "target/quarkus-app/quarkus-run.jar"));
            pb.environment().put("OUTPOST_D1_PORT", Integer.toString(port));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            process = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("shard exited: " + Files.readString(log));
                }
                if (ready()) {
                    return;
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new IllegalStateException("shard not ready in 90 s: " + Files.readString(log));
        }

        private boolean ready() {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url("/q/health/ready")).toURL().openConnection();
                c.setConnectTimeout(500);
                return c.getResponseCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        String address() {
            return "127.0.0.1:" + port;
        }

        RequestSpecification api() {
            return given().baseUri("http://127.0.0.1").port(port).header("Authorization", "Bearer " + TOKEN)
                    .contentType(ContentType.JSON);
        }

        /** kill -9: no shutdown hook, no clean close of SQLite. */
        void kill9() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "killed by SIGKILL");
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void committedWritesSurviveKillDashNine() throws Exception {
        Path data = Files.createTempDirectory("d1-it-kill-");
        int port = freePort();
        String shards = "127.0.0.1:" + port;
        String id;
        String bookmarkBefore;
        int rows = 200;
        try (Shard shard = new Shard(data, port, shards, 0)) {
            id = shard.api().body(Map.of("name", "durable")).post(BASE, "acct").then().statusCode(200)
                    .extract().path("result.uuid");
            shard.api().body(Map.of("sql", "CREATE TABLE d (id INTEGER PRIMARY KEY, v TEXT)"))
                    .post(BASE + "/{id}/query", "acct", id).then().statusCode(200);
            bookmarkBefore = shard.api().get(BASE + "/{id}/time_travel/bookmark", "acct", id).then()
                    .extract().path("result.bookmark");
            for (int i = 1; i <= rows; i++) {
                // Each acknowledged write is a commit that must survive.
                shard.api().body(Map.of("sql", "INSERT INTO d (v) VALUES (?)", "params", List.of("row-" + i)))
                        .post(BASE + "/{id}/query", "acct", id).then().statusCode(200);
            }
            // Concurrent writers share fsyncs (group commit); every acknowledged one must survive too.
            try (D1TestClient grpc = new D1TestClient(port)) {
                var async = dev.outpost.contracts.d1.v1.D1ServiceGrpc.newFutureStub(grpc.channel);
                List<com.google.common.util.concurrent.ListenableFuture<?>> acks = new ArrayList<>();
                for (int i = 1; i <= rows; i++) {
                    acks.add(async.query(dev.outpost.contracts.d1.v1.QueryRequest.newBuilder()
                            .setDb(D1TestClient.ref("acct", id))
                            .addStatements(stmt("INSERT INTO d (v) VALUES (?)", D1TestClient.t("concurrent-" + i))).build()));
                }
                for (var ack : acks) {
                    ack.get(60, TimeUnit.SECONDS);
                }
            }
            shard.kill9();
        }
        try (Shard again = new Shard(data, port, shards, 0)) {
            again.api().body(Map.of("sql", "SELECT count(*) AS n, count(DISTINCT v) AS d FROM d; PRAGMA integrity_check"))
                    .post(BASE + "/{id}/query", "acct", id).then().statusCode(200)
                    .body("result[0].results[0].n", equalTo(2 * rows))
                    .body("result[0].results[0].d", equalTo(2 * rows))
                    .body("result[1].results[0].integrity_check", equalTo("ok"));
            // Time Travel survives the crash too: back to before the inserts.
            again.api().queryParam("bookmark", bookmarkBefore).post(BASE + "/{id}/time_travel/restore", "acct", id)
                    .then().statusCode(200);
            again.api().body(Map.of("sql", "SELECT count(*) AS n FROM d")).post(BASE + "/{id}/query", "acct", id)
                    .then().body("result[0].results[0].n", equalTo(0));
        } finally {
            TempDataDir.deleteQuietly(data);
        }
    }

    @Test
    void twoShardsOnLoopbackEachOwnTheirIdsAndRefuseOthers() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String shards = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        List<String> shardList = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
        Path dataA = Files.createTempDirectory("d1-it-a-");
        Path dataB = Files.createTempDirectory("d1-it-b-");
        try (Shard a = new Shard(dataA, portA, shards, 0); Shard b = new Shard(dataB, portB, shards, 1);
             D1TestClient grpcA = new D1TestClient(portA); D1TestClient grpcB = new D1TestClient(portB)) {
            // REST create on a shard picks an id that shard owns.
            String onA = a.api().body(Map.of("name", "alpha")).post(BASE, "acct").then().statusCode(200).extract().path("result.uuid");
            String onB = b.api().body(Map.of("name", "beta")).post(BASE, "acct").then().statusCode(200).extract().path("result.uuid");
            assertEquals(0, RendezvousHash.ownerIndex(onA, 2));
            assertEquals(1, RendezvousHash.ownerIndex(onB, 2));

            // The gateway's way: pick the id, compute the owner with the same class, call it.
            List<String> gatewayIds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = UUID.randomUUID().toString();
                String owner = RendezvousHash.owner(id, shardList);
                D1TestClient ownerClient = owner.equals(a.address()) ? grpcA : grpcB;
                D1TestClient other = owner.equals(a.address()) ? grpcB : grpcA;
                CreateDatabaseRequest req = CreateDatabaseRequest.newBuilder().setCaller(D1TestClient.caller("acct"))
                        .setName("g" + i).setDatabaseId(id).build();
                StatusRuntimeException refused = fails(Status.Code.FAILED_PRECONDITION, "NOT_OWNER",
                        () -> other.stub().createDatabase(req));
                assertEquals(owner, refused.getTrailers().get(OutpostErrors.OWNER));
                ownerClient.stub().createDatabase(req);
                ownerClient.query("acct", id, stmt("CREATE TABLE x (v)"), stmt("INSERT INTO x VALUES (" + i + ")"));
                gatewayIds.add(id);
            }

            // A non-owner refuses data calls with the owner's address and never writes the database.
            StatusRuntimeException e = fails(Status.Code.FAILED_PRECONDITION, "NOT_OWNER",
                    () -> grpcB.query("acct", onA, stmt("CREATE TABLE y (v)")));
            assertEquals(a.address(), e.getTrailers().get(OutpostErrors.OWNER));
            b.api().body(Map.of("sql", "SELECT 1")).post(BASE + "/{id}/query", "acct", onA).then().statusCode(421)
                    .header("Outpost-D1-Owner", a.address()).body("errors[0].message", containsString(a.address()));
            assertFalse(Files.exists(dataB.resolve("databases").resolve(onA)));
            assertTrue(Files.exists(dataA.resolve("databases").resolve(onA)));

            // Names are unique per account across shards; lists are account-wide from any shard.
            b.api().body(Map.of("name", "alpha")).post(BASE, "acct").then().statusCode(409).body("errors[0].code", equalTo(7502));
            List<String> all = new ArrayList<>(List.of(onA, onB));
            all.addAll(gatewayIds);
            a.api().get(BASE, "acct").then().statusCode(200).body("result_info.total_count", equalTo(6))
                    .body("result.uuid", hasItems(all.toArray(new String[0])));
            b.api().get(BASE, "acct").then().statusCode(200).body("result_info.total_count", equalTo(6));
        } finally {
            TempDataDir.deleteQuietly(dataA);
            TempDataDir.deleteQuietly(dataB);
        }
    }
}
