// The worker's entrypoints and how events reach them (RT-1, RT-2, RT-4, SVC-3): the main module's default
// export (an object of handlers or a WorkerEntrypoint class), its named entrypoints, or, for a service-worker
// script, the listeners it registered with addEventListener().

import { host, scope } from './host.js';
import { env, exposeBindingsAsGlobals } from './env.js';
import { reportError } from './console.js';
import { illegalInvocation, describeError } from './errors.js';
import { WorkerEntrypoint } from './entrypoints.js';
import { listeners, dispatchFetchEvent, dispatchScheduledEvent } from './service-worker.js';

export const HANDLER_NAMES = ['fetch', 'scheduled', 'queue', 'tail', 'trace', 'email', 'alarm', 'test'];
// Members a stub never forwards over RPC: the HTTP path (fetch, connect), object plumbing and event handlers.
const NOT_RPC = new Set(['constructor', 'fetch', 'connect', 'dup', ...HANDLER_NAMES]);

let exportsOf = null;
let serviceWorker = false;
/** The ExecutionContext of each invocation still running, by the host's request id (for waitUntil()). */
const running = new Map();

export class ExecutionContext {
  #props;
  #pending = [];

  constructor(token, props) {
    if (token !== ExecutionContext) throw new TypeError('Illegal constructor');
    this.#props = props;
  }

  waitUntil(promise) {
    if (Object(this) !== this || !(#props in this)) throw illegalInvocation();
    // The isolate outlives the response and the host keeps the invocation's I/O and timers going (up to its
    // deadline); the promise is kept so a scheduled event's outcome can include it.
    const settled = Promise.resolve(promise);
    settled.catch(reportError);
    this.#pending.push(settled);
  }

  passThroughOnException() {
    if (Object(this) !== this || !(#props in this)) throw illegalInvocation();
    // RT-4: no origin is configured behind a worker, so a later exception still ends in the 1101 error
    // response, as on Cloudflare for a worker route without an origin.
  }

  get props() {
    return this.#props;
  }

  /** Waits for every waitUntil() promise, including ones added meanwhile; true when none rejected. */
  static async settleAll(ctx, onFirstRejection) {
    let ok = true;
    let seen = 0;
    while (seen < ctx.#pending.length) {
      const batch = ctx.#pending.slice(seen);
      seen = ctx.#pending.length;
      for (const result of await Promise.allSettled(batch)) {
        if (result.status === 'rejected') {
          if (ok && onFirstRejection) onFirstRejection(result.reason);
          ok = false;
        }
      }
    }
    return ok;
  }
}

/** A fresh context for invocation {@code id}, registered until {@link finished} is called. */
export function newContext(id, props) {
  const ctx = new ExecutionContext(ExecutionContext, props ?? {});
  running.set(id, ctx);
  return ctx;
}

export function finished(id) {
  running.delete(id);
}

/** `import { waitUntil } from "cloudflare:workers"`: extends whatever invocation is running now. */
export function waitUntil(promise) {
  const ctx = running.get(host.currentRequest());
  if (ctx !== undefined) {
    ctx.waitUntil(promise);
    return;
  }
  // After the response the host still tracks the invocation's I/O; only the rejection needs reporting.
  Promise.resolve(promise).catch(reportError);
}

/**
 * Checks the main module's exports (or, for a service-worker script, its listeners) and remembers them.
 * Returns an error message, or undefined. Ends the global scope: from now on I/O, timers and random values
 * are allowed (inside requests).
 */
export function registerWorker(namespace, mainModule) {
  scope.global = false;
  if (namespace === undefined || namespace === null) {
    serviceWorker = true;
    if (listeners.fetch.length === 0 && listeners.scheduled.length === 0) {
      return `Uncaught Error: No event handlers were registered. This script does nothing. (service-worker script "${mainModule}")`;
    }
    return undefined;
  }
  const main = namespace.default;
  if (main === undefined) {
    return `Uncaught Error: The main module "${mainModule}" has no default export; a module worker must `
      + 'export default an object with a fetch() handler (a script without exports must be uploaded as a service worker, with body_part).';
  }
  if (typeof main === 'function') {
    const proto = main.prototype ?? {};
    if (!(proto instanceof WorkerEntrypoint) && !HANDLER_NAMES.some((name) => typeof proto[name] === 'function')) {
      return `Uncaught Error: The default export of "${mainModule}" is a class without handler methods (${HANDLER_NAMES.join(', ')}).`;
    }
  } else if (typeof main !== 'object' || main === null) {
    return `Uncaught Error: The default export of "${mainModule}" must be an object with handlers, not ${main === null ? 'null' : typeof main}.`;
  } else if (!HANDLER_NAMES.some((name) => typeof main[name] === 'function')) {
    return `Uncaught Error: The default export of "${mainModule}" has no handlers; export default { fetch(request, env, ctx) { ... } }.`;
  }
  exportsOf = namespace;
  return undefined;
}

/** Called before a service-worker script runs: its bindings are globals (RT-2). */
export function prepareServiceWorker() {
  exposeBindingsAsGlobals();
}

/** A named export of the main module (a Durable Object class, DO-6), or undefined. */
export function exportedClass(name) {
  return exportsOf === null ? undefined : exportsOf[name];
}

function entrypoint(name) {
  const target = name ? exportsOf[name] : exportsOf.default;
  if (target === undefined || target === null || (typeof target !== 'function' && typeof target !== 'object')) {
    throw new Error(name ? `The worker has no entrypoint named "${name}".` : 'The worker has no default export.');
  }
  return target;
}

/** Calls handler {@code name} of an entrypoint: a class gets (ctx, env) and one argument, an object (arg, env, ctx). */
function callHandler(entrypointName, name, arg, ctx) {
  const target = entrypoint(entrypointName);
  if (typeof target === 'function') {
    const instance = new target(ctx, env);
    if (typeof instance[name] !== 'function') throw new Error(`Handler does not export a ${name}() function.`);
    return instance[name](arg);
  }
  if (typeof target[name] !== 'function') throw new Error(`Handler does not export a ${name}() function.`);
  return target[name](arg, env, ctx);
}

/** Runs the fetch handler (or the fetch listeners) for a request; returns what it returned. */
export function invokeFetch(request, ctx, entrypointName) {
  if (serviceWorker) {
    if (entrypointName) throw new Error(`The worker has no entrypoint named "${entrypointName}".`);
    return dispatchFetchEvent(request, ctx);
  }
  return callHandler(entrypointName, 'fetch', request, ctx);
}

/**
 * Runs the scheduled handler; resolves to {outcome, error} once it and its waitUntil() promises settled. error
 * describes what failed first (the handler's throw, else the first rejected waitUntil() promise): the cron runner
 * records it (CRON-1).
 */
export async function invokeScheduled(controller, ctx, entrypointName) {
  let outcome = 'ok';
  let error = '';
  try {
    if (serviceWorker) {
      await dispatchScheduledEvent(controller, ctx);
    } else {
      await callHandler(entrypointName, 'scheduled', controller, ctx);
    }
  } catch (e) {
    reportError(e);
    outcome = 'exception';
    error = describeError(e);
  }
  if (!(await ExecutionContext.settleAll(ctx, (reason) => { if (!error) error = describeError(reason); }))) {
    outcome = 'exception';
  }
  return { outcome, error };
}

/** runs the queue handler; resolves to 'ok' or 'exception' once it and its waitUntil() promises settled. */
export async function invokeQueue(batch, ctx, entrypointName) {
  let outcome = 'ok';
  try {
    if (serviceWorker) {
      throw new Error('Outpost does not deliver queue events to service-worker scripts yet; export default { queue() }.');
    }
    await callHandler(entrypointName, 'queue', batch, ctx);
  } catch (e) {
    reportError(e);
    outcome = 'exception';
  }
  if (!(await ExecutionContext.settleAll(ctx))) outcome = 'exception';
  return outcome;
}

/**
 * A JS RPC call (SVC-3) on a WorkerEntrypoint: calls the public method {@code member} with the arguments,
 * or, when args is undefined, reads the property.
 */
export async function invokeRpc(entrypointName, member, args, ctx) {
  // workerd's answer whenever the member is not a public method of a WorkerEntrypoint subclass (plain-object
  // entrypoints and service workers have none).
  const notImplemented = new TypeError(`The RPC receiver does not implement the method "${member}".`);
  if (serviceWorker) throw notImplemented;
  const target = entrypoint(entrypointName);
  if (typeof target !== 'function' || !(target.prototype instanceof WorkerEntrypoint)) throw notImplemented;
  const instance = new target(ctx, env);
  if (NOT_RPC.has(member) || !isPublicMember(instance, member)) throw notImplemented;
  const value = instance[member];
  if (args === undefined) {
    if (typeof value === 'function') {
      throw new TypeError(`"${member}" is a method; call it instead of awaiting it.`);
    }
    return value;
  }
  if (typeof value !== 'function') throw new TypeError(`"${member}" is not a method.`);
  return value.apply(instance, args);
}

/** Members of the subclass prototypes (as in workerd, not instance fields); never WorkerEntrypoint's or Object's. */
function isPublicMember(instance, member) {
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== WorkerEntrypoint.prototype;
    proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, member)) return true;
  }
  return false;
}
