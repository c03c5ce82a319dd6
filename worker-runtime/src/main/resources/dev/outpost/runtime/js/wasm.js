// WebAssembly as workerd exposes it (checklist RT-6): a worker cannot compile Wasm from bytes at run time —
// WebAssembly.Module(bytes), compile() and instantiate(bytes) fail with workerd's CompileError "Wasm code
// generation disallowed by embedder" — so Wasm code comes only from the upload (CompiledWasm modules), which the
// loader compiles with the original constructor. Instantiating an uploaded module, validate() and the Instance,
// Memory, Table, Global classes work as usual.

const REFUSED = 'Wasm code generation disallowed by embedder';

/** Replaces the code-generating entry points of the global WebAssembly; returns the loader's compile function. */
export function restrictWebAssembly() {
  const wasm = globalThis.WebAssembly;
  const OriginalModule = wasm.Module;
  const originalInstantiate = wasm.instantiate;
  const refused = (what) => new wasm.CompileError(`${what}: ${REFUSED}`);

  function Module(bytes) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Module(): WebAssembly.Module must be invoked with 'new'");
    throw refused('WebAssembly.Module()');
  }
  // Same prototype, so an uploaded module is still `instanceof WebAssembly.Module`; its constructor is this one,
  // so the original cannot be reached through a module either.
  Module.prototype = OriginalModule.prototype;
  Object.defineProperty(OriginalModule.prototype, 'constructor', { value: Module, writable: true, configurable: true });
  for (const name of ['exports', 'imports', 'customSections']) {
    Object.defineProperty(Module, name, { value: OriginalModule[name], writable: true, configurable: true });
  }
  const replace = (name, value) => Object.defineProperty(wasm, name, { value, writable: true, configurable: true });
  replace('Module', Module);
  replace('compile', function compile() {
    return Promise.reject(refused('WebAssembly.compile()'));
  });
  replace('instantiate', function instantiate(source, imports) {
    if (source instanceof OriginalModule) return originalInstantiate.call(wasm, source, imports);
    return Promise.reject(refused('WebAssembly.instantiate()'));
  });
  for (const name of ['compileStreaming', 'instantiateStreaming']) {
    if (typeof wasm[name] === 'function') {
      replace(name, function streaming() {
        return Promise.reject(refused(`WebAssembly.${name}()`));
      });
    }
  }
  return (buffer) => new OriginalModule(buffer);
}
