package dev.outpost.durableobject.bindings;

import dev.outpost.runtime.bindings.BindingException;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A binding kind durable-object-service does not serve inside objects yet (D1, R2, service, queue): the object's
 * env still has it, so code that touches it fails with an error naming what is missing instead of finding
 * {@code env.X} undefined. Every call fails its promise with that error.
 */
public final class UnavailableBinding {
    private UnavailableBinding() {
    }

    public static <T> T of(Class<T> type, String kind, String name) {
        String message = kind + " binding '" + name + "' is not available inside Durable Objects on Outpost yet: "
                + "call it from the worker (for example pass the data to the object, or let the worker do the call).";
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return kind + " binding " + name + " (unavailable inside Durable Objects)";
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    break;
            }
            BindingException failure = new BindingException(message);
            if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
                return CompletableFuture.failedFuture(failure);
            }
            throw failure;
        });
        return type.cast(proxy);
    }
}
