// The private host object: Java functions the prelude calls. It is handed to bootstrap.js's install() by Java
// and kept here; the module resolver lets only prelude modules import this file, so user code cannot reach it.

export let host = null;

/** Per-isolate state shared by the prelude modules. */
export const scope = {
  // True while the worker's modules are evaluated: I/O, timers and random values are not allowed there
  // (as on Cloudflare).
  global: true,
};

export function setHost(h) {
  if (host !== null) {
    throw new Error('host already installed');
  }
  host = h;
}
