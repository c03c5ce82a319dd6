package dev.outpost.gateway.ingress;

import java.util.concurrent.ThreadLocalRandom;

/** CF-Ray style request ids: 16 hex digits, then the node's short name. */
public final class RequestIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    public static String next(String node) {
        // once per worker request: hex digits by hand rather than String.format (a Formatter and a parse each time)
        long random = ThreadLocalRandom.current().nextLong();
        StringBuilder id = new StringBuilder(17 + node.length());
        for (int shift = 60; shift >= 0; shift -= 4) {
            id.append(HEX[(int) (random >>> shift) & 0xf]);
        }
        return id.append('-').append(node).toString();
    }
}
