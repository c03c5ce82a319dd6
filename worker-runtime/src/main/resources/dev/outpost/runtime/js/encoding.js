// UTF-8 encoding and decoding (TextEncoder, TextDecoder) and base64 (atob, btoa).
// Short strings are converted in JS; long ones go to Java in one crossing, which is much faster there.

import { host } from './host.js';
import { DOMException } from './errors.js';
import { legacyEncoding, legacyDecoder } from './legacy-encodings.js';

// Below this size a JS loop beats the cost of crossing into Java.
const HOST_THRESHOLD = 512;

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD) into a new Uint8Array. */
export function utf8Encode(input) {
  const str = String(input);
  if (str.length >= HOST_THRESHOLD) {
    return new Uint8Array(host.utf8Encode(str.toWellFormed()));
  }
  const out = new Uint8Array(str.length * 3);
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (cp >> 18);
        out[n++] = 0x80 | ((cp >> 12) & 0x3f);
        out[n++] = 0x80 | ((cp >> 6) & 0x3f);
        out[n++] = 0x80 | (cp & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 0x3f);
    out[n++] = 0x80 | (c & 0x3f);
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Decodes UTF-8 per the WHATWG decoder (maximal subparts become U+FFFD). With {@code stream} an incomplete
 * trailing sequence is not decoded; the number of bytes consumed is returned in {@code state.consumed}.
 */
function decodeUtf8Js(bytes, fatal, stream, state) {
  let out = '';
  let chunk = [];
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      chunk.push(b);
      i++;
    } else {
      let need = 0;
      let cp = 0;
      let lower = 0x80;
      let upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1; cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2; cp = b & 0x0f;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3; cp = b & 0x07;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      } else {
        if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
        chunk.push(0xfffd);
        i++;
        continue;
      }
      let j = 1;
      let ok = true;
      for (; j <= need; j++) {
        if (i + j >= len) {
          if (stream) {
            state.consumed = i;
            flush();
            return out;
          }
          ok = false;
          break;
        }
        const c = bytes[i + j];
        if (c < lower || c > upper) {
          ok = false;
          break;
        }
        lower = 0x80;
        upper = 0xbf;
        cp = (cp << 6) | (c & 0x3f);
      }
      if (!ok) {
        if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
        chunk.push(0xfffd);
        i += j;
        continue;
      }
      i += need + 1;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      } else {
        chunk.push(cp);
      }
    }
    if (chunk.length >= 8192) flush();
  }
  state.consumed = len;
  flush();
  return out;

  function flush() {
    if (chunk.length > 0) {
      out += String.fromCharCode.apply(null, chunk);
      chunk = [];
    }
  }
}

/** Decodes a whole UTF-8 byte sequence, replacing malformed input. */
export function utf8Decode(bytes) {
  if (bytes.length >= HOST_THRESHOLD) {
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes.buffer : bytes.slice().buffer;
    return host.utf8Decode(exact);
  }
  return decodeUtf8Js(bytes, false, false, {});
}

/** A Uint8Array over the bytes of a BufferSource (no copy). */
export function bytesOf(source, what = 'argument') {
  if (source instanceof ArrayBuffer || source instanceof SharedArrayBuffer) {
    return new Uint8Array(source);
  }
  if (ArrayBuffer.isView(source)) {
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  }
  throw new TypeError(`Failed to execute: ${what} is not an ArrayBuffer or ArrayBufferView.`);
}

export class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return utf8Encode(input);
  }

  encodeInto(source, destination) {
    if (!(destination instanceof Uint8Array)) {
      throw new TypeError('The "destination" argument must be a Uint8Array.');
    }
    const str = String(source);
    let read = 0;
    let written = 0;
    for (const ch of str) {
      const bytes = utf8Encode(ch);
      if (written + bytes.length > destination.length) break;
      destination.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
}

const UTF8_LABELS = new Set(['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);

export class TextDecoder {
  #fatal;
  #ignoreBOM;
  #pending = null;
  #bomSeen = false;
  #encoding = 'utf-8';
  #legacy = null;

  constructor(label = 'utf-8', options = {}) {
    const normalized = String(label).trim().toLowerCase();
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
    if (!UTF8_LABELS.has(normalized)) {
      const legacy = legacyEncoding(normalized);
      if (legacy === undefined) {
        throw new RangeError(`"${label}" is not a valid encoding.`);
      }
      this.#encoding = legacy;
      this.#legacy = legacyDecoder(legacy, this.#fatal, this.#ignoreBOM);
    }
  }

  get encoding() {
    return this.#encoding;
  }

  get fatal() {
    return this.#fatal;
  }

  get ignoreBOM() {
    return this.#ignoreBOM;
  }

  decode(input = undefined, options = {}) {
    const stream = Boolean(options?.stream);
    let bytes = input === undefined ? new Uint8Array(0) : bytesOf(input, 'parameter 1');
    if (this.#legacy !== null) return this.#legacy.decode(bytes, stream);
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    if (!this.#bomSeen && !this.#ignoreBOM && bytes.length > 0) {
      const bomPrefix = bytes[0] === 0xef && (bytes.length < 2 || bytes[1] === 0xbb);
      if (stream && bytes.length < 3 && bomPrefix) {
        this.#pending = bytes.slice();
        return '';
      }
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
      }
      this.#bomSeen = true;
    }
    let text;
    if (!stream && !this.#fatal) {
      text = utf8Decode(bytes);
    } else {
      const state = {};
      text = decodeUtf8Js(bytes, this.#fatal, stream, state);
      if (stream && state.consumed < bytes.length) {
        this.#pending = bytes.slice(state.consumed);
      }
    }
    if (!stream) {
      this.#bomSeen = false;
    }
    return text;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function btoa(data) {
  if (arguments.length === 0) {
    throw new TypeError("Failed to execute 'btoa': 1 argument required, but only 0 present.");
  }
  const str = String(data);
  let out = '';
  for (let i = 0; i < str.length; i += 3) {
    const a = str.charCodeAt(i);
    const b = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
    const c = i + 2 < str.length ? str.charCodeAt(i + 2) : 0;
    if (a > 0xff || b > 0xff || c > 0xff) {
      throw new DOMException(
        'btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.', 'InvalidCharacterError');
    }
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
      + (i + 1 < str.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < str.length ? B64[n & 63] : '=');
  }
  return out;
}

export function atob(data) {
  if (arguments.length === 0) {
    throw new TypeError("Failed to execute 'atob': 1 argument required, but only 0 present.");
  }
  // Forgiving-base64 decode (WHATWG infra).
  let str = String(data).replace(/[\t\n\f\r ]/g, '');
  if (str.length % 4 === 0) {
    str = str.replace(/==?$/, '');
  }
  if (str.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(str)) {
    throw new DOMException("atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric "
      + "ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)", 'InvalidCharacterError');
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < str.length; i++) {
    buffer = (buffer << 6) | B64_INDEX[str.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
