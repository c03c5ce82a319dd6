package dev.outpost.gateway.ingress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RT-9 behind a trusted proxy: the proxy's CF-Connecting-IP, X-Forwarded-For and CF-IPCountry are used, the colo
 * is configured; and the scheduled endpoint can be switched off.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
@TestProfile(TrustedProxyTrafficTest.Profile.class)
class TrustedProxyTrafficTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outpost.gateway.trust-forwarded-headers", "true", "outpost.gateway.colo", "AMS",
                    "outpost.gateway.scheduled-endpoint.enabled", "false");
        }
    }

    @Inject
    WorkerIngressServer ingress;

    @Test
    void theProxysClientAddressAndCountryReachTheWorker() {
        ScriptUploads.deploy("proxied", "[]", """
                export default {
                  fetch(request) {
                    const h = (n) => request.headers.get(n);
                    return Response.json({ colo: request.cf.colo, country: request.cf.country ?? null,
                      eu: request.cf.isEUCountry ?? null, ip: h('cf-connecting-ip'), ipCountry: h('cf-ipcountry'),
                      xff: h('x-forwarded-for'), realIp: h('x-real-ip'), path: new URL(request.url).pathname });
                  },
                  scheduled() { throw new Error('must not run'); },
                };""").statusCode(200);
        JsonPath json = given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", "proxied.localhost")
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1").header("CF-IPCountry", "de")
                .get("/").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertEquals("AMS", json.getString("colo"));
        assertEquals("DE", json.getString("country"));
        assertEquals("1", json.getString("eu"));
        assertEquals("203.0.113.9", json.getString("ip"));
        assertEquals("DE", json.getString("ipCountry"));
        assertEquals("203.0.113.9, 10.0.0.1, 127.0.0.1", json.getString("xff"));
        assertEquals("203.0.113.9", json.getString("realIp"));
        // switched off: the path is the worker's own
        assertEquals("/cdn-cgi/handler/scheduled", given().baseUri("http://127.0.0.1").port(ingress.port())
                .header("Host", "proxied.localhost").get("/cdn-cgi/handler/scheduled").then().statusCode(200)
                .extract().jsonPath().getString("path"));
    }
}
