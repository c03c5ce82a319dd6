package dev.outpost.gateway.ingress;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * RT-12 through the upload API and the ingress: a version's date and flags are checked at upload (workerd's
 * wording in Cloudflare's envelope, nothing stored on refusal), stored, and followed by the runtime; RT-11:
 * a worker that can never respond gets workerd's 500 through the ingress.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class CompatibilityTrafficTest {

    @Inject
    WorkerIngressServer ingress;

    private RequestSpecification worker(String name) {
        return given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", name + ".localhost");
    }

    private static final String PROBE = """
            export default { async fetch(request) {
              if (new URL(request.url).pathname === '/never') return new Promise(() => {});
              const f = Cloudflare.compatibilityFlags;
              return new Response([typeof navigator, f.formdata_parser_supports_files, f.global_navigator, f.rpc,
                f.nodejs_compat].join(' '));
            } };""";

    private static String metadata(String date, String flagsJson) {
        return "{\"main_module\":\"index.js\",\"compatibility_date\":\"" + date + "\",\"compatibility_flags\":" + flagsJson
                + ",\"bindings\":[]}";
    }

    @Test
    void rt12DateAndFlagsReachTheRuntime() {
        ScriptUploads.upload("compat-old", metadata("2021-01-01", "[\"formdata_parser_supports_files\"]"), "index.js", PROBE)
                .statusCode(200).body("result.compatibility_date", equalTo("2021-01-01"))
                .body("result.compatibility_flags[0]", equalTo("formdata_parser_supports_files"));
        worker("compat-old").get("/").then().statusCode(200).body(equalTo("undefined true false false false"));
        ScriptUploads.upload("compat-new", metadata("2024-09-23", "[\"nodejs_compat\",\"no_global_navigator\"]"),
                "index.js", PROBE).statusCode(200);
        worker("compat-new").get("/").then().statusCode(200).body(equalTo("undefined true false true true"));
        ScriptUploads.upload("compat-plain", metadata("2024-09-23", "[]"), "index.js", PROBE).statusCode(200);
        worker("compat-plain").get("/").then().statusCode(200).body(equalTo("object true true true false"));
    }

    @Test
    void rt12UnknownFlagsAndBadDatesAreRefusedAndNothingIsWritten() {
        ScriptUploads.upload("compat-keep", metadata("2024-09-23", "[]"), "index.js", PROBE).statusCode(200);
        ScriptUploads.upload("compat-keep", metadata("2024-09-23", "[\"foo\"]"), "index.js",
                        "export default { fetch() { return new Response('replaced'); } };")
                .statusCode(400).body("success", equalTo(false)).body("errors[0].code", equalTo(10021))
                .body("errors[0].message", equalTo("No such compatibility flag: foo"));
        // the refused upload left the deployed version serving
        worker("compat-keep").get("/").then().statusCode(200).body(equalTo("object true true true false"));

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        ScriptUploads.upload("compat-future", metadata(tomorrow, "[]"), "index.js", PROBE).statusCode(400)
                .body("errors[0].code", equalTo(10021))
                .body("errors[0].message", equalTo("Can't set compatibility date in the future: " + tomorrow));
        ScriptUploads.upload("compat-future", metadata("2024-9-1", "[]"), "index.js", PROBE).statusCode(400)
                .body("errors[0].message", equalTo("Invalid compatibility date: 2024-9-1"));
        ScriptUploads.upload("compat-future", metadata("2021-01-01", "[\"url_standard\",\"url_original\",\"bar\"]"),
                        "index.js", PROBE).statusCode(400)
                .body("errors[0].message", equalTo("Compatibility flags are mutually contradictory: url_standard vs "
                        + "url_original\nNo such compatibility flag: bar"));
        ScriptUploads.upload("compat-future", metadata("2024-09-23", "\"rpc\""), "index.js", PROBE).statusCode(400)
                .body("errors[0].message", equalTo("metadata.compatibility_flags must be an array of strings"));
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts")
                .then().statusCode(200).body("result.id", not(hasItem("compat-future")));
    }

    @Test
    void rt11AWorkerThatCanNeverRespondGetsWorkerds500() {
        ScriptUploads.upload("compat-never", metadata("2024-09-23", "[]"), "index.js", PROBE).statusCode(200);
        // RT-14: the ingress shows the platform 500 as Cloudflare's 1101 page
        worker("compat-never").get("/never").then().statusCode(500).body(equalTo("error code: 1101"));
        worker("compat-never").get("/").then().statusCode(200);
    }
}
