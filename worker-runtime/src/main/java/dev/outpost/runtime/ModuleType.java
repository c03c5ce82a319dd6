package dev.outpost.runtime;

/** How a module of a worker bundle is interpreted (mirrors Cloudflare's module upload part types). */
public enum ModuleType {
    /** An ECMAScript module. */
    ESM,
    /**
     * Non-module JavaScript ({@code application/javascript}). As the main module it is a service-worker script
     * (RT-2, Cloudflare's {@code body_part}); as another module it is a CommonJS module ({@code module.exports},
     * {@code require()} of the bundle's other CommonJS modules), imported by ES modules as its default export.
     */
    COMMONJS,
    /** UTF-8 text; the default export is the string. */
    TEXT,
    /** Binary data; the default export is an ArrayBuffer. */
    DATA,
    /** A WebAssembly binary; the default export is a compiled {@code WebAssembly.Module}. */
    WASM
}
