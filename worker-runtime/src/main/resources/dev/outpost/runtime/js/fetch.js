// Outbound fetch() (checklist RT-8). Each hop is one host call (FetchHost → OutboundHttp in Java), counted
// as a subrequest; redirects are followed here so every hop is checked by the SSRF guard and counted.
// Request and response bodies stream: a ReadableStream request body is exported to Java, the response body
// is a ReadableStream pulling from Java (hoststreams.js).

import { host } from './host.js';
import { hostCall } from './async.js';
import { Request } from './request.js';
import { responseFromNetwork } from './response.js';
import { headersFromWire, headersToWire } from './headers.js';
import { bodySource, takeBodySource } from './body.js';
import { ReadableStream, knownLength } from './streams.js';
import { streamFromHost, takeHostStream, exportStream } from './hoststreams.js';
import { AbortSignal } from './events.js';
import { utf8Encode } from './encoding.js';
import { outboundWebSocket, parseHead } from './websocket.js';
import { DecompressionStream } from './compression.js';

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
const MAX_REDIRECTS = 20;
const ONE_TIME_BODY = 'A request with a one-time-use body (it was initialized from a stream, not a buffer) encountered '
  + 'a redirect requiring the body to be retransmitted. To avoid this error in the future, construct this request '
  + 'from a buffer-like body initializer.';

function checkCf(cf) {
  if (cf === undefined || cf === null) return;
  if (typeof cf !== 'object') throw new TypeError('The "cf" option must be an object.');
  if (cf.cacheTtl !== undefined && cf.cacheControl !== undefined) {
    throw new TypeError('The "cacheTtl" and "cacheControl" options of "cf" cannot be used together.');
  }
  // cacheTtl, cacheEverything, cacheKey, cacheTags, cacheTtlByStatus, resolveOverride, image, minify, polish,
  // apps, mirage, scrapeShield are accepted; there is no edge cache in front of outbound requests here.
}

function checkScheme(url) {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme !== 'http:' && scheme !== 'https:') {
    throw new TypeError(`Fetch API cannot load: ${url}`);
  }
}

/**
 * The body as fetchStart takes it: undefined, a string, an ArrayBuffer, or a stream handle (a number; negative for
 * a Java body passed straight on, whose length Java knows itself).
 */
function bodyForHop(source) {
  if (source === null) return undefined;
  if (typeof source === 'string') return source;
  if (source instanceof Uint8Array) {
    return source.byteOffset === 0 && source.byteLength === source.buffer.byteLength ? source.buffer : source.slice().buffer;
  }
  if (source instanceof ReadableStream) {
    if (source.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
    const handle = takeHostStream(source);
    return handle !== undefined ? -handle : exportStream(source);
  }
  return utf8Encode(String(source)).buffer;
}

/**
 * The byte length of a stream body when it is known in advance (a FixedLengthStream, a string/buffer/Blob body's
 * stream), else -1: workerd sends such a body with Content-Length, and only one of unknown length chunked.
 */
function streamLength(source) {
  return source instanceof ReadableStream ? knownLength(source) ?? -1 : -1;
}

/** One hop; resolves with {head, handle}; rejects with signal.reason on abort. */
function hop(method, url, headers, body, length, signal) {
  if (signal?.aborted) return Promise.reject(signal.reason);
  let callId;
  const started = hostCall((id) => {
    callId = id;
    return host.fetchStart(id, method, url, headersToWire(headers), body, length);
  });
  if (!signal) return started;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      host.fetchAbort(callId);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    started.then((v) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) {
        host.streamCancel(v.b, 'aborted');
        reject(signal.reason);
      } else {
        resolve(v);
      }
    }, (e) => {
      signal.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}

/**
 * RT-6: a request with `Upgrade: websocket` is a WebSocket client handshake (one subrequest, no redirects followed).
 * A 101 gives a response whose webSocket the worker accept()s; any other answer is the ordinary response, as in workerd.
 */
async function fetchWebSocket(url, headers) {
  const { a: head, b: handle } = await hostCall((id) => host.wsConnect(id, url, headersToWire(headers)));
  const { status, statusText, headers: responseHeaders } = parseHead(head);
  if (status === 101) {
    return responseFromNetwork({
      status, statusText, headers: responseHeaders, body: null, url, redirected: false,
      webSocket: outboundWebSocket(handle),
    });
  }
  return responseFromNetwork({
    status, statusText, headers: responseHeaders, body: streamFromHost(handle), url, redirected: false,
  });
}

/** Decoded body stream → the still-encoded stream it reads from, while nothing has read it (see encodedSource). */
const encodedSources = new WeakMap();

/**
 * A stream that decodes `raw` (gzip) when first read. Until then `raw` is untouched, so that a response passed on
 * as it came (a proxy) sends the origin's own bytes, as workerd does, instead of decoding and re-encoding them.
 */
function decodedGzip(raw) {
  let reader = null;
  const decoded = new ReadableStream({
    async pull(controller) {
      if (reader === null) {
        encodedSources.delete(decoded);
        reader = raw.pipeThrough(new DecompressionStream('gzip')).getReader();
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      encodedSources.delete(decoded);
      return reader === null ? raw.cancel(reason) : reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
  encodedSources.set(decoded, raw);
  return decoded;
}

/** The encoded stream behind a fetch()'s decoded gzip body nobody has read yet, else undefined. */
export function encodedSource(stream) {
  if (stream.locked) return undefined;
  return encodedSources.get(stream);
}

export async function fetch(input, init = undefined) {
  const request = new Request(input, init);
  const signal = init?.signal ?? null;
  if (signal !== null && !(signal instanceof AbortSignal)) {
    throw new TypeError("Failed to execute 'fetch': member signal is not of type AbortSignal.");
  }
  checkCf(init?.cf !== undefined ? init.cf : request.cf);
  let url = request.url;
  checkScheme(url);
  let method = request.method;
  const headers = request.headers;
  const source = bodySource(request) === null ? null : takeBodySource(request);
  const replayable = !(source instanceof ReadableStream);
  let body = bodyForHop(source);
  if (headers.get('upgrade')?.toLowerCase() === 'websocket') {
    if (source instanceof ReadableStream) source.cancel();
    return fetchWebSocket(url, headers);
  }
  let length = streamLength(source);
  for (let redirects = 0; ; redirects++) {
    const { a: head, b: handle } = await hop(method, url, headers, body, length, signal);
    const first = head.indexOf('\n');
    const second = head.indexOf('\n', first + 1);
    const status = Number(head.slice(0, first));
    const statusText = head.slice(first + 1, second);
    const responseHeaders = headersFromWire(head.slice(second + 1), 'immutable');
    const location = responseHeaders.get('location');
    if (REDIRECT_STATUS.has(status) && location !== null && request.redirect !== 'manual') {
      host.streamCancel(handle, 'redirect');
      if (request.redirect === 'error') {
        throw new TypeError(`Fetch failed: redirect mode is "error" and ${url} redirected (${status}).`);
      }
      if (redirects >= MAX_REDIRECTS) throw new TypeError('Too many redirects.');
      let next;
      try {
        next = new URL(location, url).href;
      } catch {
        throw new TypeError(`Invalid redirect location: ${location}`);
      }
      checkScheme(next);
      if (status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
        method = 'GET';
        body = undefined;
        length = -1;
        for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) {
          headers.delete(name);
        }
      } else if (body !== undefined && !replayable) {
        throw new TypeError(ONE_TIME_BODY);
      }
      url = next;
      continue;
    }
    const empty = method === 'HEAD' || NULL_BODY_STATUS.has(status);
    if (empty) host.streamCancel(handle, 'no body');
    let responseBody = empty ? null : streamFromHost(handle, signal);
    // RT-8 as workerd: a gzip body arrives decoded (the header stays, and a response passed on unchanged is
    // encoded again on its way out) unless the worker asked for encodeResponseBody: 'manual'
    const manual = init?.encodeResponseBody === 'manual';
    if (responseBody !== null && !manual && responseHeaders.get('content-encoding') === 'gzip') {
      responseBody = decodedGzip(responseBody);
    }
    return responseFromNetwork({
      status,
      statusText,
      headers: responseHeaders,
      body: responseBody,
      url,
      redirected: redirects > 0,
      encodeBody: manual ? 'manual' : 'automatic',
    });
  }
}
