package dev.outpost.gateway.ingress;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the worker a request is for from its Host: {@code <worker>.<anything>} addresses worker
 * {@code <worker>} (so {@code hello.localhost:8787} reaches worker {@code hello}). Route patterns
 * take precedence over this (see {@link WorkerResolver}).
 */
public final class HostRouter {
    private HostRouter() {
    }

    public static Optional<String> scriptName(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return Optional.empty();
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        int dot = name.indexOf('.');
        if (dot <= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, dot));
    }
}
