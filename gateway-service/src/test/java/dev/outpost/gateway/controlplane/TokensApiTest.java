package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.OtherAccount;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API tokens: scopes read/edit per resource kind, no escalation, expiry (401), revocation, verify, accounts. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class TokensApiTest {
    static final String SCRIPTS = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts";

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    static JsonPath create(String creator, String body) {
        return as(creator).body(body).post("/client/v4/user/tokens").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReadOnlyTokenReadsButCannotEdit() {
        ScriptUploads.deploy("token-target", "[]", "export default { fetch() { return new Response('x'); } };").statusCode(200);
        JsonPath created = create(TOKEN, "{\"name\":\"reader\",\"scopes\":[\"workers:read\"]}");
        String value = created.getString("result.value");
        String id = created.getString("result.id");
        as(value).get(SCRIPTS).then().statusCode(200).body("result.id", hasItem("token-target"));
        as(value).body("[]").put(SCRIPTS + "/token-target/schedules").then().statusCode(403)
                .body("errors[0].code", equalTo(9109));
        as(value).get("/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces").then().statusCode(403);
        as(value).get("/client/v4/user/tokens/verify").then().statusCode(200)
                .body("result.id", equalTo(id)).body("result.status", equalTo("active"));
        // managing tokens needs the tokens scope
        as(value).body("{\"name\":\"x\",\"scopes\":[\"workers:read\"]}").post("/client/v4/user/tokens").then().statusCode(403);

        // listed without values; deleted, it stops working at once
        as(TOKEN).get("/client/v4/user/tokens").then().statusCode(200).body("result.name", hasItem("reader"))
                .body("result.value", not(hasItem(notNullValue())));
        as(TOKEN).delete("/client/v4/user/tokens/" + id).then().statusCode(200).body("result.id", equalTo(id));
        as(value).get(SCRIPTS).then().statusCode(401).body("errors[0].code", equalTo(10000));
        as(TOKEN).get("/client/v4/user/tokens/" + id).then().statusCode(404);
    }

    @Test
    void cloudflarePermissionGroupsMapOntoScopesAndATokenGrantsOnlyWhatItHolds() {
        JsonPath manager = create(TOKEN, "{\"name\":\"manager\",\"policies\":[{\"effect\":\"allow\",\"permission_groups\":"
                + "[{\"name\":\"API Tokens Write\"},{\"name\":\"Workers Scripts Read\"}]}]}");
        List<String> scopes = manager.getList("result.scopes");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("tokens:edit", "workers:read"), scopes);
        String value = manager.getString("result.value");
        as(value).body("{\"name\":\"escalate\",\"scopes\":[\"workers:edit\"]}").post("/client/v4/user/tokens").then()
                .statusCode(403).body("errors[0].message", containsString("workers:edit"));
        as(value).body("{\"name\":\"narrower\",\"scopes\":[\"workers:read\"]}").post("/client/v4/accounts/" + ACCOUNT + "/tokens")
                .then().statusCode(200).body("result.scopes", equalTo(List.of("workers:read")));
        as(TOKEN).body("{\"name\":\"bad\",\"scopes\":[\"workers:write\"]}").post("/client/v4/user/tokens").then()
                .statusCode(400).body("errors[0].message", containsString("Unknown scope"));
        as(TOKEN).body("{\"name\":\"bad\",\"policies\":[{\"permission_groups\":[{\"name\":\"Zone DNS Write\"}]}]}")
                .post("/client/v4/user/tokens").then().statusCode(400)
                .body("errors[0].message", containsString("Unsupported permission group"));
        as(TOKEN).body("{\"name\":\"none\"}").post("/client/v4/user/tokens").then().statusCode(400);
    }

    /** API-1: wrangler's CLOUDFLARE_API_KEY/CLOUDFLARE_EMAIL send X-Auth-Key/X-Auth-Email; the key is a token. */
    @Test
    void theTokenIsAlsoAcceptedAsXAuthKey() {
        given().header("X-Auth-Key", TOKEN).header("X-Auth-Email", "ops@example.com").get(SCRIPTS).then().statusCode(200)
                .body("success", equalTo(true));
        given().header("X-Auth-Key", "not-a-token").header("X-Auth-Email", "ops@example.com").get(SCRIPTS).then()
                .statusCode(401).body("errors[0].code", equalTo(10000));
    }

    @Test
    void anExpiredTokenGets401InTheEnvelope() throws Exception {
        OffsetDateTime expiry = OffsetDateTime.now().plusSeconds(10);
        String expires = expiry.toString();
        JsonPath created = create(TOKEN, "{\"name\":\"short\",\"scopes\":[\"workers:read\"],\"expires_on\":\"" + expires + "\"}");
        String value = created.getString("result.value");
        as(value).get(SCRIPTS).then().statusCode(200);
        Thread.sleep(Math.max(0, java.time.Duration.between(OffsetDateTime.now(), expiry).toMillis()) + 500);
        as(value).get(SCRIPTS).then().statusCode(401).body("success", equalTo(false))
                .body("errors[0].code", equalTo(10000)).body("errors[0].message", containsString("expired"));
        as(TOKEN).body("{\"name\":\"past\",\"scopes\":[\"workers:read\"],\"expires_on\":\"2020-01-01T00:00:00Z\"}")
                .post("/client/v4/user/tokens").then().statusCode(400);
    }

    @Test
    void tokensOfAnotherAccountAreInvisibleAndItsTokenSeesOnlyItself() throws Exception {
        OtherAccount.ensure();
        as(OtherAccount.TOKEN).get("/client/v4/user/tokens").then().statusCode(200)
                .body("result.name", not(hasItem("bootstrap")));
        as(OtherAccount.TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/tokens").then().statusCode(403);
        as(OtherAccount.TOKEN).get("/client/v4/accounts").then().statusCode(200)
                .body("result.id", equalTo(List.of(OtherAccount.ACCOUNT)));
        as(OtherAccount.TOKEN).get("/client/v4/memberships").then().statusCode(200)
                .body("result[0].account.id", equalTo(OtherAccount.ACCOUNT));
        as(TOKEN).get("/client/v4/accounts/" + OtherAccount.ACCOUNT).then().statusCode(403);
        as(TOKEN).get("/client/v4/accounts/" + ACCOUNT).then().statusCode(200).body("result.id", equalTo(ACCOUNT));
        as(TOKEN).get("/client/v4/user").then().statusCode(200).body("result.email", containsString(ACCOUNT));
    }
}
