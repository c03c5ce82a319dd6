// Events into the worker. A fetch costs two crossings: the host calls dispatchFetch() once, and the worker's
// answer goes back in one host.respond()/host.fail(). Scheduled events and RPC calls answer with a 200 whose
// body is their JSON outcome (the host's io/EntrypointDispatch reads it). Which handler runs is handlers.js'.

import { host } from './host.js';
import { describeError } from './errors.js';
import { reportError } from './console.js';
import { requestFromHost } from './request.js';
import { Response, encodeBodyOf } from './response.js';
import { CompressionStream } from './compression.js';
import { encodedSource } from './fetch.js';
import { Headers, headersToWire } from './headers.js';
import { ReadableStream, knownLength } from './streams.js';
import { Blob } from './blob.js';
import { bodyForHost, bodySource, hasStreamBody, takeBodySource } from './body.js';
import { streamFromHost, takeHostStream, exportStream } from './hoststreams.js';
import { TextEncoder } from './encoding.js';
import { attachToHost } from './websocket.js';
import { newContext, finished, invokeFetch, invokeScheduled, invokeRpc } from './handlers.js';
import { ScheduledController } from './service-worker.js';
import { encodeOutcome, decode } from './rpc-codec.js';
import { invokeObjectFetch, invokeObjectCall } from './durable-object-host.js';

const NOT_A_RESPONSE = "TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'.";
const encoder = new TextEncoder();

function respond(id, response) {
  if (!(response instanceof Response)) {
    host.fail(id, NOT_A_RESPONSE);
    return;
  }
  if (response.webSocket !== null && response.status === 101) {
    // RT-10: the pair's client end goes to the host, which upgrades the connection and bridges the frames.
    let handle;
    try {
      handle = attachToHost(response.webSocket);
    } catch (e) {
      host.fail(id, describeError(e));
      return;
    }
    host.respond(id, 101, response.statusText, headersToWire(response.headers), '', handle);
    return;
  }
  if (encodesGzip(response)) {
    let handle;
    let headers;
    try {
      const raw = hasStreamBody(response) ? encodedSource(bodySource(response)) : undefined;
      if (raw !== undefined) {
        // a fetch()'s gzip body passed on unread: the origin's bytes go out as they came (and its Content-Length)
        takeBodySource(response);
        headers = response.headers;
        const passThrough = takeHostStream(raw);
        handle = passThrough !== undefined ? -passThrough : exportStream(raw);
      } else {
        headers = new Headers(response.headers);
        headers.delete('content-length');
        handle = exportStream(gzipBody(response));
      }
    } catch (e) {
      host.fail(id, describeError(e));
      return;
    }
    host.respond(id, response.status, response.statusText, headersToWire(headers), handle);
    return;
  }
  if (hasStreamBody(response)) {
    // A stream body leaves chunk by chunk: Java pulls it (an untouched request body goes straight back).
    let handle;
    let headers = response.headers;
    try {
      const stream = takeBodySource(response);
      if (stream.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
      // a stream of known length (a string/buffer body, a FixedLengthStream) goes out with Content-Length, as in workerd
      const length = knownLength(stream);
      if (length !== undefined && !headers.has('content-length')) {
        headers = new Headers(headers);
        headers.set('content-length', String(length));
      }
      const passThrough = takeHostStream(stream);
      handle = passThrough !== undefined ? -passThrough : exportStream(stream);
    } catch (e) {
      host.fail(id, describeError(e));
      return;
    }
    host.respond(id, response.status, response.statusText, headersToWire(headers), handle);
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

/**
 * RT-6 workerd's encodeBody 'automatic': a response whose Content-Encoding is exactly "gzip" has its body
 * compressed on the way out (a proxied fetch() response, whose body arrived decoded, or a plain one that only
 * set the header); 'manual' sends the bytes as they are. An empty body stays empty. ("br" is sent unencoded:
 * the JDK has no Brotli encoder.)
 */
function encodesGzip(response) {
  if (encodeBodyOf(response) !== 'automatic' || response.headers.get('content-encoding') !== 'gzip') return false;
  const source = bodySource(response);
  if (source === null || source === undefined) return false;
  return source instanceof ReadableStream || (typeof source === 'string' ? source.length : source.byteLength) > 0;
}

function gzipBody(response) {
  let stream;
  if (hasStreamBody(response)) {
    stream = takeBodySource(response);
    if (stream.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
  } else {
    stream = new Blob([bodyForHost(response)]).stream();
  }
  return stream.pipeThrough(new CompressionStream('gzip'));
}

function fail(id, error) {
  host.fail(id, describeError(error));
}

/**
 * Runs the fetch handler for request {@code id}; the outcome goes back through host.respond/host.fail.
 * entrypoint names a named WorkerEntrypoint export (service bindings), props is the ctx.props JSON and cf the
 * request.cf JSON of an incoming request.
 */
export function dispatchFetch(id, method, url, headers, body, entrypoint, props, cf, streamHandle, object) {
  let result;
  try {
    const request = requestFromHost(method, url, headers, streamHandle > 0 ? streamFromHost(streamHandle) : body,
      cf ? JSON.parse(cf) : undefined);
    const ctx = newContext(id, props ? JSON.parse(props) : {});
    if (object !== undefined) {
      // DO-5: an exception of the object goes back to the stub, which throws it (.remote = true)
      result = invokeObjectFetch(JSON.parse(object), request).catch((e) => remoteError(e));
    } else {
      result = invokeFetch(request, ctx, entrypoint);
    }
  } catch (e) {
    finished(id);
    fail(id, e);
    return;
  }
  finished(id);
  if (result instanceof Response) {
    respond(id, result);
    return;
  }
  Promise.resolve(result).then((response) => respond(id, response), (e) => fail(id, e));
}

function respondJson(id, value) {
  host.respond(id, 200, '', 'content-type\0application/json', encoder.encode(JSON.stringify(value)).buffer);
}

/** A scheduled event (cron trigger or /cdn-cgi/handler/scheduled): answers {outcome, noRetry, error}. */
export function dispatchScheduled(id, entrypoint, props, cron, scheduledTime) {
  const controller = new ScheduledController(ScheduledController, cron, scheduledTime);
  const ctx = newContext(id, props ? JSON.parse(props) : {});
  invokeScheduled(controller, ctx, entrypoint)
    .then(({ outcome, error }) => respondJson(id,
      { outcome, noRetry: ScheduledController.retryDisabled(controller), error }),
      (e) => fail(id, e))
    .finally(() => finished(id));
}

/** The answer to a Durable Object fetch that threw: the error's outcome JSON in a header the stub reads. */
function remoteError(e) {
  reportError(e);
  return new Response(null, { status: 500, headers: { 'outpost-remote-error': encodeURIComponent(encodeOutcome(false, e)) } });
}

/** A JS RPC call (SVC-3): args is the encoded argument array, or undefined to read a property. */
export function dispatchCall(id, entrypoint, props, member, args, object) {
  let outcome;
  try {
    const ctx = newContext(id, props ? JSON.parse(props) : {});
    const decoded = args === undefined || args === null ? undefined : decode(args);
    outcome = object !== undefined ? invokeObjectCall(JSON.parse(object), member, decoded)
      : invokeRpc(entrypoint, member, decoded, ctx);
  } catch (e) {
    outcome = Promise.reject(e);
  }
  Promise.resolve(outcome).then((value) => encodeOutcome(true, value), (e) => encodeOutcome(false, e))
    .then((text) => text, (e) => encodeOutcome(false, e))
    .then((text) => {
      finished(id);
      host.respond(id, 200, '', 'content-type\0application/json', encoder.encode(text).buffer);
    });
}
