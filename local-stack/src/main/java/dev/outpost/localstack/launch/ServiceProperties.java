package dev.outpost.localstack.launch;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.config.Credentials;
import dev.outpost.localstack.config.PortPlan;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The -D system properties each service is started with (they override the service's application.properties). */
public final class ServiceProperties {
    private ServiceProperties() {
    }

    public static Map<String, String> of(Component service, StackSettings s) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        PortPlan ports = s.ports();
        Credentials creds = s.credentials();
        String data = s.layout().dataDir(service).toString();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.http.port", Integer.toString(ports.port(service)));
        switch (service) {
            case KV -> {
                p.put("outpost.kv.data-dir", data + "/store");
                p.put("outpost.kv.api-token", creds.apiToken());
            }
            case R2 -> {
                p.put("outpost.r2.s3.endpoint", ports.baseUrl(Component.S3));
                p.put("outpost.r2.s3.access-key", creds.s3AccessKey());
                p.put("outpost.r2.s3.secret-key", creds.s3SecretKey());
                p.put("outpost.r2.api-token", creds.apiToken());
                // The S3 API key pair acts for the local account: `bin/outpost env` prints the same pair.
                p.put("outpost.r2.s3-api.access-key-id", creds.accountId());
                p.put("outpost.r2.s3-api.secret-access-key", creds.apiToken());
                p.put("outpost.r2.s3-api.account-id", creds.accountId());
                // ... and the key pairs of API tokens are resolved by the gateway.
                p.put("quarkus.grpc.clients.gateway.host", "127.0.0.1");
                p.put("quarkus.grpc.clients.gateway.port", Integer.toString(ports.port(Component.GATEWAY)));
            }
            case D1 -> {
                p.put("outpost.d1.data-dir", data + "/db");
                p.put("outpost.d1.api-token", creds.apiToken());
                p.put("outpost.d1.shards", "127.0.0.1:" + ports.port(Component.D1));
            }
            case DURABLE_OBJECT -> {
                p.put("outpost.durableobject.data-dir", data + "/objects");
                // DO placement: the one local shard (the list must match the gateway's durable-object.shards).
                p.put("outpost.durableobject.shards", "127.0.0.1:" + ports.port(Component.DURABLE_OBJECT));
                // the code of worker versions comes from the gateway (ObjectCodeService)
                p.put("quarkus.grpc.clients.gateway.host", "127.0.0.1");
                p.put("quarkus.grpc.clients.gateway.port", Integer.toString(ports.port(Component.GATEWAY)));
                // KV, R2 and queue bindings inside objects call their services directly (service bindings go to
                // the gateway above)
                for (Component target : EnumSet.of(Component.KV, Component.R2, Component.QUEUE)) {
                    String client = target.grpcClientName().orElseThrow();
                    p.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
                    p.put("quarkus.grpc.clients." + client + ".port", Integer.toString(ports.port(target)));
                }
                // D1 bindings inside objects: the owning shard (the list must match the gateway's d1.shards)
                p.put("outpost.durableobject.d1-shards", "127.0.0.1:" + ports.port(Component.D1));
            }
            case QUEUE -> {
                p.put("kafka.bootstrap.servers", "127.0.0.1:" + ports.port(Component.KAFKA));
                // push consumers run in the gateway's isolates
                p.put("quarkus.grpc.clients.gateway.host", "127.0.0.1");
                p.put("quarkus.grpc.clients.gateway.port", Integer.toString(ports.port(Component.GATEWAY)));
            }
            case GATEWAY -> {
                int pg = ports.port(Component.POSTGRES);
                p.put("outpost.gateway.worker-port", Integer.toString(ports.workerPort()));
                p.put("outpost.gateway.worker-host", "127.0.0.1");
                p.put("quarkus.datasource.username", Credentials.DB_USER);
                p.put("quarkus.datasource.password", creds.dbPassword());
                p.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pg + "/" + Credentials.DB_NAME);
                p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pg + "/" + Credentials.DB_NAME);
                for (Component target : EnumSet.of(Component.KV, Component.R2, Component.D1, Component.DURABLE_OBJECT, Component.QUEUE)) {
                    String client = target.grpcClientName().orElseThrow();
                    p.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
                    p.put("quarkus.grpc.clients." + client + ".port", Integer.toString(ports.port(target)));
                }
                // D1 placement: the one local shard (the list must match d1-service's outpost.d1.shards).
                p.put("outpost.gateway.d1.shards", "127.0.0.1:" + ports.port(Component.D1));
                p.put("outpost.gateway.durable-object.shards", "127.0.0.1:" + ports.port(Component.DURABLE_OBJECT));
                p.put("outpost.gateway.bootstrap.account-id", creds.accountId());
                p.put("outpost.gateway.bootstrap.token", creds.apiToken());
                p.put("outpost.gateway.bootstrap.token-id", creds.apiTokenId());
                p.put("outpost.gateway.secrets-key", creds.secretsKey());
            }
            default -> throw new IllegalStateException("no properties for " + service);
        }
        p.putAll(s.extraProperties().getOrDefault(service, Map.of()));
        return p;
    }

    /**
     * An extra property (LocalStack.Builder.systemProperty) that sets a service's -Xmx instead of the default,
     * e.g. "256m"; tests use it to prove bodies stream instead of being buffered.
     */
    public static final String MAX_HEAP_PROPERTY = "outpost.launcher.max-heap";

    /** Heap of a service JVM: the gateway runs the isolates and gets more. */
    public static String maxHeap(Component service) {
        return service == Component.GATEWAY ? "-Xmx1g" : "-Xmx512m";
    }
}
