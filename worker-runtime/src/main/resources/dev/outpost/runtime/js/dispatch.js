// Events into the worker: handler registration at startup and fetch dispatch. A fetch costs two crossings:
// the host calls dispatchFetch() once, and the worker's answer goes back in one host.respond()/host.fail().

import { host, scope } from './host.js';
import { describeError } from './errors.js';
import { env } from './env.js';
import { requestFromHost } from './request.js';
import { Response } from './response.js';
import { headersToWire } from './headers.js';
import { bodyForHost, hasStreamBody, takeBodySource } from './body.js';
import { streamFromHost, takeHostStream, exportStream } from './hoststreams.js';
import { reportError } from './console.js';

const HANDLER_NAMES = ['fetch', 'scheduled', 'queue', 'tail', 'trace', 'email', 'alarm', 'test'];
const NOT_A_RESPONSE = "TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'.";

let fetchHandler = null;
let handlerReceiver = null;
let entrypointClass = null;

export class ExecutionContext {
  #props;

  constructor(token, props) {
    if (token !== ExecutionContext) throw new TypeError('Illegal constructor');
    this.#props = props;
  }

  waitUntil(promise) {
    if (!(#props in this)) throw new TypeError('Illegal invocation');
    // The isolate outlives the request, so the work goes on; only a rejection needs reporting.
    Promise.resolve(promise).catch(reportError);
  }

  passThroughOnException() {
    if (!(#props in this)) throw new TypeError('Illegal invocation');
  }

  get props() {
    return this.#props;
  }
}

/**
 * Checks the main module's exports and remembers the handlers. Returns an error message, or undefined.
 * Ends the global scope: from now on I/O, timers and random values are allowed (inside requests).
 */
export function registerWorker(namespace, mainModule) {
  scope.global = false;
  const main = namespace.default;
  if (main === undefined) {
    return `Uncaught Error: The main module "${mainModule}" has no default export; a module worker must `
      + 'export default an object with a fetch() handler (service-worker syntax is not supported yet).';
  }
  if (typeof main === 'function') {
    const proto = main.prototype ?? {};
    if (!HANDLER_NAMES.some((name) => typeof proto[name] === 'function')) {
      return `Uncaught Error: The default export of "${mainModule}" is a class without handler methods (${HANDLER_NAMES.join(', ')}).`;
    }
    entrypointClass = main;
    return undefined;
  }
  if (typeof main !== 'object' || main === null) {
    return `Uncaught Error: The default export of "${mainModule}" must be an object with handlers, not ${main === null ? 'null' : typeof main}.`;
  }
  if (!HANDLER_NAMES.some((name) => typeof main[name] === 'function')) {
    return `Uncaught Error: The default export of "${mainModule}" has no handlers; export default { fetch(request, env, ctx) { ... } }.`;
  }
  if (typeof main.fetch === 'function') {
    fetchHandler = main.fetch;
  }
  handlerReceiver = main;
  return undefined;
}

function respond(id, response) {
  if (!(response instanceof Response)) {
    host.fail(id, NOT_A_RESPONSE);
    return;
  }
  if (hasStreamBody(response)) {
    // A stream body leaves chunk by chunk: Java pulls it (an untouched request body goes straight back).
    let handle;
    try {
      const stream = takeBodySource(response);
      if (stream.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
      const passThrough = takeHostStream(stream);
      handle = passThrough !== undefined ? -passThrough : exportStream(stream);
    } catch (e) {
      host.fail(id, describeError(e));
      return;
    }
    host.respond(id, response.status, response.statusText, headersToWire(response.headers), handle);
    return;
  }
  let body;
  try {
    body = bodyForHost(response);
  } catch (e) {
    host.fail(id, describeError(e));
    return;
  }
  host.respond(id, response.status, response.statusText, headersToWire(response.headers), body);
}

function fail(id, error) {
  host.fail(id, describeError(error));
}

/** Runs the fetch handler for request {@code id}; the outcome goes back through host.respond/host.fail. */
export function dispatchFetch(id, method, url, headers, body, streamHandle) {
  let result;
  try {
    const request = requestFromHost(method, url, headers, streamHandle > 0 ? streamFromHost(streamHandle) : body);
    const ctx = new ExecutionContext(ExecutionContext, {});
    if (entrypointClass !== null) {
      const instance = new entrypointClass(ctx, env);
      if (typeof instance.fetch !== 'function') {
        throw new Error('Handler does not export a fetch() function.');
      }
      result = instance.fetch(request);
    } else {
      if (fetchHandler === null) {
        throw new Error('Handler does not export a fetch() function.');
      }
      result = fetchHandler.call(handlerReceiver, request, env, ctx);
    }
  } catch (e) {
    fail(id, e);
    return;
  }
  if (result instanceof Response) {
    respond(id, result);
    return;
  }
  Promise.resolve(result).then((response) => respond(id, response), (e) => fail(id, e));
}
