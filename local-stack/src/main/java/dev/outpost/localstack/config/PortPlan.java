package dev.outpost.localstack.config;

import dev.outpost.localstack.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every port of the stack: the defaults plus one offset, so that several stacks (a developer's and a test's)
 * can run side by side. All ports bind 127.0.0.1.
 */
public record PortPlan(int offset) {
    public static final int WORKER_PORT = 8787;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    private static final int HIGHEST_DEFAULT = Component.POSTGRES.defaultPort();
    public static final int MAX_OFFSET = 65535 - HIGHEST_DEFAULT;

    public PortPlan {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("port offset must be between 0 and " + MAX_OFFSET + " (the highest port, "
                    + HIGHEST_DEFAULT + " + offset, must stay under 65536), was " + offset);
        }
    }

    /** Parses OUTPOST_PORT_OFFSET; blank means 0. */
    public static PortPlan parse(String offset) {
        if (offset == null || offset.isBlank()) {
            return new PortPlan(0);
        }
        try {
            return new PortPlan(Integer.parseInt(offset.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port offset must be a whole number, was '" + offset + "'");
        }
    }

    /** The main port of a component: HTTP (+gRPC) for services, the client port for backing servers. */
    public int port(Component component) {
        return component.defaultPort() + offset;
    }

    /** The gateway's worker ingress: http://NAME.localhost:PORT/ */
    public int workerPort() {
        return WORKER_PORT + offset;
    }

    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + offset;
    }

    /** All ports a component listens on (checked for conflicts before it starts). */
    public List<Integer> listeningPorts(Component component) {
        List<Integer> ports = new ArrayList<>();
        ports.add(port(component));
        if (component == Component.KAFKA) {
            ports.add(kafkaControllerPort());
        } else if (component == Component.GATEWAY) {
            ports.add(workerPort());
        }
        return ports;
    }

    public String baseUrl(Component component) {
        return "http://127.0.0.1:" + port(component);
    }

    /** The Cloudflare-shaped control-plane API base, as wrangler wants it (CLOUDFLARE_API_BASE_URL). */
    public String apiBaseUrl() {
        return baseUrl(Component.GATEWAY) + "/client/v4";
    }

    public String workerUrl(String workerName) {
        return "http://" + workerName + ".localhost:" + workerPort() + "/";
    }
}
