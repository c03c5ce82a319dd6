package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API-5 / CRON-2 / CRON-3: cron triggers are replaced as a set, validated first, and listed. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class SchedulesApiTest {
    static final String BASE = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/";

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/json");
    }

    @Test
    void putReplacesGetListsAndABadExpressionChangesNothing() {
        ScriptUploads.deploy("cron-worker", "[]", "export default { fetch() { return new Response('x'); } };").statusCode(200);
        api().get(BASE + "cron-worker/schedules").then().statusCode(200).body("result.schedules", hasSize(0));

        api().body("[{\"cron\":\"*/5 * * * *\"},{\"cron\":\"0 12 * * MON-FRI\"}]").put(BASE + "cron-worker/schedules")
                .then().statusCode(200).body("success", equalTo(true))
                .body("result.schedules.cron", equalTo(List.of("*/5 * * * *", "0 12 * * MON-FRI")));
        String created = api().get(BASE + "cron-worker/schedules").then().statusCode(200)
                .body("result.schedules.cron", equalTo(List.of("*/5 * * * *", "0 12 * * MON-FRI")))
                .extract().path("result.schedules[1].created_on");

        // one bad expression: Cloudflare's 10100, and the stored set is untouched
        api().body("[{\"cron\":\"0 0 * * *\"},{\"cron\":\"0 22 * * 0\"}]").put(BASE + "cron-worker/schedules")
                .then().statusCode(400).body("success", equalTo(false)).body("errors[0].code", equalTo(10100))
                .body("errors[0].message", containsString("day-of-week value 0 is outside 1-7"));
        api().body("[{\"cron\":\"61 * * * *\"}]").put(BASE + "cron-worker/schedules").then().statusCode(400)
                .body("errors[0].message", containsString("minute value 61"));
        api().body("[{\"cron\":\"* * * *\"}]").put(BASE + "cron-worker/schedules").then().statusCode(400)
                .body("errors[0].message", containsString("has 4 fields"));
        api().get(BASE + "cron-worker/schedules").then().statusCode(200)
                .body("result.schedules.cron", equalTo(List.of("*/5 * * * *", "0 12 * * MON-FRI")));

        // an unchanged expression keeps its created_on; a dropped one goes
        api().body("[{\"cron\":\"0 12 * * MON-FRI\"},{\"cron\":\"59 23 LW * *\"}]").put(BASE + "cron-worker/schedules")
                .then().statusCode(200);
        api().get(BASE + "cron-worker/schedules").then().statusCode(200)
                .body("result.schedules.cron", equalTo(List.of("0 12 * * MON-FRI", "59 23 LW * *")))
                .body("result.schedules[0].created_on", equalTo(created));

        api().body("[]").put(BASE + "cron-worker/schedules").then().statusCode(200).body("result.schedules", hasSize(0));
    }

    @Test
    void badBodiesAndMissingWorkers() {
        api().body("[{\"cron\":\"* * * * *\"}]").put(BASE + "no-such-cron-worker/schedules").then().statusCode(404)
                .body("errors[0].code", equalTo(10007));
        ScriptUploads.deploy("cron-bad", "[]", "export default { fetch() { return new Response('x'); } };").statusCode(200);
        api().body("{\"cron\":\"* * * * *\"}").put(BASE + "cron-bad/schedules").then().statusCode(400);
        api().body("[{\"schedule\":\"* * * * *\"}]").put(BASE + "cron-bad/schedules").then().statusCode(400)
                .body("errors[0].message", containsString("cron"));
        given().contentType("application/json").body("[]").put(BASE + "cron-bad/schedules").then().statusCode(401);
    }
}
