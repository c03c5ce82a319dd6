package dev.outpost.runtime.glue;

import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.enums.V8ValueErrorType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.jboss.logging.Logger;

/**
 * The private object through which prelude modules reach Java. It is handed to the prelude's {@code install}
 * function, captured in a module-private variable and never placed on {@code globalThis}, so user code cannot
 * reach it. Only plain functions are exposed, never Java objects.
 */
public final class HostObject implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HostObject.class);

    private final V8Runtime runtime;
    private final V8ValueObject object;

    public HostObject(V8Runtime runtime) throws JavetException {
        this.runtime = runtime;
        this.object = runtime.createV8ValueObject();
    }

    /** Binds {@code name} to a Java function. A Java exception becomes a JS Error without Java details. */
    public HostObject function(String name, HostFunction function) throws JavetException {
        IJavetDirectCallable.NoThisAndResult<Exception> call = args -> {
            try {
                return function.call(args);
            } catch (Exception | Error e) {
                LOG.errorf(e, "host function %s failed", name);
                runtime.throwError(V8ValueErrorType.Error, "Internal error in " + name + "()");
                return runtime.createV8ValueUndefined();
            }
        };
        object.bindFunction(new JavetCallbackContext(name, JavetCallbackType.DirectCallNoThisAndResult, call));
        return this;
    }

    public HostObject install(HostApi api) throws JavetException {
        api.register(this);
        return this;
    }

    public V8ValueObject v8Object() {
        return object;
    }

    public V8Runtime runtime() {
        return runtime;
    }

    @Override
    public void close() throws JavetException {
        object.close();
    }
}
