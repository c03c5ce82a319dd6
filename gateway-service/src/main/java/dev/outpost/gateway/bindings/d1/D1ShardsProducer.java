package dev.outpost.gateway.bindings.d1;

import dev.outpost.gateway.config.GatewayConfig;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The gateway's {@link D1Shards} from {@code outpost.gateway.d1.*}. D1Shards is shared with durable-object-service
 * (shared-contracts/src/clients/java), so it takes plain values and each service makes its own from its config.
 */
public class D1ShardsProducer {
    @Produces
    @Singleton
    D1Shards shards(GatewayConfig config, OpenTelemetry telemetry) {
        return new D1Shards(config.d1().shards(), "outpost.gateway.d1.shards", config.d1().timeout(), telemetry);
    }

    void close(@Disposes D1Shards shards) {
        shards.close();
    }
}
