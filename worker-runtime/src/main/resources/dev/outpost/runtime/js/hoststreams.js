// Bodies across the Java boundary, chunk by chunk (checklist RT-6 streaming bodies).
//  - Java → JS: a body Java produces (an incoming request body, an outbound fetch's response body) is a
//    ReadableStream whose pull() asks Java for one chunk (host.streamRead). highWaterMark 0: nothing is read
//    until the worker reads, so an unread body keeps the client's socket paused (backpressure).
//  - JS → Java: a ReadableStream Java reads (a streamed Response body, an outbound request body) is exported
//    under a handle; Java calls pullStream(handle) once per chunk it can take, the chunk goes back through
//    host.streamChunk(handle, bytes | undefined, error | undefined).

import { host } from './host.js';
import { hostCall } from './async.js';
import { ReadableStream, isDisturbed } from './streams.js';
import { describeError } from './errors.js';
import { utf8Encode } from './encoding.js';

const hostHandles = new WeakMap();

/** A ReadableStream over the Java body stream {@code handle}. */
export function streamFromHost(handle, signal = null) {
  let closed = false;
  const stream = new ReadableStream({
    start(controller) {
      // An aborted fetch errors its response body too (the connection is reset).
      signal?.addEventListener('abort', () => {
        if (closed) return;
        closed = true;
        host.streamCancel(handle, 'aborted');
        controller.error(signal.reason);
      }, { once: true });
    },
    async pull(controller) {
      if (closed) return;
      const { a } = await hostCall((id) => host.streamRead(id, handle));
      if (closed) return;
      if (a === null || a === undefined) closed = true;
      if (a === null || a === undefined) controller.close();
      else controller.enqueue(new Uint8Array(a));
    },
    cancel(reason) {
      closed = true;
      host.streamCancel(handle, reason === undefined ? 'cancelled' : String(reason));
    },
  }, { highWaterMark: 0 });
  hostHandles.set(stream, handle);
  return stream;
}

/**
 * When {@code stream} is a Java body nobody has read yet, hands it back to Java (its handle) so the host can
 * pass it on without a JS crossing per chunk (`new Response(request.body)`); the JS stream becomes locked.
 */
export function takeHostStream(stream) {
  const handle = hostHandles.get(stream);
  if (handle === undefined || isDisturbed(stream)) return undefined;
  hostHandles.delete(stream);
  stream.getReader();
  return handle;
}

let lastExport = 0;
const exported = new Map();

/** Locks {@code stream} to a reader Java drives; returns the handle Java knows it by. */
export function exportStream(stream) {
  const handle = ++lastExport;
  exported.set(handle, stream.getReader());
  return handle;
}

function toBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return utf8Encode(value);
  throw new TypeError('This ReadableStream did not return bytes.');
}

/** Java wants the next chunk of export {@code handle}. */
export function pullStream(handle) {
  const reader = exported.get(handle);
  if (reader === undefined) {
    host.streamChunk(handle, undefined, 'Error: This ReadableStream is no longer readable.');
    return;
  }
  reader.read().then(({ value, done }) => {
    if (done) {
      exported.delete(handle);
      host.streamChunk(handle, undefined, undefined);
      return;
    }
    const bytes = toBytes(value);
    if (bytes.byteLength === 0) {
      pullStream(handle);
      return;
    }
    host.streamChunk(handle, bytes, undefined);
  }).catch((e) => {
    exported.delete(handle);
    reader.cancel(e).catch(() => {});
    host.streamChunk(handle, undefined, describeError(e));
  });
}

/** Java does not want the rest of export {@code handle} (the client went away). */
export function cancelStream(handle, reason) {
  const reader = exported.get(handle);
  if (reader === undefined) return;
  exported.delete(handle);
  reader.cancel(reason).catch(() => {});
}
