package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.ingress.WorkerIngressServer;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** API-6 / SVC-4: secrets are write-only, reach the worker as strings, and are encrypted at rest. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class SecretsApiTest {
    static final String BASE = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/";
    static final String SOURCE = "export default { fetch(r, env) { return new Response(String(env.API_KEY ?? 'none')); } };";

    @Inject
    WorkerIngressServer ingress;

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private String worker(String name) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", name + ".localhost")
                .get("/").then().statusCode(200).extract().asString();
    }

    private static String storedBindings() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT string_agg(bindings, ' ') FROM worker_versions")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aSecretReachesTheWorkerAndIsNeverStoredOrListedInClear() throws Exception {
        ScriptUploads.deploy("secretive", "[]", SOURCE).statusCode(200);
        assertEquals("none", worker("secretive"));

        api().contentType("application/json")
                .body("{\"name\":\"API_KEY\",\"text\":\"s3cr3t-value-42\",\"type\":\"secret_text\"}")
                .put(BASE + "secretive/secrets").then().statusCode(200).body("result.name", equalTo("API_KEY"));
        assertEquals("s3cr3t-value-42", worker("secretive"));
        api().get(BASE + "secretive/secrets").then().statusCode(200)
                .body("result.name", hasItem("API_KEY")).body("result[0].text", equalTo(null));
        String stored = storedBindings();
        assertFalse(stored.contains("s3cr3t-value-42"), "a secret is stored in clear");
        assertTrue(stored.contains("text_encrypted"));

        api().delete(BASE + "secretive/secrets/API_KEY").then().statusCode(200);
        assertEquals("none", worker("secretive"));
        api().delete(BASE + "secretive/secrets/API_KEY").then().statusCode(404);
    }

    @Test
    void secretsUploadedWithTheScriptAreSealedToo() throws Exception {
        ScriptUploads.deploy("secret-upload", "[{\"type\":\"secret_text\",\"name\":\"API_KEY\",\"text\":\"uploaded-xyz-77\"}]",
                SOURCE).statusCode(200);
        assertEquals("uploaded-xyz-77", worker("secret-upload"));
        assertFalse(storedBindings().contains("uploaded-xyz-77"));
    }

    @Test
    void badSecretsAreRefused() {
        ScriptUploads.deploy("secret-bad", "[{\"type\":\"plain_text\",\"name\":\"PLAIN\",\"text\":\"x\"}]", SOURCE)
                .statusCode(200);
        api().contentType("application/json").body("{\"name\":\"bad name\",\"text\":\"x\"}")
                .put(BASE + "secret-bad/secrets").then().statusCode(400);
        api().contentType("application/json").body("{\"name\":\"PLAIN\",\"text\":\"x\"}")
                .put(BASE + "secret-bad/secrets").then().statusCode(400).body("errors[0].code", equalTo(10021));
        api().contentType("application/json").body("{\"name\":\"BIG\",\"text\":\"" + "x".repeat(6000) + "\"}")
                .put(BASE + "secret-bad/secrets").then().statusCode(400);
        api().contentType("application/json").body("{\"name\":\"K\",\"text\":\"x\"}")
                .put(BASE + "no-such-worker/secrets").then().statusCode(404);
    }
}
