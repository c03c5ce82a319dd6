package dev.outpost.runtime.glue;

/**
 * The Java half of one JS-facing API: registers the host functions its prelude module calls.
 */
public interface HostApi {
    void register(HostObject host);
}
