package dev.outpost.d1.rest;

import dev.outpost.contracts.OutpostErrors;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.d1.D1TestClient;
import dev.outpost.d1.TempDataDir;
import dev.outpost.contracts.placement.RendezvousHash;
import dev.outpost.d1.storage.DatabaseRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import static dev.outpost.d1.D1TestClient.fails;
import static dev.outpost.d1.D1TestClient.stmt;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Placement with two configured shards where this process is shard 0 and shard 1 (at an address
 * nothing listens on) owns the id under test: this shard refuses with the owner's address and
 * never creates or writes the database.
 */
@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
@TestProfile(NonOwnerShardTest.TwoShards.class)
class NonOwnerShardTest {

    static final String OWNER = "127.0.0.1:1";

    public static class TwoShards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outpost.d1.shards", "127.0.0.1:8083," + OWNER, "outpost.d1.shard-index", "0");
        }
    }

    @Inject
    DatabaseRegistry registry;

    private static String idOwnedByShard1() {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (RendezvousHash.ownerIndex(id, 2) == 1) {
                return id;
            }
        }
    }

    @Test
    void nonOwnerRefusesWithTheOwnersAddressAndNeverWrites() throws Exception {
        String id = idOwnedByShard1();
        try (D1TestClient d1 = new D1TestClient(RestAssured.port)) {
            StatusRuntimeException e = fails(Status.Code.FAILED_PRECONDITION, "NOT_OWNER", () -> d1.stub().createDatabase(
                    CreateDatabaseRequest.newBuilder().setCaller(D1TestClient.caller("acct")).setName("misplaced")
                            .setDatabaseId(id).build()));
            assertEquals(OWNER, e.getTrailers().get(OutpostErrors.OWNER));
            e = fails(Status.Code.FAILED_PRECONDITION, "NOT_OWNER", () -> d1.query("acct", id, stmt("CREATE TABLE x (y)")));
            assertEquals(OWNER, e.getTrailers().get(OutpostErrors.OWNER));
            fails(Status.Code.FAILED_PRECONDITION, "NOT_OWNER", () -> d1.stub().getDatabase(D1TestClient.ref("acct", id)));
            // The account-wide list needs shard 1, which is down: a clear UNAVAILABLE, not a partial list.
            fails(Status.Code.UNAVAILABLE, "SHARD_UNAVAILABLE", () -> d1.stub().listDatabases(ListDatabasesRequest
                    .newBuilder().setCaller(D1TestClient.caller("acct")).build()));
            // This shard's own part is still available to the other shards.
            assertEquals(0, d1.stub().listDatabases(ListDatabasesRequest.newBuilder()
                    .setCaller(D1TestClient.caller("acct")).setLocalOnly(true).build()).getTotalCount());
        }
        // REST: 421 Misdirected Request naming the owner.
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("sql", "SELECT 1")).post("/client/v4/accounts/acct/d1/database/{id}/query", id)
                .then().statusCode(421).header("Outpost-D1-Owner", OWNER)
                .body("errors[0].message", containsString(OWNER)).body("success", equalTo(false));
        assertFalse(Files.exists(registry.dataDir().resolve("databases").resolve(id)), "nothing was written for the id");
        // Creating a name needs the other shard's answer too (names are unique per account across shards).
        given().header("Authorization", "Bearer test-token").contentType("application/json")
                .body(Map.of("name", "needs-peer")).post("/client/v4/accounts/acct/d1/database")
                .then().statusCode(503).body("errors[0].message", containsString(OWNER));
    }
}
