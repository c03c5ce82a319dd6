package dev.outpost.gateway.cron;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cron trigger runner (outpost.gateway.cron.*); each key is documented in the README. */
@ConfigMapping(prefix = "outpost.gateway.cron")
public interface CronConfig {

    /** Whether this replica fires cron triggers at all (any one replica with it on is enough for the cluster). */
    @WithDefault("true")
    boolean enabled();

    /** A failed run is run once more right away unless the handler called {@code controller.noRetry()}. */
    @WithDefault("true")
    boolean retryFailed();

    /** How long the record of a run ({@code cron_runs}) is kept; older rows are deleted once a minute. */
    @WithDefault("24h")
    Duration history();
}
