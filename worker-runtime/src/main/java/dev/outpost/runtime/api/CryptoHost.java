package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;

import java.security.SecureRandom;

/** Java half of crypto.js: random bytes from a SecureRandom (the JS side pools them), plus crypto.subtle's host. */
public final class CryptoHost implements HostApi {
    private static final int MAX_BYTES = 65536;
    private final SecureRandom random = new SecureRandom();

    @Override
    public void register(HostObject host) {
        try {
            host.function("randomBytes", args -> {
                int n = Math.max(0, Math.min(MAX_BYTES, JsArgs.integer(args, 0, 0)));
                byte[] bytes = new byte[n];
                random.nextBytes(bytes);
                return JsBytes.toArrayBuffer(host.runtime(), bytes);
            });
            new SubtleCryptoHost().register(host);
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }
}
