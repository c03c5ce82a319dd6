package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The script upload API (API-1, API-2, API-3) over real HTTP against a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class ScriptsApiTest {
    static final String HELLO = "export default { fetch() { return new Response('hi'); } };";

    @Test
    void everyCallNeedsABearerToken() {
        given().get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts").then().statusCode(401)
                .body("success", equalTo(false)).body("errors[0].code", equalTo(10000));
        given().header("Authorization", "Bearer wrong").get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts")
                .then().statusCode(401);
    }

    @Test
    void aTokenNeverReachesAnotherAccount() {
        given().header("Authorization", "Bearer " + TOKEN)
                .get("/client/v4/accounts/ffffffffffffffffffffffffffffffff/workers/scripts")
                .then().statusCode(403).body("success", equalTo(false)).body("errors[0].code", equalTo(9109));
    }

    @Test
    void uploadStoresAVersionAndListsTheScript() {
        // API-2: result carries id, etag, handlers and the deployment (version) id
        ScriptUploads.deploy("api-hello", "[{\"type\":\"plain_text\",\"name\":\"GREETING\",\"text\":\"hey\"}]", HELLO)
                .statusCode(200).body("success", equalTo(true)).body("result.id", equalTo("api-hello"))
                .body("result.handlers", hasItem("fetch")).body("result.deployment_id", not(equalTo(null)))
                .body("result.compatibility_date", equalTo("2025-01-01"));
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts")
                .then().statusCode(200).body("result.id", hasItem("api-hello"));
    }

    @Test
    void aScriptThatDoesNotParseIsRefusedAndNothingIsWritten() {
        ScriptUploads.deploy("api-broken", "[]", "export default { fetch( { ")
                .statusCode(400).body("success", equalTo(false)).body("errors[0].code", equalTo(10021))
                .body("errors[0].message", containsString("SyntaxError"));
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts")
                .then().statusCode(200).body("result.id", not(hasItem("api-broken")));
    }

    @Test
    void badBindingsAreRefusedWithCloudflareCodes() {
        // API-3: unnamed binding 10052, unknown type, missing target 10056
        ScriptUploads.deploy("api-bind", "[{\"type\":\"plain_text\",\"text\":\"x\"}]", HELLO)
                .statusCode(400).body("errors[0].code", equalTo(10052));
        ScriptUploads.deploy("api-bind", "[{\"type\":\"hyperdrive\",\"name\":\"H\"}]", HELLO)
                .statusCode(400).body("errors[0].message", containsString("unsupported type"));
        ScriptUploads.deploy("api-bind",
                "[{\"type\":\"kv_namespace\",\"name\":\"KV\",\"namespace_id\":\"00000000000000000000000000000000\"}]",
                HELLO).statusCode(400).body("errors[0].code", equalTo(10056));
    }

    @Test
    void mainModuleMustBeUploaded() {
        ScriptUploads.upload("api-main", "{\"main_module\":\"missing.js\"}", "index.js", HELLO)
                .statusCode(400).body("errors[0].message", containsString("missing.js"));
        ScriptUploads.upload("api-main", "not json", "index.js", HELLO).statusCode(400)
                .body("success", equalTo(false));
    }

    @Test
    void deleteRemovesTheScript() {
        ScriptUploads.deploy("api-delete", "[]", HELLO).statusCode(200);
        given().header("Authorization", "Bearer " + TOKEN)
                .delete("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/api-delete").then().statusCode(200)
                .body("success", equalTo(true));
        given().header("Authorization", "Bearer " + TOKEN)
                .delete("/client/v4/accounts/" + ACCOUNT + "/workers/scripts/api-delete").then().statusCode(404)
                .body("errors[0].code", equalTo(10007));
    }

    @Test
    void kvNamespacesAreCreatedAndListedThroughTheKvService() {
        String id = given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body("{\"title\":\"api-ns\"}")
                .post("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces").then().statusCode(200)
                .body("result.title", equalTo("api-ns")).extract().path("result.id");
        given().header("Authorization", "Bearer " + TOKEN)
                .get("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces").then().statusCode(200)
                .body("result.id", hasItem(id));
    }
}
