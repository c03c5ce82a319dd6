// CompressionStream / DecompressionStream (RT-6): gzip, deflate, deflate-raw. Each stream is one zlib stream in
// the host (api/ZlibHost, shared with node:zlib): every chunk is fed as it arrives and what zlib emits is
// enqueued at once, so a compressed body (gzip Content-Encoding, dispatch.js; a decoded fetch() body, fetch.js)
// flows instead of being buffered whole. Errors carry workerd's messages.

import { host } from './host.js';
import { TransformStream } from './streams.js';

const FORMATS = ['gzip', 'deflate', 'deflate-raw'];
// node:zlib's mode numbers (ZlibStream.java)
const COMPRESS = { gzip: 3, deflate: 1, 'deflate-raw': 5 };
const DECOMPRESS = { gzip: 4, deflate: 2, 'deflate-raw': 6 };
const Z_NO_FLUSH = 0;
const Z_FINISH = 4;

function byteChunk(chunk) {
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('The chunk must be an ArrayBuffer or ArrayBufferView.');
}

/** A host error [message, code] as workerd's DecompressionStream reports it. */
function streamError([message, code], closing) {
  if (code === 'TRAILING_DATA' || code === 'ERR_BUFFER_TOO_LARGE') return new TypeError(message);
  if (closing && code === 'Z_BUF_ERROR') {
    return new TypeError('Called close() on a decompression stream with incomplete data');
  }
  return new TypeError('Decompression failed.');
}

function zlibTransform(mode, decompress) {
  let id = 0;
  const run = (controller, bytes, flush) => {
    const result = host.zlibWrite(id, bytes, flush);
    if (Array.isArray(result)) {
      id = 0;
      throw streamError(result, flush === Z_FINISH);
    }
    if (result.byteLength > 0) controller.enqueue(new Uint8Array(result));
  };
  return {
    start() {
      id = host.zlibOpen(mode, -1, 0, undefined, undefined, decompress);
    },
    transform(chunk, controller) {
      const bytes = byteChunk(chunk);
      if (bytes.byteLength > 0) run(controller, bytes, Z_NO_FLUSH);
    },
    flush(controller) {
      run(controller, new Uint8Array(0), Z_FINISH);
    },
    cancel() {
      if (id) host.zlibClose(id);
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
    const f = checkFormat(format);
    super(zlibTransform(COMPRESS[f], false));
  }
}

export class DecompressionStream extends TransformStream {
  constructor(format) {
    const f = checkFormat(format);
    super(zlibTransform(DECOMPRESS[f], true));
  }
}
