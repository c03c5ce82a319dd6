package dev.outpost.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How many isolates one loaded worker version may use, and when the extra ones go away (issue 3's execution model).
 *
 * <p>A version starts with one isolate (compiled at deploy, so the first request is warm). One isolate serves many
 * concurrent requests, so more only help when its thread is saturated by JavaScript: the pool adds an isolate when
 * every isolate's thread was busy for more than {@code scaleUpUtilization} of the last sampling window, up to
 * {@code maxIsolates}. An extra isolate with no request for {@code idleTimeout} is closed; under memory pressure
 * (the process's resident memory above {@code memoryPressureBytes}) idle extras are closed at once.
 *
 * @param maxIsolates          isolates per worker version, at least 1
 * @param idleTimeout          idle time after which an isolate beyond the first is closed
 * @param scaleUpUtilization   share of wall time (0..1) every isolate's thread must be busy before another is added
 * @param memoryPressureBytes  resident set size above which idle extra isolates are closed without waiting; 0 = off
 */
public record IsolatePoolSettings(int maxIsolates, Duration idleTimeout, double scaleUpUtilization,
                                  long memoryPressureBytes) {
    public IsolatePoolSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxIsolates < 1) {
            throw new IllegalArgumentException("maxIsolates must be at least 1, was " + maxIsolates);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (!(scaleUpUtilization > 0 && scaleUpUtilization <= 1)) {
            throw new IllegalArgumentException("scaleUpUtilization must be in (0, 1], was " + scaleUpUtilization);
        }
        if (memoryPressureBytes < 0) {
            throw new IllegalArgumentException("memoryPressureBytes must not be negative");
        }
    }

    /** One isolate per core, extras closed after 60 s idle, scale-up at 75 % busy, no memory threshold. */
    public static IsolatePoolSettings defaults() {
        return new IsolatePoolSettings(Math.max(1, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(60),
                0.75, 0);
    }

    /** A single isolate per version, never more. */
    public static IsolatePoolSettings single() {
        return new IsolatePoolSettings(1, Duration.ofSeconds(60), 0.75, 0);
    }
}
