// RT-6 node:buffer under nodejs_compat: Buffer as a Uint8Array subclass with Node's encodings (utf8, hex,
// base64, base64url, latin1/binary, ascii, utf16le/ucs2) and its integer/float read/write methods.

import { utf8Encode, utf8Decode, atob, btoa } from '../encoding.js';
import { Blob, File } from '../blob.js';

export const kMaxLength = 2 ** 32;
export const kStringMaxLength = 2 ** 29 - 24;
export const constants = Object.freeze({ MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength });
export const INSPECT_MAX_BYTES = 50;

const ENCODINGS = {
  utf8: 'utf8', 'utf-8': 'utf8', hex: 'hex', base64: 'base64', base64url: 'base64url', latin1: 'latin1',
  binary: 'latin1', ascii: 'ascii', utf16le: 'utf16le', 'utf-16le': 'utf16le', ucs2: 'utf16le', 'ucs-2': 'utf16le',
};

function encodingOf(encoding) {
  if (encoding === undefined || encoding === null) return 'utf8';
  const e = ENCODINGS[String(encoding).toLowerCase()];
  if (e === undefined) throw new TypeError(`Unknown encoding: ${encoding}`);
  return e;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64_INDEX[B64.charCodeAt(i)] = i;
  B64_INDEX[B64URL.charCodeAt(i)] = i;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function encodeBase64(bytes, alphabet, pad) {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}

// Node's base64 decoder is lenient: it accepts both alphabets, skips other characters and stops at '='.
function decodeBase64(str) {
  const out = new Uint8Array(Math.ceil(str.length * 3 / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 61) break;
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function decodeHex(str) {
  const out = new Uint8Array(str.length >>> 1);
  let n = 0;
  for (; n < out.length; n++) {
    const v = parseInt(str.substr(n * 2, 2), 16);
    if (Number.isNaN(v) || !/^[0-9a-fA-F]{2}$/.test(str.substr(n * 2, 2))) break;
    out[n] = v;
  }
  return out.subarray(0, n);
}

function encodeString(string, encoding) {
  switch (encodingOf(encoding)) {
    case 'utf8': return utf8Encode(string);
    case 'hex': return decodeHex(string);
    case 'base64':
    case 'base64url': return decodeBase64(string);
    case 'latin1':
    case 'ascii': {
      const out = new Uint8Array(string.length);
      for (let i = 0; i < string.length; i++) out[i] = string.charCodeAt(i) & 0xff;
      return out;
    }
    case 'utf16le': {
      const out = new Uint8Array(string.length * 2);
      for (let i = 0; i < string.length; i++) {
        const c = string.charCodeAt(i);
        out[i * 2] = c & 0xff;
        out[i * 2 + 1] = c >> 8;
      }
      return out;
    }
  }
}

function decodeBytes(bytes, encoding) {
  switch (encodingOf(encoding)) {
    case 'utf8': return utf8Decode(bytes);
    case 'hex': {
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
      return out;
    }
    case 'base64': return encodeBase64(bytes, B64, true);
    case 'base64url': return encodeBase64(bytes, B64URL, false);
    case 'latin1': return chars(bytes, 0xff);
    case 'ascii': return chars(bytes, 0x7f);
    case 'utf16le': {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return out;
    }
  }
}

function chars(bytes, mask) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const part = Array.from(bytes.subarray(i, i + 4096), (b) => b & mask);
    out += String.fromCharCode(...part);
  }
  return out;
}

function outOfRange(name, range, value) {
  const e = new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}

function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') {
    const e = new TypeError(`The "offset" argument must be of type number. Received ${typeof offset}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (!Number.isInteger(offset) || offset < 0 || offset + size > buf.length) {
    throw outOfRange('offset', `>= 0 and <= ${buf.length - size}`, offset);
  }
  return offset;
}

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function argType(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${value === null ? 'null' : typeof value}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

export class Buffer extends Uint8Array {
  static from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromBytes(encodeString(value, encodingOrOffset));
    if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
      const offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
      const len = length === undefined ? value.byteLength - offset : Number(length);
      if (offset > value.byteLength) throw outOfRange('offset', `<= ${value.byteLength}`, offset);
      return new Buffer(value, offset, len);
    }
    if (ArrayBuffer.isView(value)) {
      const bytes = value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      // Node copies typed arrays element-wise (each element truncated to a byte); Uint8Array views copy bytes.
      return fromBytes(value instanceof Uint8Array || value instanceof DataView ? bytes.slice() : Uint8Array.from(value, (x) => Number(x) & 0xff));
    }
    if (value === null || value === undefined) {
      throw argType('first', 'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', value);
    }
    if (typeof value === 'object') {
      if (value.type === 'Buffer' && Array.isArray(value.data)) return fromBytes(Uint8Array.from(value.data));
      if (typeof value.length === 'number' || Array.isArray(value)) return fromBytes(Uint8Array.from(value, (x) => Number(x) & 0xff));
      const primitive = value.valueOf?.();
      if (primitive !== value && primitive !== undefined && primitive !== null) return Buffer.from(primitive, encodingOrOffset, length);
      if (typeof value[Symbol.toPrimitive] === 'function') return Buffer.from(value[Symbol.toPrimitive]('string'), encodingOrOffset);
    }
    throw argType('first', 'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', value);
  }

  static alloc(size, fill, encoding) {
    checkSize(size);
    const buf = new Buffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, size, encoding);
    return buf;
  }

  static allocUnsafe(size) {
    checkSize(size);
    return new Buffer(size);
  }

  static allocUnsafeSlow(size) {
    return Buffer.allocUnsafe(size);
  }

  static isBuffer(value) {
    return value instanceof Buffer;
  }

  static isEncoding(encoding) {
    return typeof encoding === 'string' && ENCODINGS[encoding.toLowerCase()] !== undefined;
  }

  static byteLength(value, encoding) {
    if (typeof value !== 'string') {
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return value.byteLength;
      throw argType('string', 'of type string or an instance of Buffer or ArrayBuffer', value);
    }
    // Node sizes hex and base64 from the string's length, without decoding it.
    const e = encodingOf(encoding);
    if (e === 'hex') return value.length >>> 1;
    if (e === 'base64' || e === 'base64url') {
      let n = value.length;
      if (n > 0 && value.charCodeAt(n - 1) === 61) n--;
      if (n > 1 && value.charCodeAt(n - 1) === 61) n--;
      return (n * 3) >>> 2;
    }
    return encodeString(value, encoding).length;
  }

  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw argType('list', 'an instance of Array', list);
    if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(totalLength);
    let offset = 0;
    for (const item of list) {
      if (!(item instanceof Uint8Array)) throw argType('list[0]', 'an instance of Buffer or Uint8Array', item);
      if (offset >= totalLength) break;
      const part = item.subarray(0, totalLength - offset);
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  static compare(a, b) {
    if (!(a instanceof Uint8Array)) throw argType('buf1', 'an instance of Buffer or Uint8Array', a);
    if (!(b instanceof Uint8Array)) throw argType('buf2', 'an instance of Buffer or Uint8Array', b);
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  static get poolSize() {
    return 8192;
  }

  toString(encoding, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) return '';
    return decodeBytes(this.subarray(start, end), encoding);
  }

  toLocaleString(encoding, start, end) {
    return this.toString(encoding, start, end);
  }

  write(string, offset, length, encoding) {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      length = this.length;
    } else if (typeof length === 'string') {
      encoding = length;
      length = this.length - (offset ?? 0);
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    if (offset > this.length) throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
    const room = this.length - offset;
    length = length === undefined ? room : Math.min(room, length >>> 0);
    let bytes = encodeString(String(string), encoding);
    if (bytes.length > length) {
      bytes = bytes.subarray(0, length);
      // Never write half of a UTF-8 sequence.
      if (encodingOf(encoding) === 'utf8') {
        let cut = bytes.length;
        let i = cut - 1;
        while (i >= 0 && (bytes[i] & 0xc0) === 0x80) i--;
        if (i >= 0) {
          const lead = bytes[i];
          const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
          if (cut - i < need) cut = i;
        }
        bytes = bytes.subarray(0, cut);
      }
    }
    this.set(bytes, offset);
    return bytes.length;
  }

  toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  }

  equals(other) {
    if (!(other instanceof Uint8Array)) throw argType('otherBuffer', 'an instance of Buffer or Uint8Array', other);
    return Buffer.compare(this, other) === 0;
  }

  compare(target, targetStart = 0, targetEnd = target?.length, sourceStart = 0, sourceEnd = this.length) {
    if (!(target instanceof Uint8Array)) throw argType('target', 'an instance of Buffer or Uint8Array', target);
    return Buffer.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
  }

  copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }

  slice(start, end) {
    return this.subarray(start, end);
  }

  fill(value, offset, end, encoding) {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = this.length;
    }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof value === 'number' || typeof value === 'boolean') return super.fill(Number(value) & 0xff, offset, end);
    const pattern = typeof value === 'string' ? encodeString(value, encoding) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (pattern.length === 0) {
      if (typeof value === 'string' && value.length === 0) return super.fill(0, offset, end);
      const e = new TypeError(`The argument 'value' is invalid. Received ${value}`);
      e.code = 'ERR_INVALID_ARG_VALUE';
      throw e;
    }
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % pattern.length) this[i] = pattern[j];
    return this;
  }

  indexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, false);
  }

  lastIndexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, true);
  }

  includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  }

  swap16() {
    return swap(this, 2);
  }

  swap32() {
    return swap(this, 4);
  }

  swap64() {
    return swap(this, 8);
  }
}

function swap(buf, size) {
  if (buf.length % size !== 0) throw new RangeError(`Buffer size must be a multiple of ${size * 8}-bits`);
  for (let i = 0; i < buf.length; i += size) buf.subarray(i, i + size).reverse();
  return buf;
}

function search(buf, value, byteOffset, encoding, last) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  }
  let needle;
  if (typeof value === 'number') needle = new Uint8Array([value & 0xff]);
  else if (typeof value === 'string') needle = encodeString(value, encoding);
  else if (value instanceof Uint8Array) needle = value;
  else throw argType('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
  let from = byteOffset === undefined ? (last ? buf.length : 0) : Number(byteOffset);
  if (from < 0) from = Math.max(0, buf.length + from);
  if (needle.length === 0) return Math.min(from, buf.length);
  const step = last ? -1 : 1;
  let i = last ? Math.min(from, buf.length - needle.length) : from;
  for (; last ? i >= 0 : i <= buf.length - needle.length; i += step) {
    let j = 0;
    while (j < needle.length && buf[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function checkSize(size) {
  if (typeof size !== 'number') throw argType('size', 'of type number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
}

function fromBytes(bytes) {
  return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
}

// readUInt8 ... writeDoubleBE: one DataView accessor per type, both byte orders.
const TYPES = [
  ['UInt8', 'Uint8', 1], ['Int8', 'Int8', 1], ['UInt16', 'Uint16', 2], ['Int16', 'Int16', 2], ['UInt32', 'Uint32', 4],
  ['Int32', 'Int32', 4], ['Float', 'Float32', 4], ['Double', 'Float64', 8], ['BigUInt64', 'BigUint64', 8],
  ['BigInt64', 'BigInt64', 8],
];
const RANGES = {
  UInt8: [0, 255], Int8: [-128, 127], UInt16: [0, 65535], Int16: [-32768, 32767], UInt32: [0, 4294967295],
  Int32: [-2147483648, 2147483647],
};
for (const [name, dv, size] of TYPES) {
  for (const suffix of size === 1 ? [''] : ['LE', 'BE']) {
    const little = suffix === 'LE';
    const read = function (offset) {
      return view(this)[`get${dv}`](checkOffset(this, offset, size), little);
    };
    const write = function (value, offset) {
      offset = checkOffset(this, offset, size);
      const range = RANGES[name];
      if (range && (value < range[0] || value > range[1])) {
        throw outOfRange('value', `>= ${range[0]} and <= ${range[1]}`, value);
      }
      if (name.startsWith('Big') && typeof value !== 'bigint') throw argType('value', 'of type bigint', value);
      view(this)[`set${dv}`](offset, name.startsWith('Big') ? value : Number(value), little);
      return offset + size;
    };
    const names = [name + suffix];
    if (name.includes('UInt')) names.push(name.replace('UInt', 'Uint') + suffix);
    for (const n of names) {
      Object.defineProperty(Buffer.prototype, `read${n}`, { value: read, writable: true, configurable: true });
      Object.defineProperty(Buffer.prototype, `write${n}`, { value: write, writable: true, configurable: true });
    }
  }
}

// Variable-width (1..6 byte) integers.
function readVar(buf, offset, byteLength, little, signed) {
  checkOffset(buf, offset, byteLength);
  let value = 0;
  for (let i = 0; i < byteLength; i++) {
    const b = buf[offset + (little ? i : byteLength - 1 - i)];
    value += b * 2 ** (8 * i);
  }
  if (signed && value >= 2 ** (8 * byteLength - 1)) value -= 2 ** (8 * byteLength);
  return value;
}

function writeVar(buf, value, offset, byteLength, little) {
  checkOffset(buf, offset, byteLength);
  let v = value < 0 ? value + 2 ** (8 * byteLength) : value;
  for (let i = 0; i < byteLength; i++) {
    buf[offset + (little ? i : byteLength - 1 - i)] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + byteLength;
}

const VAR = {
  readUIntLE(o, n) { return readVar(this, o, n, true, false); },
  readUIntBE(o, n) { return readVar(this, o, n, false, false); },
  readIntLE(o, n) { return readVar(this, o, n, true, true); },
  readIntBE(o, n) { return readVar(this, o, n, false, true); },
  writeUIntLE(v, o, n) { return writeVar(this, v, o, n, true); },
  writeUIntBE(v, o, n) { return writeVar(this, v, o, n, false); },
  writeIntLE(v, o, n) { return writeVar(this, v, o, n, true); },
  writeIntBE(v, o, n) { return writeVar(this, v, o, n, false); },
};
for (const [n, f] of Object.entries(VAR)) {
  Object.defineProperty(Buffer.prototype, n, { value: f, writable: true, configurable: true });
  if (n.includes('UInt')) Object.defineProperty(Buffer.prototype, n.replace('UInt', 'Uint'), { value: f, writable: true, configurable: true });
}

Object.defineProperty(Buffer.prototype, 'parent', { get() { return this.buffer; }, configurable: true });
Object.defineProperty(Buffer.prototype, 'offset', { get() { return this.byteOffset; }, configurable: true });

export const SlowBuffer = Buffer;

export function isUtf8(input) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(input) {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return bytes.every((b) => b < 0x80);
}

export { atob, btoa, Blob, File };

export default { Buffer, SlowBuffer, kMaxLength, kStringMaxLength, constants, INSPECT_MAX_BYTES, isUtf8, isAscii, atob, btoa, Blob, File };
