package dev.outpost.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How outbound {@code fetch()} reaches the network (checklist RT-8 and the SSRF guard of issue 3).
 *
 * @param allowedCidrs   ranges a worker may reach although the guard refuses them by default (loopback,
 *                       private, link-local, CGNAT, ...), e.g. {@code 127.0.0.1/32} for a local test server
 * @param deniedCidrs    ranges refused in addition to the built-in ones (the cluster's pod/service ranges)
 * @param connectTimeout TCP/TLS connect timeout of one hop
 * @param trustPem       PEM certificates trusted for https instead of the JDK's CAs (a private CA, tests); null: the JDK's
 */
public record FetchPolicy(List<String> allowedCidrs, List<String> deniedCidrs, Duration connectTimeout, Path trustPem) {
    public FetchPolicy {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        deniedCidrs = deniedCidrs == null ? List.of() : List.copyOf(deniedCidrs);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.ofSeconds(10));
    }

    /** Only public addresses, 10 s connect timeout. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(List.of(), List.of(), null, null);
    }
}
