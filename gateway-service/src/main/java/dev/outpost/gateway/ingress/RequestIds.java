package dev.outpost.gateway.ingress;

import java.util.concurrent.ThreadLocalRandom;

/** CF-Ray style request ids: 16 hex digits, then the node's short name. */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next(String node) {
        return String.format("%016x", ThreadLocalRandom.current().nextLong()) + "-" + node;
    }
}
