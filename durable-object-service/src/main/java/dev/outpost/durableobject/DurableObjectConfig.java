package dev.outpost.durableobject;

import io.smallrye.config.ConfigMapping;

/** Everything under {@code outpost.durableobject.*}. */
@ConfigMapping(prefix = "outpost.durableobject")
public interface DurableObjectConfig {
    /** Directory of this shard's per-object SQLite files. */
    String dataDir();
}
