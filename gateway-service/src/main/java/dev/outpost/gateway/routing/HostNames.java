package dev.outpost.gateway.routing;

import java.util.Locale;

/** Host header handling shared by route matching and host routing. */
public final class HostNames {
    private HostNames() {
    }

    /** Lower case, without a {@code :port}; IPv6 literals keep their brackets. */
    public static String withoutPort(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(0, colon) : name;
    }
}
