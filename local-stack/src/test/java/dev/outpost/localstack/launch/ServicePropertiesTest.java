package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;
import dev.outpost.localstack.config.StateLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServicePropertiesTest {
    static final Credentials CREDS = new Credentials("0123456789abcdef0123456789abcdef", "tok", "6f1c2f9e-3b5a-4c1d-9e8f-0a1b2c3d4e5f", "AK", "SK", "dbpw", "c2VjcmV0cy1rZXk=");

    static StackSettings settings(int offset, Map<Component, Map<String, String>> extra) {
        return new StackSettings(new StateLayout(Path.of("/state")), new PortPlan(offset), CREDS, Path.of("/repo"),
                Path.of("/repo/local-stack/target/stack-libs"), Path.of("/repo/local-stack/target/classes"), Path.of("/usr/bin/java"), extra);
    }

    @Test
    void gatewayGetsDatabaseGrpcClientsWorkerPortAndBootstrapAccount() {
        Map<String, String> p = ServiceProperties.of(Component.GATEWAY, settings(1000, Map.of()));
        assertEquals("9080", p.get("quarkus.http.port"));
        assertEquals("127.0.0.1", p.get("quarkus.http.host"));
        assertEquals("9787", p.get("outpost.gateway.worker-port"));
        assertEquals("127.0.0.1", p.get("outpost.gateway.worker-host"));
        assertEquals("outpost", p.get("quarkus.datasource.username"));
        assertEquals("dbpw", p.get("quarkus.datasource.password"));
        assertEquals("postgresql://127.0.0.1:55329/outpost", p.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:55329/outpost", p.get("quarkus.datasource.jdbc.url"));
        assertEquals("127.0.0.1", p.get("quarkus.grpc.clients.kv.host"));
        assertEquals("9081", p.get("quarkus.grpc.clients.kv.port"));
        assertEquals("9082", p.get("quarkus.grpc.clients.r2.port"));
        assertEquals("9083", p.get("quarkus.grpc.clients.d1.port"));
        assertEquals("9084", p.get("quarkus.grpc.clients.durable-object.port"));
        assertEquals("9085", p.get("quarkus.grpc.clients.queue.port"));
        assertEquals(CREDS.accountId(), p.get("outpost.gateway.bootstrap.account-id"));
        assertEquals("tok", p.get("outpost.gateway.bootstrap.token"));
    }

    /** DO-6: an object's env reaches the gateway (code, service bindings), KV, R2, queues and the D1 shard. */
    @Test
    void durableObjectServiceGetsTheAddressesOfEveryBindingTarget() {
        Map<String, String> p = ServiceProperties.of(Component.DURABLE_OBJECT, settings(1000, Map.of()));
        assertEquals("9084", p.get("quarkus.http.port"));
        assertEquals("9080", p.get("quarkus.grpc.clients.gateway.port"));
        assertEquals("9081", p.get("quarkus.grpc.clients.kv.port"));
        assertEquals("9082", p.get("quarkus.grpc.clients.r2.port"));
        assertEquals("9085", p.get("quarkus.grpc.clients.queue.port"));
        assertEquals("127.0.0.1", p.get("quarkus.grpc.clients.queue.host"));
        assertEquals("127.0.0.1:9083", p.get("outpost.durableobject.d1-shards"));
        assertEquals("127.0.0.1:9084", p.get("outpost.durableobject.shards"));
    }

    @Test
    void eachServiceGetsItsDataDirBackendAndToken() {
        StackSettings s = settings(0, Map.of());
        assertEquals("/state/data/kv-service/store", ServiceProperties.of(Component.KV, s).get("outpost.kv.data-dir"));
        assertEquals("tok", ServiceProperties.of(Component.KV, s).get("outpost.kv.api-token"));
        Map<String, String> r2 = ServiceProperties.of(Component.R2, s);
        assertEquals("http://127.0.0.1:19000", r2.get("outpost.r2.s3.endpoint"));
        assertEquals("AK", r2.get("outpost.r2.s3.access-key"));
        assertEquals("SK", r2.get("outpost.r2.s3.secret-key"));
        assertEquals("tok", r2.get("outpost.r2.api-token"));
        assertEquals("/state/data/d1-service/db", ServiceProperties.of(Component.D1, s).get("outpost.d1.data-dir"));
        assertEquals("/state/data/durable-object-service/objects",
                ServiceProperties.of(Component.DURABLE_OBJECT, s).get("outpost.durableobject.data-dir"));
        assertEquals("127.0.0.1:19092", ServiceProperties.of(Component.QUEUE, s).get("kafka.bootstrap.servers"));
        assertEquals("8085", ServiceProperties.of(Component.QUEUE, s).get("quarkus.http.port"));
        assertEquals("8080", ServiceProperties.of(Component.QUEUE, s).get("quarkus.grpc.clients.gateway.port"),
                "Q-5: push consumers are delivered through the gateway");
    }

    @Test
    void extraPropertiesWinOverDefaults() {
        StackSettings s = settings(0, Map.of(Component.KV, Map.of("outpost.kv.api-token", "other", "x.y", "z")));
        Map<String, String> p = ServiceProperties.of(Component.KV, s);
        assertEquals("other", p.get("outpost.kv.api-token"));
        assertEquals("z", p.get("x.y"));
    }

    @Test
    void backingServersHaveNoServiceProperties() {
        assertThrows(IllegalArgumentException.class, () -> ServiceProperties.of(Component.KAFKA, settings(0, Map.of())));
    }

    @Test
    void commandLineCarriesTheMarkerHeapAndJar() {
        LaunchPlanner planner = new LaunchPlanner(settings(0, Map.of()));
        var spec = planner.spec(Component.GATEWAY, 0);
        assertEquals("/usr/bin/java", spec.command().get(0));
        assertEquals("-Doutpost.local-stack.home=/state", spec.command().get(1));
        assertEquals(true, spec.command().contains("-Xmx1g"));
        assertEquals(true, spec.command().contains("-Djava.net.preferIPv4Stack=true"));
        assertEquals(java.util.List.of("-jar", "/repo/gateway-service/target/quarkus-app/quarkus-run.jar"),
                spec.command().subList(spec.command().size() - 2, spec.command().size()));
        assertEquals(Path.of("/state/data/gateway-service"), spec.workDir());
        assertEquals(true, planner.spec(Component.KV, 0).command().contains("-Xmx512m"));
    }

    @Test
    void missingArtifactsSayHowToBuildThem() {
        LaunchPlanner planner = new LaunchPlanner(settings(0, Map.of()));
        String kv = planner.missingArtifact(Component.KV).orElseThrow();
        assertEquals(true, kv.contains("quarkus-run.jar") && kv.contains("-pl kv-service"), kv);
        String pg = planner.missingArtifact(Component.POSTGRES).orElseThrow();
        assertEquals(true, pg.contains("stack-libs/postgres") && pg.contains("-pl local-stack"), pg);
    }
}
