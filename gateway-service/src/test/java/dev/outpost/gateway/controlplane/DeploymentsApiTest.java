package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.outpost.gateway.ingress.WorkerIngressServer;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API-4: versions, deployments, and rollback by deploying an earlier version. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class DeploymentsApiTest {
    static final String BASE = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/";

    @Inject
    WorkerIngressServer ingress;

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private String body(String worker) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", worker + ".localhost")
                .get("/").then().statusCode(200).extract().asString();
    }

    private static String source(String text) {
        return "export default { fetch() { return new Response('" + text + "'); } };";
    }

    @Test
    void rollbackServesAnEarlierVersionAgain() {
        String v1 = ScriptUploads.deploy("rollme", "[]", source("one")).statusCode(200).extract().path("result.deployment_id");
        String v2 = ScriptUploads.deploy("rollme", "[]", source("two")).statusCode(200).extract().path("result.deployment_id");
        org.junit.jupiter.api.Assertions.assertEquals("two", body("rollme"));

        api().get(BASE + "rollme/versions").then().statusCode(200)
                .body("result.items.id", contains(v2, v1)).body("result.items.number", contains(2, 1));
        api().get(BASE + "rollme/versions/" + v1).then().statusCode(200)
                .body("result.id", equalTo(v1)).body("result.resources.script_runtime.compatibility_date",
                        equalTo("2025-01-01"));

        api().contentType("application/json")
                .body("{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + v1 + "\",\"percentage\":100}]}")
                .post(BASE + "rollme/deployments").then().statusCode(200)
                .body("result.versions[0].version_id", equalTo(v1));
        org.junit.jupiter.api.Assertions.assertEquals("one", body("rollme"));

        api().get(BASE + "rollme/deployments").then().statusCode(200)
                .body("result.deployments", hasSize(3))
                .body("result.deployments.versions.version_id.flatten()", equalTo(List.of(v1, v2, v1)));
    }

    @Test
    void badDeploymentsAreRefused() {
        String v1 = ScriptUploads.deploy("rollbad", "[]", source("x")).statusCode(200).extract().path("result.deployment_id");
        api().contentType("application/json")
                .body("{\"versions\":[{\"version_id\":\"" + v1 + "\",\"percentage\":50},{\"version_id\":\"" + v1
                        + "\",\"percentage\":50}]}")
                .post(BASE + "rollbad/deployments").then().statusCode(400).body("errors[0].code", equalTo(10021));
        api().contentType("application/json")
                .body("{\"versions\":[{\"version_id\":\"00000000-0000-0000-0000-000000000000\",\"percentage\":100}]}")
                .post(BASE + "rollbad/deployments").then().statusCode(400).body("success", equalTo(false));
        api().get(BASE + "no-such-worker/deployments").then().statusCode(404).body("errors[0].code", equalTo(10007));
        given().header("Authorization", "Bearer " + TOKEN)
                .get("/client/v4/accounts/ffffffffffffffffffffffffffffffff/workers/scripts/rollbad/versions")
                .then().statusCode(403);
    }
}
