package dev.outpost.runtime.glue;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IV8ModuleResolver;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueObject;
import dev.outpost.runtime.WorkerBundle;
import dev.outpost.runtime.WorkerLoadException;
import dev.outpost.runtime.WorkerModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a bundle's modules and the prelude's modules into one isolate and resolves imports between them.
 * <p>
 * Names: bundle modules keep their bundle names ({@code src/index.js}); relative specifiers resolve against
 * the importing module's name. Prelude modules are named {@code outpost:internal/<file>} and can be imported
 * only by other prelude modules, so user code can never import the module holding the host object.
 */
public final class ModuleLoader implements IV8ModuleResolver {
    public static final String INTERNAL_PREFIX = "outpost:internal/";
    private static final String CLOUDFLARE_WORKERS = "cloudflare:workers";
    private static final String CLOUDFLARE_SOCKETS = "cloudflare:sockets";
    private static final String RESOURCE_ROOT = "dev/outpost/runtime/js/";
    /** Prelude sources, read once per JVM. */
    private static final Map<String, String> PRELUDE_SOURCES = new ConcurrentHashMap<>();

    /** Compiles WASM bytes to a WebAssembly.Module (done in JS by the prelude). */
    @FunctionalInterface
    public interface WasmCompiler {
        V8Value compile(V8ValueArrayBuffer bytes) throws JavetException;
    }

    /** Runs CommonJS modules (commonjs.js in the prelude). */
    public interface CommonJsHost {
        /** Registers the module's factory {@code function (exports, require, module, __filename, __dirname)}. */
        void define(String name, V8Value factory) throws JavetException;

        /** Runs the module (once) and returns the export object of its ES module stand-in. */
        V8Value namespace(String name) throws JavetException;
    }

    private final WorkerBundle bundle;
    private CommonJsHost commonJs;
    /**
     * Every compiled module by name. Javet's own module map cannot be relied on: it drops a module from the map
     * whenever that module was the referrer of a resolution (Javet closes its referrer wrapper), so this loader
     * answers every resolution from here.
     */
    private final Map<String, V8Module> compiled = new HashMap<>();
    private String resolutionError;
    /** RT-6: the version's nodejs_compat / nodejs_compat_v2 flags, resolved on first use. */
    private Boolean nodeCompat;
    private boolean nodeCompatV2;

    public ModuleLoader(WorkerBundle bundle) {
        this.bundle = bundle;
    }

    /** Compiles a prelude module; its own imports are compiled on demand through the resolver. */
    public V8Module compileInternal(V8Runtime runtime, String file) throws JavetException {
        String name = INTERNAL_PREFIX + file;
        V8Module cached = compiled.get(name);
        if (cached != null) {
            return cached;
        }
        String source = PRELUDE_SOURCES.computeIfAbsent(file, ModuleLoader::readPrelude);
        V8Module module = runtime.getExecutor(source).setResourceName(name).setModule(true).compileV8Module();
        compiled.put(name, module);
        return module;
    }

    private static String readPrelude(String file) {
        String path = RESOURCE_ROOT + file;
        try (InputStream in = ModuleLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prelude module missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RT-2: a main module of type {@link dev.outpost.runtime.ModuleType#COMMONJS} ({@code application/javascript},
     * Cloudflare's {@code body_part} upload) is a service-worker script: a classic script without exports.
     */
    public boolean isServiceWorker() {
        WorkerModule main = bundle.modules().get(bundle.mainModule());
        return main != null && main.type() == dev.outpost.runtime.ModuleType.COMMONJS;
    }

    public String serviceWorkerSource() {
        return new String(bundle.modules().get(bundle.mainModule()).content(), StandardCharsets.UTF_8);
    }

    /**
     * Compiles every module of the bundle (so any syntax error fails the load, whether or not the module is
     * imported) and returns the main module, instantiated and ready to evaluate.
     */
    public V8Module compileBundle(V8Runtime runtime, WasmCompiler wasm, CommonJsHost commonJs)
            throws WorkerLoadException, JavetException {
        this.commonJs = commonJs;
        WorkerModule main = bundle.modules().get(bundle.mainModule());
        if (main == null) {
            throw new WorkerLoadException("The main module \"" + bundle.mainModule() + "\" is not part of the bundle.");
        }
        if (main.type() != dev.outpost.runtime.ModuleType.ESM) {
            throw new WorkerLoadException("The main module \"" + bundle.mainModule() + "\" must be an ES module, not " + main.type() + ".");
        }
        V8Module mainModule = null;
        // CommonJS factories first: a module's require() may reach any of them when it runs.
        for (WorkerModule module : bundle.modules().values()) {
            if (module.type() == dev.outpost.runtime.ModuleType.COMMONJS) {
                defineCommonJs(runtime, module);
            }
        }
        for (WorkerModule module : bundle.modules().values()) {
            if (module.name().startsWith("outpost:") || module.name().isEmpty()) {
                throw new WorkerLoadException("Invalid module name \"" + module.name() + "\".");
            }
            V8Module compiledModule = compile(runtime, module, wasm);
            compiled.put(module.name(), compiledModule);
            if (module.name().equals(bundle.mainModule())) {
                mainModule = compiledModule;
            }
        }
        resolutionError = null;
        boolean instantiated;
        try {
            instantiated = mainModule.instantiate();
        } catch (BaseJavetScriptingException e) {
            throw new WorkerLoadException(resolutionError != null ? resolutionError : JsErrors.uncaught(e), e);
        }
        if (!instantiated) {
            throw new WorkerLoadException(resolutionError != null ? resolutionError
                    : "Uncaught Error: could not link module \"" + bundle.mainModule() + "\"");
        }
        return mainModule;
    }

    private V8Module compile(V8Runtime runtime, WorkerModule module, WasmCompiler wasm) throws WorkerLoadException, JavetException {
        switch (module.type()) {
            case ESM -> {
                try {
                    return runtime.getExecutor(new String(module.content(), StandardCharsets.UTF_8))
                            .setResourceName(module.name()).setModule(true).compileV8Module();
                } catch (BaseJavetScriptingException e) {
                    throw new WorkerLoadException(JsErrors.uncaught(e), e);
                }
            }
            case TEXT -> {
                try (V8ValueObject exports = runtime.createV8ValueObject()) {
                    exports.set("default", new String(module.content(), StandardCharsets.UTF_8));
                    return runtime.createV8Module(module.name(), exports);
                }
            }
            case DATA -> {
                try (V8ValueObject exports = runtime.createV8ValueObject();
                     V8ValueArrayBuffer data = JsBytes.toArrayBuffer(runtime, module.content())) {
                    exports.set("default", data);
                    return runtime.createV8Module(module.name(), exports);
                }
            }
            case WASM -> {
                try (V8ValueObject exports = runtime.createV8ValueObject();
                     V8ValueArrayBuffer data = JsBytes.toArrayBuffer(runtime, module.content())) {
                    V8Value compiled;
                    try {
                        compiled = wasm.compile(data);
                    } catch (BaseJavetScriptingException e) {
                        throw new WorkerLoadException(JsErrors.uncaught(e) + " (WebAssembly module \"" + module.name() + "\")", e);
                    }
                    try (compiled) {
                        exports.set("default", compiled);
                    }
                    return runtime.createV8Module(module.name(), exports);
                }
            }
            case COMMONJS -> {
                // Runs the module now (inside the startup slice): its exports become the stand-in's exports.
                try (V8Value namespace = commonJs.namespace(module.name())) {
                    return runtime.createV8Module(module.name(), (V8ValueObject) namespace);
                } catch (BaseJavetScriptingException e) {
                    throw new WorkerLoadException(JsErrors.uncaught(e), e);
                }
            }
            default -> throw new WorkerLoadException("Module \"" + module.name() + "\" has type " + module.type()
                    + ", which this runtime does not support yet.");
        }
    }

    private void defineCommonJs(V8Runtime runtime, WorkerModule module) throws WorkerLoadException, JavetException {
        // The wrapper starts on the module's first line, so line numbers in stacks stay the module's own.
        String wrapped = "(function (exports, require, module, __filename, __dirname) {"
                + new String(module.content(), StandardCharsets.UTF_8) + "\n})";
        try (V8Value factory = runtime.getExecutor(wrapped).setResourceName(module.name()).setModule(false).execute()) {
            commonJs.define(module.name(), factory);
        } catch (BaseJavetScriptingException e) {
            throw new WorkerLoadException(JsErrors.uncaught(e), e);
        }
    }

    @Override
    public String getAbsoluteResourceName(V8Runtime runtime, String specifier, IV8Module referrer) throws JavetException {
        String referrerName = referrer == null ? null : referrer.getResourceName();
        String name = canonicalName(specifier, referrerName);
        if (name == null) {
            resolutionError = "Uncaught Error: No such module \"" + specifier + "\""
                    + (referrerName == null ? "" : " imported from \"" + referrerName + "\"") + ".";
            return null;
        }
        return name;
    }

    @Override
    public IV8Module resolve(V8Runtime runtime, String specifier, IV8Module referrer) throws JavetException {
        String referrerName = referrer == null ? null : referrer.getResourceName();
        String name = canonicalName(specifier, referrerName);
        if (name != null && name.startsWith(INTERNAL_PREFIX)) {
            return compileInternal(runtime, name.substring(INTERNAL_PREFIX.length()));
        }
        if (name != null && compiled.containsKey(name)) {
            return compiled.get(name);
        }
        resolutionError = "Uncaught Error: No such module \"" + specifier + "\""
                + (referrerName == null ? "" : " imported from \"" + referrerName + "\"") + ".";
        return null;
    }

    /** The module name a specifier denotes for a referrer, or null when it names nothing importable there. */
    String canonicalName(String specifier, String referrerName) {
        boolean internalReferrer = referrerName != null && referrerName.startsWith(INTERNAL_PREFIX);
        if (internalReferrer) {
            if (specifier.startsWith("./") || specifier.startsWith("../")) {
                String resolved = join(directoryOf(referrerName.substring(INTERNAL_PREFIX.length())), specifier);
                return resolved == null ? null : INTERNAL_PREFIX + resolved;
            }
            return specifier.startsWith(INTERNAL_PREFIX) ? specifier : null;
        }
        if (specifier.equals(CLOUDFLARE_WORKERS)) {
            // RT-5: prelude modules user code may import, by their public names.
            return INTERNAL_PREFIX + "cloudflare-workers.js";
        }
        if (specifier.equals(CLOUDFLARE_SOCKETS)) {
            return INTERNAL_PREFIX + "sockets.js"; // RT-6 TCP connect()
        }
        if (specifier.startsWith("outpost:")) {
            return null;
        }
        Map<String, WorkerModule> modules = bundle.modules();
        String builtin = NodeBuiltins.resolve(specifier, nodeCompat(), nodeCompatV2());
        if (builtin != null && !modules.containsKey(specifier)) {
            return INTERNAL_PREFIX + builtin;
        }
        String candidate;
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            candidate = join(referrerName == null ? "" : directoryOf(referrerName), specifier);
        } else if (specifier.startsWith("/")) {
            candidate = join("", specifier.substring(1));
        } else if (modules.containsKey(specifier)) {
            candidate = specifier;
        } else {
            candidate = join(referrerName == null ? "" : directoryOf(referrerName), specifier);
        }
        return candidate != null && modules.containsKey(candidate) ? candidate : null;
    }

    private boolean nodeCompat() {
        if (nodeCompat == null) {
            Map<String, Boolean> flags = bundle.compatibility();
            nodeCompat = Boolean.TRUE.equals(flags.get("nodejs_compat"));
            nodeCompatV2 = Boolean.TRUE.equals(flags.get("nodejs_compat_v2"));
        }
        return nodeCompat;
    }

    private boolean nodeCompatV2() {
        nodeCompat();
        return nodeCompatV2;
    }

    private static String directoryOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** Joins a directory and a relative path, resolving "." and ".."; null when it climbs above the root. */
    private static String join(String directory, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        if (!directory.isEmpty()) {
            for (String p : directory.split("/")) {
                if (!p.isEmpty()) {
                    parts.addLast(p);
                }
            }
        }
        for (String p : relative.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
