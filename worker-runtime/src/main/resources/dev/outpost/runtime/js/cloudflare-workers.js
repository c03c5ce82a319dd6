// The `cloudflare:workers` module as user code imports it (RT-5): the entrypoint base classes, the worker's
// env and waitUntil() bound to whatever invocation is running.

export { WorkerEntrypoint, DurableObject, RpcTarget, RpcStub } from './entrypoints.js';
export { env } from './env.js';
export { waitUntil } from './handlers.js';
