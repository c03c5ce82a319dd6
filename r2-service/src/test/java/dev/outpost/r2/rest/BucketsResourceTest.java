package dev.outpost.r2.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.outpost.r2.support.S3ProxyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Cloudflare-style /client/v4/accounts/{account}/r2/buckets with its JSON envelope (API-7). */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
class BucketsResourceTest {

    static final String TOKEN = "Bearer outpost-dev-token";

    @Test
    void createGetListDeleteInTheEnvelope() {
        String account = "rest-" + System.nanoTime();
        String base = "/client/v4/accounts/" + account + "/r2/buckets";
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body("{\"name\":\"media\",\"locationHint\":\"enam\"}")
                .post(base).then().statusCode(200)
                .body("success", equalTo(true))
                .body("errors.size()", equalTo(0))
                .body("result.name", equalTo("media"))
                .body("result.location", equalTo("ENAM"))
                .body("result.creation_date", notNullValue());
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"name\":\"logs\"}")
                .post(base).then().statusCode(200);
        given().header("Authorization", TOKEN).get(base).then().statusCode(200)
                .body("result.buckets.name", contains("logs", "media"));
        given().header("Authorization", TOKEN).get(base + "?per_page=1").then().statusCode(200)
                .body("result.buckets.name", contains("logs"))
                .body("result_info.cursor", equalTo("logs"));
        given().header("Authorization", TOKEN).get(base + "?cursor=logs").then().statusCode(200)
                .body("result.buckets.name", contains("media"));
        given().header("Authorization", TOKEN).get(base + "/media").then().statusCode(200)
                .body("result.name", equalTo("media"));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"name\":\"media\"}")
                .post(base).then().statusCode(409)
                .body("success", equalTo(false)).body("errors[0].code", equalTo(10004));
        given().header("Authorization", TOKEN).delete(base + "/media").then().statusCode(200)
                .body("success", equalTo(true));
        given().header("Authorization", TOKEN).get(base + "/media").then().statusCode(404)
                .body("errors[0].code", equalTo(10006));
        given().header("Authorization", TOKEN).get(base).then()
                .body("result.buckets.name", not(hasItem("media")));
    }

    @Test
    void badInputAndMissingTokenGetEnvelopeErrors() {
        String base = "/client/v4/accounts/acct-rest-errors/r2/buckets";
        given().get(base).then().statusCode(401).body("success", equalTo(false)).body("errors[0].code", equalTo(10000));
        given().header("Authorization", "Bearer wrong").get(base).then().statusCode(401);
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{\"name\":\"Bad_Name\"}")
                .post(base).then().statusCode(400).body("errors[0].code", equalTo(10005));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{not json")
                .post(base).then().statusCode(400).body("success", equalTo(false));
        given().header("Authorization", TOKEN).get(base + "?per_page=5000").then().statusCode(400)
                .body("success", equalTo(false));
    }
}
