package dev.outpost.kv.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator's full-cluster shutdown call is behind the API token, and a single local node refuses it
 * (and keeps serving). The clustered path itself is exercised by ClusterRestartTest.
 */
@QuarkusTest
class KvClusterResourceTest {

    @Test
    void clusterShutdownNeedsTheTokenAndIsRefusedOnALocalNode() {
        given().post("/admin/kv/cluster/shutdown").then().statusCode(401).body("errors.code", contains(10000));
        given().header("Authorization", "Bearer test-token").post("/admin/kv/cluster/shutdown")
                .then().statusCode(400).body("success", equalTo(false))
                .body("errors[0].message", startsWith("Not clustered"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
