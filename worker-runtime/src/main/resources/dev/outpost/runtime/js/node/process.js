// RT-6 node:process under nodejs_compat: the small process object workerd has (env, nextTick, platform, exit,
// features, getBuiltinModule). process.env is empty unless nodejs_compat_populate_process_env (implied by
// nodejs_compat from 2025-04-01) is on: then env.js copies the text, secret and JSON bindings into it.

import { queueMicrotask } from '../timers.js';

export const env = {};

export const platform = 'linux';

export const features = Object.freeze({ inspector: false, debug: false, uv: false, ipv6: true, tls_alpn: true,
  tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, require_module: false, typescript: false });

/** Runs the callback as a microtask (workerd has no separate next-tick queue either). */
export function nextTick(callback, ...args) {
  queueMicrotask(() => callback(...args));
}

export function exit() {
  throw new Error('process.exit() is not supported in Workers.');
}

let builtinLoader = () => undefined;

/** Set by bootstrap: returns a built-in module's namespace that has already been loaded, or undefined. */
export function setBuiltinLoader(loader) {
  builtinLoader = loader;
}

export function getBuiltinModule(id) {
  return builtinLoader(String(id));
}

const process = { env, exit, features, getBuiltinModule, nextTick, platform };
export default process;
