package dev.outpost.gateway.controlplane;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.outpost.gateway.ingress.WorkerIngressServer;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * DO-1, DO-2, DO-3, DO-4, API-5 (step 3) and API-9 through the upload API: migrations create, rename, delete and
 * transfer namespaces, bindings must name a class with a namespace, the script's migration_tag is the precondition
 * of the next migration, and a bound namespace hands the worker real ids.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class DurableObjectMigrationsApiTest {
    static final String NAMESPACES = "/client/v4/accounts/" + ACCOUNT + "/workers/durable_objects/namespaces";

    @Inject
    WorkerIngressServer ingress;

    private static final String SOURCE = """
            export class Counter {}
            export class Room {}
            export default {
              async fetch(request, env) {
                const u = new URL(request.url);
                if (u.pathname === '/ids') {
                  const a = env.COUNTER.idFromName('alice');
                  const b = env.COUNTER.idFromName('alice');
                  const c = env.COUNTER.newUniqueId();
                  const parsed = env.COUNTER.idFromString(a.toString());
                  let foreign = 'accepted';
                  try { env.COUNTER.idFromString('0'.repeat(64)); } catch (e) { foreign = e.message; }
                  let malformed = 'accepted';
                  try { env.COUNTER.idFromString('xyz'); } catch (e) { malformed = e.message; }
                  let call = 'resolved';
                  try { await env.COUNTER.get(a).fetch('https://do/'); } catch (e) { call = `${e.remote}/${e.retryable}`; }
                  return Response.json({ a: a.toString(), same: a.equals(b), name: a.name, uniqueName: c.name ?? null,
                    unique: c.toString() !== a.toString(), parsed: parsed.equals(a), foreign, malformed, call });
                }
                return new Response('ok');
              }
            };
            """;

    private static ValidatableResponse upload(String script, String bindings, String migrations) {
        String metadata = "{\"main_module\":\"worker.js\",\"compatibility_date\":\"2025-01-01\",\"bindings\":" + bindings
                + (migrations == null ? "" : ",\"migrations\":" + migrations) + "}";
        return ScriptUploads.upload(script, metadata, "worker.js", SOURCE).log().ifValidationFails();
    }

    private static String binding(String name, String cls) {
        return "[{\"type\":\"durable_object_namespace\",\"name\":\"" + name + "\",\"class_name\":\"" + cls + "\"}]";
    }

    private static List<Map<String, Object>> namespaces() {
        return given().header("Authorization", "Bearer " + TOKEN).get(NAMESPACES).then().statusCode(200)
                .extract().path("result");
    }

    @Test
    void migrationsCreateNamespacesAndBindingsGetRealIds() {
        upload("do-ids", binding("COUNTER", "Counter"),
                "{\"new_tag\":\"v1\",\"steps\":[{\"new_sqlite_classes\":[\"Counter\"]}]}").statusCode(200);
        Assertions.assertTrue(namespaces().stream().anyMatch(n -> "do-ids".equals(n.get("script"))
                && "Counter".equals(n.get("class")) && Boolean.TRUE.equals(n.get("use_sqlite"))
                && "do-ids_Counter".equals(n.get("name"))), () -> "namespaces: " + namespaces());

        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/scripts")
                .then().statusCode(200).body("result.find { it.id == 'do-ids' }.migration_tag", equalTo("v1"));
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/services/do-ids")
                .then().statusCode(200).body("result.default_environment.script.migration_tag", equalTo("v1"));

        Map<String, Object> ids = given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", "do-ids.localhost")
                .get("/ids").then().statusCode(200).extract().path("");
        Assertions.assertTrue(((String) ids.get("a")).matches("[0-9a-f]{64}"), ids::toString);
        Assertions.assertEquals(true, ids.get("same"));
        Assertions.assertEquals("alice", ids.get("name"));
        Assertions.assertNull(ids.get("uniqueName"));
        Assertions.assertEquals(true, ids.get("unique"));
        Assertions.assertEquals(true, ids.get("parsed"));
        Assertions.assertEquals("Durable Object ID is not valid for this namespace.", ids.get("foreign"));
        Assertions.assertEquals("Invalid Durable Object ID: must be 64 hex digits", ids.get("malformed"));
        // DO-5: no durable-object-service runs in this test, so the stub's call fails on the way (.remote false)
        // and is worth retrying (.retryable true); DurableObjectsIT covers calls that reach an object
        Assertions.assertEquals("false/true", ids.get("call"), ids::toString);

        // a redeploy without migrations keeps the namespace (and so the ids)
        upload("do-ids", binding("COUNTER", "Counter"), null).statusCode(200);
        String again = given().baseUri("http://127.0.0.1").port(ingress.port()).header("Host", "do-ids.localhost")
                .get("/ids").then().statusCode(200).extract().path("a");
        Assertions.assertEquals(ids.get("a"), again, "idFromName is stable across versions");
    }

    @Test
    void bindingToAClassWithoutMigrationIsRefusedAndNothingIsWritten() {
        upload("do-nomig", binding("COUNTER", "Counter"), null).statusCode(400)
                .body("success", equalTo(false)).body("errors[0].code", equalTo(10056))
                .body("errors[0].message", containsString("Did you forget to apply a Durable Object migration?"));
        given().header("Authorization", "Bearer " + TOKEN).get("/client/v4/accounts/" + ACCOUNT + "/workers/services/do-nomig")
                .then().statusCode(404);
    }

    @Test
    void oldTagMustMatchTheStoredMigrationTag() {
        upload("do-tags", "[]", "{\"new_tag\":\"v1\",\"new_classes\":[\"Counter\"]}").statusCode(200);
        upload("do-tags", "[]", "{\"old_tag\":\"v0\",\"new_tag\":\"v2\",\"steps\":[{\"new_classes\":[\"Room\"]}]}")
                .statusCode(400).body("errors[0].code", equalTo(10021))
                .body("errors[0].message", containsString("Migration tag precondition failed"));
        Assertions.assertTrue(namespaces().stream().noneMatch(n -> "do-tags".equals(n.get("script")) && "Room".equals(n.get("class"))),
                "the refused migration created nothing");
        upload("do-tags", "[]", "{\"old_tag\":\"v1\",\"new_tag\":\"v2\",\"steps\":[{\"new_classes\":[\"Room\"]}]}")
                .statusCode(200);
        // a class that already has a namespace cannot be created again
        upload("do-tags", "[]", "{\"old_tag\":\"v2\",\"new_tag\":\"v3\",\"new_classes\":[\"Room\"]}").statusCode(400)
                .body("errors[0].message", containsString("already has a Durable Object namespace"));
    }

    @Test
    void renameKeepsTheNamespaceDeleteNeedsTheBindingGoneAndTransferMovesIt() {
        upload("do-life", binding("C", "Counter"), "{\"new_tag\":\"v1\",\"new_classes\":[\"Counter\"]}").statusCode(200);
        Object id = namespaces().stream().filter(n -> "do-life".equals(n.get("script"))).findFirst().orElseThrow().get("id");

        upload("do-life", binding("C", "Room"),
                "{\"old_tag\":\"v1\",\"new_tag\":\"v2\",\"renamed_classes\":[{\"from\":\"Counter\",\"to\":\"Room\"}]}")
                .statusCode(200);
        Map<String, Object> renamed = namespaces().stream().filter(n -> "do-life".equals(n.get("script"))).findFirst()
                .orElseThrow();
        Assertions.assertEquals("Room", renamed.get("class"));
        Assertions.assertEquals(id, renamed.get("id"), "a rename keeps the namespace");

        upload("do-life", binding("C", "Room"), "{\"old_tag\":\"v2\",\"new_tag\":\"v3\",\"deleted_classes\":[\"Room\"]}")
                .statusCode(400).body("errors[0].message",
                        equalTo("Cannot apply --delete-class migration to class Room without also removing the binding that references it"));

        // another script takes the class over
        upload("do-taker", binding("R", "Room"), "{\"new_tag\":\"t1\",\"transferred_classes\":"
                + "[{\"from\":\"Room\",\"from_script\":\"do-life\",\"to\":\"Room\"}]}").statusCode(200);
        Map<String, Object> moved = namespaces().stream().filter(n -> id.equals(n.get("id"))).findFirst().orElseThrow();
        Assertions.assertEquals("do-taker", moved.get("script"));

        // a binding to a class of another script
        upload("do-user", "[{\"type\":\"durable_object_namespace\",\"name\":\"R\",\"class_name\":\"Room\","
                + "\"script_name\":\"do-taker\"}]", null).statusCode(200);
        upload("do-user2", "[{\"type\":\"durable_object_namespace\",\"name\":\"R\",\"class_name\":\"Room\","
                + "\"script_name\":\"do-life\"}]", null).statusCode(400).body("errors[0].code", equalTo(10056));

        upload("do-taker", "[]", "{\"old_tag\":\"t1\",\"new_tag\":\"t2\",\"deleted_classes\":[\"Room\"]}").statusCode(200);
        Assertions.assertTrue(namespaces().stream().noneMatch(n -> id.equals(n.get("id"))), "deleted");
    }

    @Test
    void malformedMigrationsAndBindingsAreRefused() {
        upload("do-bad", "[]", "[1,2]").statusCode(400).body("errors[0].code", equalTo(10021));
        upload("do-bad", "[]", "{\"new_tag\":\"v1\",\"renamed_classes\":[{\"from\":\"A\"}]}").statusCode(400)
                .body("errors[0].message", containsString("\"to\""));
        upload("do-bad", "[{\"type\":\"durable_object_namespace\",\"name\":\"X\"}]", null).statusCode(400)
                .body("errors[0].message", containsString("needs a class_name"));
        given().header("Authorization", "Bearer " + TOKEN)
                .get("/client/v4/accounts/ffffffffffffffffffffffffffffffff/workers/durable_objects/namespaces")
                .then().statusCode(403);
        Assertions.assertTrue(namespaces().stream().map(n -> n.get("script")).toList().stream().noneMatch("do-bad"::equals));
    }
}
