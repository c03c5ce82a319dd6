// Blob and File (RT-6). A Blob holds its bytes in one Uint8Array; parts are copied at construction, so slices
// and reads never see later changes of the sources.

import { utf8Encode, utf8Decode } from './encoding.js';
import { streamOfBytes } from './streams.js';

let bytesOf;

function normalizeType(type) {
  const t = type === undefined ? '' : String(type);
  return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : '';
}

function partBytes(part) {
  if (part instanceof Blob) return bytesOf(part);
  if (part instanceof ArrayBuffer) return new Uint8Array(part);
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return utf8Encode(String(part));
}

export class Blob {
  #bytes;
  #type;

  static {
    bytesOf = (b) => b.#bytes;
  }

  constructor(parts = [], options = {}) {
    if (parts === null || typeof parts !== 'object' || typeof parts[Symbol.iterator] !== 'function') {
      if (parts !== undefined) throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
      parts = [];
    }
    const chunks = [...parts].map(partBytes);
    const total = chunks.reduce((n, c) => n + c.byteLength, 0);
    this.#bytes = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      this.#bytes.set(c, offset);
      offset += c.byteLength;
    }
    this.#type = normalizeType(options?.type);
  }

  get size() { return this.#bytes.byteLength; }

  get type() { return this.#type; }

  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const clamp = (v) => (v < 0 ? Math.max(size + v, 0) : Math.min(v, size));
    const from = clamp(Math.trunc(Number(start) || 0));
    const to = clamp(Math.trunc(Number(end) || 0));
    return new Blob([this.#bytes.subarray(from, Math.max(from, to))], { type: contentType });
  }

  async arrayBuffer() { return this.#bytes.slice().buffer; }

  async bytes() { return this.#bytes.slice(); }

  async text() { return utf8Decode(this.#bytes); }

  stream() {
    // of known length, as in workerd: sent as a fetch or response body it goes out with Content-Length
    return streamOfBytes(this.#bytes.slice());
  }
}

export class File extends Blob {
  #name;
  #lastModified;

  constructor(bits, name, options = {}) {
    if (arguments.length < 2) throw new TypeError("Failed to construct 'File': constructor parameter 2 is not of type 'string'.");
    super(bits, options);
    this.#name = String(name);
    this.#lastModified = options?.lastModified === undefined ? Date.now() : Number(options.lastModified);
  }

  get name() { return this.#name; }

  get lastModified() { return this.#lastModified; }
}

/** The bytes of a Blob (not copied; callers must not change them). */
export function blobBytes(blob) {
  return bytesOf(blob);
}
