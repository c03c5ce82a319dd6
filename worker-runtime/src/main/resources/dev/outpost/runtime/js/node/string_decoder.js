// RT-6 node:string_decoder under nodejs_compat: decodes a stream of byte chunks to strings without splitting
// multi-byte characters (utf8, utf16le) or base64 groups between chunks.

import { Buffer } from './buffer.js';

const NORMAL = { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
  'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', ascii: 'ascii',
  hex: 'hex' };

export class StringDecoder {
  constructor(encoding) {
    const e = NORMAL[String(encoding ?? 'utf8').toLowerCase()];
    if (e === undefined) {
      const err = new TypeError(`Unknown encoding: ${encoding}`);
      err.code = 'ERR_UNKNOWN_ENCODING';
      throw err;
    }
    this.encoding = e;
    this.pending = new Uint8Array(0);
  }

  write(chunk) {
    if (typeof chunk === 'string') return chunk;
    const incoming = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength);
    const all = new Uint8Array(this.pending.length + incoming.length);
    all.set(this.pending);
    all.set(incoming, this.pending.length);
    const cut = completeLength(all, this.encoding);
    this.pending = all.slice(cut);
    return Buffer.from(all.buffer, 0, cut).toString(this.encoding);
  }

  end(chunk) {
    let out = chunk === undefined ? '' : this.write(chunk);
    if (this.pending.length > 0) {
      // What is left is an incomplete character: utf8 turns it into U+FFFD, the others decode what they can.
      out += this.encoding === 'utf8' ? '\ufffd' : Buffer.from(this.pending).toString(this.encoding);
      this.pending = new Uint8Array(0);
    }
    return out;
  }

  text(chunk, offset) {
    return this.write(chunk.subarray(offset));
  }
}

/** How many leading bytes form complete units for the encoding. */
function completeLength(bytes, encoding) {
  const n = bytes.length;
  if (encoding === 'utf8') {
    // Look back at most 3 bytes for the lead byte of an unfinished sequence.
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = bytes[n - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }
  if (encoding === 'utf16le') {
    let cut = n - (n % 2);
    // Keep a high surrogate back until its pair arrives.
    if (cut >= 2) {
      const unit = bytes[cut - 2] | (bytes[cut - 1] << 8);
      if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2;
    }
    return cut;
  }
  if (encoding === 'base64' || encoding === 'base64url') return n - (n % 3);
  return n;
}

export default { StringDecoder };
