// RT-6 WebAssembly: as in workerd a worker cannot compile Wasm from bytes at run time (Module(), compile(), instantiate(bytes) → CompileError "Wasm code generation disallowed by embedder"); validate() and the other classes stay
const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
async function attempt(fn) {
  try {
    const r = fn();
    const settled = r instanceof Promise ? `promise ${String(await r)}` : String(r);
    return settled;
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  }
}

export default {
  async fetch() {
    return Response.json({
      module: await attempt(() => new WebAssembly.Module(bytes)),
      moduleNoNew: await attempt(() => WebAssembly.Module(bytes)),
      compile: await attempt(() => WebAssembly.compile(bytes)),
      instantiate: await attempt(() => WebAssembly.instantiate(bytes)),
      validate: await attempt(() => WebAssembly.validate(bytes)),
      validateBad: await attempt(() => WebAssembly.validate(new Uint8Array([1, 2, 3]))),
      memory: await attempt(() => new WebAssembly.Memory({ initial: 1 }).buffer.byteLength),
      table: await attempt(() => new WebAssembly.Table({ initial: 2, element: 'anyfunc' }).length),
      global: await attempt(() => new WebAssembly.Global({ value: 'i32', mutable: true }, 7).value),
      names: Object.getOwnPropertyNames(WebAssembly).sort(),
      moduleStatics: ['exports', 'imports', 'customSections'].map((n) => typeof WebAssembly.Module[n]),
      moduleLength: WebAssembly.Module.length,
      tag: Object.prototype.toString.call(WebAssembly),
    });
  },
};
