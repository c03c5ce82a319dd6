package dev.outpost.runtime.api;

import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.HostServices;
import dev.outpost.runtime.glue.JsArgs;
import com.caoccao.javet.exceptions.JavetException;

/** Java half of console.js: one formatted line per call, into the worker log. */
public final class ConsoleHost implements HostApi {
    private final HostServices services;

    public ConsoleHost(HostServices services) {
        this.services = services;
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("log", args -> {
                services.log(JsArgs.string(args, 0), JsArgs.string(args, 1));
                return host.runtime().createV8ValueUndefined();
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
