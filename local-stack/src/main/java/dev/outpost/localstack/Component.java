package dev.outpost.localstack;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the local stack can run: three backing servers and the six services.
 * The declaration order is the start order; {@link #requires()} lists what must be up first.
 */
public enum Component {
    POSTGRES("postgres", Kind.BACKING, 54329, null, List.of("pg", "postgresql")),
    KAFKA("kafka", Kind.BACKING, 19092, null, List.of()),
    S3("s3", Kind.BACKING, 19000, null, List.of("s3proxy", "minio")),
    KV("kv-service", Kind.SERVICE, 8081, "kv", List.of("kv")),
    R2("r2-service", Kind.SERVICE, 8082, "r2", List.of("r2")),
    D1("d1-service", Kind.SERVICE, 8083, "d1", List.of("d1")),
    DURABLE_OBJECT("durable-object-service", Kind.SERVICE, 8084, "durable-object", List.of("durable-object", "do")),
    QUEUE("queue-service", Kind.SERVICE, 8085, "queue", List.of("queue", "queues")),
    GATEWAY("gateway-service", Kind.SERVICE, 8080, null, List.of("gateway"));

    /** Backing servers start before any service. */
    public enum Kind { BACKING, SERVICE }

    private final String id;
    private final Kind kind;
    private final int defaultPort;
    private final String grpcClientName;
    private final List<String> aliases;

    Component(String id, Kind kind, int defaultPort, String grpcClientName, List<String> aliases) {
        this.id = id;
        this.kind = kind;
        this.defaultPort = defaultPort;
        this.grpcClientName = grpcClientName;
        this.aliases = aliases;
    }

    /** Name of the pid file, the log file and the data folder; for services also the Maven module. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    /** The main port before the port offset is added. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Name of the gateway's gRPC client for this service (quarkus.grpc.clients.NAME.*), if the gateway calls it. */
    public Optional<String> grpcClientName() {
        return Optional.ofNullable(grpcClientName);
    }

    /** What must be running before this component can start (hard dependencies only). */
    public Set<Component> requires() {
        return switch (this) {
            case R2 -> EnumSet.of(S3);
            case QUEUE -> EnumSet.of(KAFKA);
            case GATEWAY -> EnumSet.of(POSTGRES);
            default -> EnumSet.noneOf(Component.class);
        };
    }

    /** The given components plus everything they require. */
    public static Set<Component> withRequirements(Set<Component> selected) {
        EnumSet<Component> all = selected.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(selected);
        for (Component c : selected) {
            all.addAll(c.requires());
        }
        return all;
    }

    /** Accepts the id (kv-service), the enum name (KV, durable_object) or a short alias (kv, do, pg). */
    public static Component parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Component c : values()) {
            if (c.id.equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n.replace('-', '_')) || c.aliases.contains(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Component::id).toList()));
    }

    public static Set<Component> all() {
        return EnumSet.allOf(Component.class);
    }
}
