package dev.outpost.gateway.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/** Uploads scripts through the real control-plane API, the way wrangler does (API-2 multipart). */
public final class ScriptUploads {
    private ScriptUploads() {
    }

    public static ValidatableResponse upload(String name, String metadataJson, String... modules) {
        RequestSpecification request = given().header("Authorization", "Bearer " + GatewayTestResources.TOKEN)
                .multiPart("metadata", "blob", metadataJson.getBytes(StandardCharsets.UTF_8), "application/json");
        for (int i = 0; i + 1 < modules.length; i += 2) {
            request = request.multiPart(modules[i], modules[i], modules[i + 1].getBytes(StandardCharsets.UTF_8),
                    "application/javascript+module");
        }
        return request.put("/client/v4/accounts/" + GatewayTestResources.ACCOUNT + "/workers/scripts/" + name).then();
    }

    /** A service-worker script (RT-2): metadata {@code body_part}, the script as {@code application/javascript}. */
    public static ValidatableResponse uploadServiceWorker(String name, String bindingsJson, String source) {
        return given().header("Authorization", "Bearer " + GatewayTestResources.TOKEN)
                .multiPart("metadata", "blob", ("{\"body_part\":\"worker.js\",\"compatibility_date\":\"2025-01-01\","
                        + "\"bindings\":" + bindingsJson + "}").getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("worker.js", "worker.js", source.getBytes(StandardCharsets.UTF_8), "application/javascript")
                .put("/client/v4/accounts/" + GatewayTestResources.ACCOUNT + "/workers/scripts/" + name).then();
    }

    /** A one-module worker whose main module is {@code index.js}, with the given bindings JSON array. */
    public static ValidatableResponse deploy(String name, String bindingsJson, String source) {
        return upload(name, "{\"main_module\":\"index.js\",\"compatibility_date\":\"2025-01-01\",\"bindings\":"
                + bindingsJson + "}", "index.js", source);
    }
}
