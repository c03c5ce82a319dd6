// RT-6 node:stream/consumers under nodejs_compat: reads a whole node Readable, web ReadableStream or any
// (async) iterable of chunks into an ArrayBuffer, Blob, Buffer, string or parsed JSON.

import { Buffer } from './buffer.js';

async function* chunksOf(stream) {
  if (stream && typeof stream[Symbol.asyncIterator] === 'function') {
    yield* stream;
  } else if (stream && typeof stream.getReader === 'function') {
    const reader = stream.getReader();
    try {
      while (true) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else if (stream && typeof stream[Symbol.iterator] === 'function') {
    yield* stream;
  } else {
    const err = new TypeError('The "stream" argument must be an instance of ReadableStream, Readable or an async iterable.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

async function bytes(stream) {
  const parts = [];
  let length = 0;
  for await (const chunk of chunksOf(stream)) {
    const part = typeof chunk === 'string' ? new TextEncoder().encode(chunk)
      : chunk instanceof Uint8Array ? chunk
        : ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : new Uint8Array(chunk);
    parts.push(part);
    length += part.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export async function arrayBuffer(stream) {
  return (await bytes(stream)).buffer;
}

export async function blob(stream) {
  return new Blob([await bytes(stream)]);
}

export async function buffer(stream) {
  const b = await bytes(stream);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export async function text(stream) {
  return new TextDecoder().decode(await bytes(stream));
}

export async function json(stream) {
  return JSON.parse(await text(stream));
}

export default { arrayBuffer, blob, buffer, text, json };
