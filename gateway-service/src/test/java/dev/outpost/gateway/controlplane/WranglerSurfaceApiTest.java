package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.ingress.WorkerIngressServer;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The endpoints wrangler calls around a deploy (API-4, API-5): services, workers.dev switches, script settings,
 * versions upload + deployment, keep_bindings, and the envelope for endpoints Outpost does not serve.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class WranglerSurfaceApiTest {
    static final String ACCOUNT_BASE = "/client/v4/accounts/" + ACCOUNT;
    static final String SCRIPTS = ACCOUNT_BASE + "/workers/scripts/";

    @Inject
    WorkerIngressServer ingress;

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    String worker(String host) {
        var r = given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", host).get("/");
        return r.statusCode() == 200 ? r.asString() : "HTTP " + r.statusCode();
    }

    @Test
    void unservedEndpointsNameTheMethodAndPath() {
        api().get(ACCOUNT_BASE + "/hyperdrive/configs").then().statusCode(404).body("success", equalTo(false))
                .body("errors[0].code", equalTo(7000))
                .body("errors[0].message", equalTo("Outpost does not serve GET /client/v4/accounts/" + ACCOUNT
                        + "/hyperdrive/configs (no route for that URI)"));
        // a method no resource serves on an existing path is named the same way
        api().patch(SCRIPTS + "some-worker/secrets").then().statusCode(404).body("errors[0].code", equalTo(7000))
                .body("errors[0].message", containsString("PATCH /client/v4/accounts/" + ACCOUNT + "/workers/scripts/some-worker/secrets"));
    }

    @Test
    void servicesAnswerForDeployedWorkersAnd10007OtherwiseAndDeleteThroughThem() {
        ScriptUploads.deploy("svc-worker", "[]", "export default { fetch() { return new Response('svc'); } };").statusCode(200);
        api().get(ACCOUNT_BASE + "/workers/services/svc-worker").then().statusCode(200)
                .body("result.id", equalTo("svc-worker"))
                .body("result.default_environment.environment", equalTo("production"))
                .body("result.default_environment.script.last_deployed_from", equalTo("wrangler"))
                .body("result.default_environment.script.handlers", hasItem("fetch"));
        api().get(ACCOUNT_BASE + "/workers/services/no-such-service").then().statusCode(404)
                .body("errors[0].code", equalTo(10007));
        api().delete(ACCOUNT_BASE + "/workers/services/svc-worker?force=true").then().statusCode(200);
        assertEquals("HTTP 404", worker("svc-worker.localhost"));
        api().get(ACCOUNT_BASE + "/workers/services/svc-worker").then().statusCode(404);
    }

    @Test
    void workersDevSwitchControlsHostRouting() {
        api().get(ACCOUNT_BASE + "/workers/subdomain").then().statusCode(200).body("result.subdomain", equalTo("outpost"));
        api().contentType("application/json").body("{\"subdomain\":\"Bad_Name\"}").put(ACCOUNT_BASE + "/workers/subdomain")
                .then().statusCode(400);
        ScriptUploads.deploy("dev-switch", "[]", "export default { fetch() { return new Response('on'); } };").statusCode(200);
        api().get(SCRIPTS + "dev-switch/subdomain").then().statusCode(200).body("result.enabled", equalTo(true));
        api().contentType("application/json").body("{\"enabled\":false,\"previews_enabled\":false}")
                .post(SCRIPTS + "dev-switch/subdomain").then().statusCode(200).body("result.enabled", equalTo(false));
        assertEquals("HTTP 404", worker("dev-switch.localhost"));
        api().contentType("application/json").body("{\"enabled\":true}").post(SCRIPTS + "dev-switch/subdomain").then()
                .statusCode(200).body("result.enabled", equalTo(true)).body("result.previews_enabled", equalTo(false));
        assertEquals("on", worker("dev-switch.outpost.workers.dev"));
    }

    @Test
    void scriptSettingsAreStoredAndSettingsShowBindingsWithoutSecretValues() {
        ScriptUploads.deploy("settings-worker", "[{\"type\":\"plain_text\",\"name\":\"MODE\",\"text\":\"a\"},"
                + "{\"type\":\"secret_text\",\"name\":\"KEY\",\"text\":\"hidden-value-9\"}]",
                "export default { fetch() { return new Response('s'); } };").statusCode(200);
        api().contentType("application/json").body("{\"logpush\":true,\"tags\":[\"team-a\"],\"observability\":{\"enabled\":false}}")
                .patch(SCRIPTS + "settings-worker/script-settings").then().statusCode(200)
                .body("result.logpush", equalTo(true));
        api().contentType("application/json").body("{\"usage_model\":\"bundled\"}")
                .patch(SCRIPTS + "settings-worker/script-settings").then().statusCode(400);
        String settings = api().get(SCRIPTS + "settings-worker/settings").then().statusCode(200)
                .body("result.logpush", equalTo(true)).body("result.tags[0]", equalTo("team-a"))
                .body("result.compatibility_date", equalTo("2025-01-01"))
                .body("result.bindings.name", hasItem("KEY")).extract().asString();
        assertEquals(-1, settings.indexOf("hidden-value-9"));
        assertEquals(-1, settings.indexOf("text_encrypted"));
        api().get(ACCOUNT_BASE + "/workers/services/settings-worker").then().statusCode(200)
                .body("result.default_environment.script.tags[0]", equalTo("team-a"));
    }

    /**
     * API-4/API-6: PATCH settings (multipart part {@code settings}, as wrangler's {@code secret bulk} sends it) with
     * bindings and compatibility settings makes and deploys a new version: {type, name} and inherit entries keep the
     * deployed binding (secrets included), left-out bindings go, non-versioned fields are stored alongside. Bad input
     * is refused with Cloudflare's codes and changes nothing.
     */
    @Test
    void settingsPatchWithBindingsAndCompatibilityDeploysANewVersion() {
        ScriptUploads.deploy("patched", "[{\"type\":\"plain_text\",\"name\":\"MODE\",\"text\":\"a\"},"
                + "{\"type\":\"secret_text\",\"name\":\"KEY\",\"text\":\"k1\"}]",
                "export default { fetch(r, env) { return new Response([env.MODE, env.KEY, env.NEW ?? '-'].join('|')); } };")
                .statusCode(200);
        assertEquals("a|k1|-", worker("patched.localhost"));
        api().multiPart("settings", "{\"bindings\":[{\"type\":\"plain_text\",\"name\":\"MODE\"},"
                        + "{\"type\":\"inherit\",\"name\":\"KEY\"},{\"type\":\"secret_text\",\"name\":\"NEW\",\"text\":\"n1\"}],"
                        + "\"compatibility_date\":\"2025-02-01\",\"logpush\":true,"
                        + "\"observability\":{\"enabled\":true,\"head_sampling_rate\":0.5},\"usage_model\":\"standard\"}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(200)
                .body("result.compatibility_date", equalTo("2025-02-01")).body("result.logpush", equalTo(true))
                .body("result.observability.head_sampling_rate", equalTo(0.5f))
                .body("result.bindings.name", hasItem("NEW")).body(not(containsString("n1")));
        assertEquals("a|k1|n1", worker("patched.localhost"));

        api().multiPart("settings", "{\"bindings\":[{\"type\":\"plain_text\",\"name\":\"MODE\",\"text\":\"b\"}]}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(200)
                .body("result.bindings.name", not(hasItem("KEY")));
        assertEquals("b||-", worker("patched.localhost"));

        api().multiPart("settings", "{\"bindings\":[{\"type\":\"inherit\",\"name\":\"MISSING\"}]}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(400).body("errors[0].code", equalTo(10056));
        api().multiPart("settings", "{\"compatibility_flags\":[\"no_such_flag\"],\"logpush\":false}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(400).body("errors[0].code", equalTo(10021));
        api().multiPart("settings", "{\"bindings\":[{\"type\":\"kv_namespace\",\"name\":\"KV\",\"namespace_id\":\"nope\"}]}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(400);
        api().multiPart("settings", "{\"cron_everything\":true}")
                .patch(SCRIPTS + "patched/settings").then().statusCode(400).body("errors[0].message",
                        containsString("cron_everything"));
        // nothing of the refused calls stuck: same bindings, logpush still on
        api().get(SCRIPTS + "patched/settings").then().statusCode(200).body("result.logpush", equalTo(true))
                .body("result.bindings.name", equalTo(java.util.List.of("MODE")));
        assertEquals("b||-", worker("patched.localhost"));
        api().multiPart("settings", "{\"bindings\":[]}").patch(SCRIPTS + "no-such-worker/settings").then()
                .statusCode(404);
    }

    @Test
    void aVersionUploadIsNotLiveUntilDeployedAndKeepsSecretsAndListedBindingTypes() {
        ScriptUploads.deploy("versioned", "[{\"type\":\"plain_text\",\"name\":\"MODE\",\"text\":\"one\"},"
                + "{\"type\":\"secret_text\",\"name\":\"KEY\",\"text\":\"k1\"}]",
                "export default { fetch(r, env) { return new Response('v1 ' + env.MODE + ' ' + env.KEY); } };").statusCode(200);
        assertEquals("v1 one k1", worker("versioned.localhost"));

        String metadata = "{\"main_module\":\"index.js\",\"compatibility_date\":\"2025-01-01\",\"bindings\":[],"
                + "\"keep_bindings\":[\"plain_text\"]}";
        String versionId = api().multiPart("metadata", "blob", metadata.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("index.js", "index.js", "export default { fetch(r, env) { return new Response('v2 ' + env.MODE + ' ' + env.KEY); } };"
                        .getBytes(StandardCharsets.UTF_8), "application/javascript+module")
                .post(SCRIPTS + "versioned/versions").then().statusCode(200)
                .body("result.number", equalTo(2)).body("result.resources.bindings.name", hasItem("MODE"))
                .extract().path("result.id");
        assertEquals("v1 one k1", worker("versioned.localhost"));

        api().contentType("application/json").body("{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + versionId
                + "\",\"percentage\":100}],\"annotations\":{\"workers/message\":\"m\"}}")
                .post(SCRIPTS + "versioned/deployments").then().statusCode(200);
        assertEquals("v2 one k1", worker("versioned.localhost"));

        // without keep_bindings, vars go but secrets stay (a deploy never drops secrets)
        ScriptUploads.deploy("versioned", "[]",
                "export default { fetch(r, env) { return new Response('v3 ' + env.MODE + ' ' + env.KEY); } };").statusCode(200);
        assertEquals("v3 undefined k1", worker("versioned.localhost"));
        api().get(SCRIPTS + "versioned/settings").then().statusCode(200).body("result.bindings.name", not(hasItem("MODE")));

        String noWorker = "{\"main_module\":\"index.js\"}";
        api().multiPart("metadata", "blob", noWorker.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("index.js", "index.js", "export default {fetch(){return new Response('x')}}".getBytes(StandardCharsets.UTF_8),
                        "application/javascript+module")
                .post(SCRIPTS + "never-uploaded/versions").then().statusCode(404).body("errors[0].code", equalTo(10007));
    }
}
