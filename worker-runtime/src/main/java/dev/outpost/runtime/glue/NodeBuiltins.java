package dev.outpost.runtime.glue;

import java.util.Map;

/**
 * RT-6: the {@code node:*} built-in modules Outpost provides under {@code nodejs_compat}, and the prelude file
 * implementing each. As in workerd, {@code nodejs_compat} alone (before 2024-09-23) resolves only the
 * {@code node:} prefixed names; {@code nodejs_compat_v2} (implied by {@code nodejs_compat} from 2024-09-23)
 * also resolves the bare names ({@code buffer}, {@code events}, ...). Without either flag every one of them is
 * "No such module", and so is any built-in workerd has that Outpost does not implement (e.g. {@code node:fs}).
 */
final class NodeBuiltins {
    /** Module name (without {@code node:}) to its prelude file under {@code node/}. */
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("buffer", "node/buffer.js"),
            Map.entry("events", "node/events.js"),
            Map.entry("async_hooks", "node/async_hooks.js"),
            Map.entry("util", "node/util.js"),
            Map.entry("util/types", "node/util-types.js"),
            Map.entry("path", "node/path.js"),
            Map.entry("path/posix", "node/path.js"),
            Map.entry("assert", "node/assert.js"),
            Map.entry("assert/strict", "node/assert-strict.js"),
            Map.entry("string_decoder", "node/string_decoder.js"),
            Map.entry("process", "node/process.js"),
            Map.entry("crypto", "node/crypto.js"),
            Map.entry("stream", "node/stream.js"),
            Map.entry("stream/web", "node/stream-web.js"),
            Map.entry("stream/consumers", "node/stream-consumers.js"),
            Map.entry("stream/promises", "node/stream-promises.js"),
            Map.entry("timers", "node/timers.js"),
            Map.entry("timers/promises", "node/timers-promises.js"),
            Map.entry("url", "node/url.js"),
            Map.entry("querystring", "node/querystring.js"),
            Map.entry("diagnostics_channel", "node/diagnostics_channel.js"),
            Map.entry("sys", "node/util.js"),
            Map.entry("zlib", "node/zlib.js"),
            Map.entry("net", "node/net.js"),
            Map.entry("tls", "node/tls.js"),
            Map.entry("dns", "node/dns.js"),
            Map.entry("dns/promises", "node/dns-promises.js"),
            Map.entry("module", "node/module.js"));

    private NodeBuiltins() {
    }

    /** The prelude file a specifier denotes, or null when it names no built-in available under these flags. */
    static String resolve(String specifier, boolean nodeCompat, boolean nodeCompatV2) {
        if (!nodeCompat && !nodeCompatV2) {
            return null;
        }
        if (specifier.startsWith("node:")) {
            return FILES.get(specifier.substring("node:".length()));
        }
        return nodeCompatV2 ? FILES.get(specifier) : null;
    }
}
