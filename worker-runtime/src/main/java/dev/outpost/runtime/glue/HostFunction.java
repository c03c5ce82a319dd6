package dev.outpost.runtime.glue;

import com.caoccao.javet.values.V8Value;

/**
 * A Java function callable from the prelude through the private host object. Arguments are closed by Javet after
 * the call; the result is handed over to V8.
 */
@FunctionalInterface
public interface HostFunction {
    V8Value call(V8Value... args) throws Exception;
}
