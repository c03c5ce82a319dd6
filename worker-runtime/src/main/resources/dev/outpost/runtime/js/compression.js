// CompressionStream / DecompressionStream (RT-6): gzip, deflate, deflate-raw. Chunks are collected and the host
// (java.util.zip) runs once when the writable side closes: bodies are buffered at the Java boundary anyway.

import { host } from './host.js';
import { TransformStream } from './streams.js';

const FORMATS = ['gzip', 'deflate', 'deflate-raw'];

function byteChunk(chunk) {
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('The chunk must be an ArrayBuffer or ArrayBufferView.');
}

function collecting(format, mode) {
  const chunks = [];
  let total = 0;
  return {
    transform(chunk) {
      const bytes = byteChunk(chunk).slice();
      chunks.push(bytes);
      total += bytes.byteLength;
    },
    flush(controller) {
      const all = new Uint8Array(total);
      let offset = 0;
      for (const c of chunks) {
        all.set(c, offset);
        offset += c.byteLength;
      }
      const result = host.compress(format, mode, all.buffer);
      if (typeof result === 'string') throw new TypeError(result);
      if (result.byteLength > 0) controller.enqueue(new Uint8Array(result));
    },
  };
}

function checkFormat(format) {
  const f = String(format);
  if (!FORMATS.includes(f)) {
    throw new TypeError(`The compression format must be either 'deflate', 'deflate-raw' or 'gzip'.`);
  }
  return f;
}

export class CompressionStream extends TransformStream {
  constructor(format) {
    super(collecting(checkFormat(format), 'compress'));
  }
}

export class DecompressionStream extends TransformStream {
  constructor(format) {
    super(collecting(checkFormat(format), 'decompress'));
  }
}
