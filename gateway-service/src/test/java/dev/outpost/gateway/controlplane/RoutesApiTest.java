package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.ingress.WorkerIngressServer;
import dev.outpost.gateway.routing.ZoneIds;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.OtherAccount;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API-5 routes: per-worker and zone CRUD, validation, cross-account refusal, and routing by Host and path. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class RoutesApiTest {
    static final String SCRIPTS = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/";
    static final String ZONE = ZoneIds.of("routes.test");

    @Inject
    WorkerIngressServer ingress;

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/json");
    }

    static void deploy(String name) {
        ScriptUploads.deploy(name, "[]", "export default { fetch(r) { return new Response('" + name
                + " ' + new URL(r.url).pathname); } };").statusCode(200);
    }

    Response request(String host, String path) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", host).get(path);
    }

    String served(String host, String path) {
        Response r = request(host, path);
        return r.statusCode() == 200 ? r.asString() : "HTTP " + r.statusCode();
    }

    @Test
    void workerRoutesSendTrafficToTheMostSpecificPattern() {
        deploy("routes-api");
        deploy("routes-www");
        api().body("[{\"pattern\":\"api.routes.test/v1/*\"}]").put(SCRIPTS + "routes-api/routes").then().statusCode(200)
                .body("result.pattern", equalTo(List.of("api.routes.test/v1/*")));
        api().body("[\"*.routes.test/*\", \"routes.test/*\"]").put(SCRIPTS + "routes-www/routes").then().statusCode(200)
                .body("result", hasSize(2));

        assertEquals("routes-api /v1/users", served("api.routes.test", "/v1/users?x=1"));
        assertEquals("routes-www /v2", served("api.routes.test:8787", "/v2"));
        assertEquals("routes-www /", served("www.routes.test", "/"));
        assertEquals("routes-www /a", served("routes.test", "/a"));
        // host routing still reaches a worker that has routes, until wrangler turns workers.dev off
        assertEquals("routes-api /", served("routes-api.localhost", "/"));

        // A PUT replaces the set: the api worker loses its route, the www pattern now catches that path
        api().body("[]").put(SCRIPTS + "routes-api/routes").then().statusCode(200).body("result", hasSize(0));
        assertEquals("routes-www /v1/users", served("api.routes.test", "/v1/users"));
        api().get(SCRIPTS + "routes-www/routes").then().statusCode(200)
                .body("result.pattern", equalTo(List.of("*.routes.test/*", "routes.test/*")))
                .body("result.script", equalTo(List.of("routes-www", "routes-www")));
    }

    @Test
    void zoneRoutesCrudIncludingExclusionRoutes() {
        deploy("zone-a");
        deploy("zone-b");
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/zones?name=Z.ZoneTest.Test&account.id=" + ACCOUNT)
                .then().statusCode(200).body("result[0].id", equalTo(ZoneIds.of("z.zonetest.test")))
                .body("result[0].name", equalTo("z.zonetest.test"));
        String zone = ZoneIds.of("z.zonetest.test");
        String id = api().body("{\"pattern\":\"z.zonetest.test/*\",\"script\":\"zone-a\"}")
                .post("/client/v4/zones/" + zone + "/workers/routes").then().statusCode(200)
                .body("result.script", equalTo("zone-a")).extract().path("result.id");
        assertEquals(32, id.length());
        // an exclusion route: no worker runs under /static/
        String exclusion = api().body("{\"pattern\":\"z.zonetest.test/static/*\"}")
                .post("/client/v4/zones/" + zone + "/workers/routes").then().statusCode(200)
                .body("result.script", equalTo(null)).extract().path("result.id");
        assertEquals("zone-a /x", served("z.zonetest.test", "/x"));
        assertEquals("HTTP 404", served("z.zonetest.test", "/static/app.js"));

        // the parent zone lists routes of its subdomains too
        api().get("/client/v4/zones/" + ZoneIds.of("zonetest.test") + "/workers/routes").then().statusCode(200)
                .body("result.pattern", equalTo(List.of("z.zonetest.test/*", "z.zonetest.test/static/*")));
        api().get("/client/v4/zones/" + zone + "/workers/routes/" + id).then().statusCode(200)
                .body("result.pattern", equalTo("z.zonetest.test/*"));

        api().body("{\"pattern\":\"z.zonetest.test/*\",\"script\":\"zone-b\"}")
                .put("/client/v4/zones/" + zone + "/workers/routes/" + id).then().statusCode(200)
                .body("result.script", equalTo("zone-b"));
        assertEquals("zone-b /x", served("z.zonetest.test", "/x"));

        api().delete("/client/v4/zones/" + zone + "/workers/routes/" + exclusion).then().statusCode(200);
        assertEquals("zone-b /static/app.js", served("z.zonetest.test", "/static/app.js"));
        api().delete("/client/v4/zones/" + zone + "/workers/routes/" + id).then().statusCode(200);
        api().get("/client/v4/zones/" + zone + "/workers/routes/" + id).then().statusCode(404)
                .body("success", equalTo(false)).body("errors[0].code", equalTo(10007));
        assertEquals("HTTP 404", served("z.zonetest.test", "/x"));
    }

    @Test
    void badPatternsAndTakenPatternsAreRefusedAndNothingIsWritten() {
        deploy("routes-bad");
        deploy("routes-other");
        api().body("[\"ok.routes-bad.test/*\", \"exa*mple.com/*\"]").put(SCRIPTS + "routes-bad/routes").then()
                .statusCode(400).body("success", equalTo(false))
                .body("errors[0].message", containsString("exa*mple.com/*"));
        api().get(SCRIPTS + "routes-bad/routes").then().statusCode(200).body("result", hasSize(0));

        api().body("[\"taken.routes.test/*\"]").put(SCRIPTS + "routes-other/routes").then().statusCode(200);
        api().body("[\"mine.routes.test/*\", \"taken.routes.test/*\"]").put(SCRIPTS + "routes-bad/routes").then()
                .statusCode(409).body("errors[0].code", equalTo(10020));
        api().get(SCRIPTS + "routes-bad/routes").then().statusCode(200).body("result", hasSize(0));

        api().body("{\"pattern\":\"elsewhere.test/*\",\"script\":\"routes-bad\"}")
                .post("/client/v4/zones/" + ZONE + "/workers/routes").then().statusCode(400)
                .body("errors[0].message", containsString("is not in zone"));
        api().body("[\"x.routes.test/*\"]").put(SCRIPTS + "no-such-worker/routes").then().statusCode(404);
        api().body("{\"pattern\":\"x\"}").put(SCRIPTS + "routes-bad/routes").then().statusCode(400);
    }

    @Test
    void anotherAccountNeitherSeesNorTakesTheseRoutes() throws Exception {
        OtherAccount.ensure();
        deploy("routes-mine");
        api().body("[\"owned.routes.test/*\"]").put(SCRIPTS + "routes-mine/routes").then().statusCode(200);
        RequestSpecification other = given().header("Authorization", "Bearer " + OtherAccount.TOKEN).contentType("application/json");
        other.get("/client/v4/zones/" + ZoneIds.of("owned.routes.test") + "/workers/routes").then().statusCode(200)
                .body("result", hasSize(0));
        other.get(SCRIPTS + "routes-mine/routes").then().statusCode(403).body("errors[0].code", equalTo(9109));
        other.body("[\"owned.routes.test/*\"]").put(SCRIPTS + "routes-mine/routes").then().statusCode(403);
        other.body("{\"pattern\":\"owned.routes.test/*\"}").post("/client/v4/zones/" + ZoneIds.of("owned.routes.test")
                + "/workers/routes").then().statusCode(409).body("errors[0].message", containsString("another account"));
        assertEquals("routes-mine /", served("owned.routes.test", "/"));
    }
}
