// RT-6 node:crypto under nodejs_compat, the commonly used subset: createHash / createHmac (md5, sha1, sha256,
// sha384, sha512) with update()/digest(), hash(), randomBytes, randomInt, randomUUID, getRandomValues,
// timingSafeEqual, webcrypto / subtle. Digests run synchronously through the same host as crypto.subtle.
// Ciphers, key objects, sign/verify, pbkdf2/scrypt/hkdf are not provided (calling them throws).

import { host } from '../host.js';
import { crypto as webcrypto, CryptoKey } from '../crypto.js';
import { Buffer } from './buffer.js';

export { webcrypto, CryptoKey };
export const subtle = webcrypto.subtle;

const HASHES = { md5: 'MD5', sha1: 'SHA-1', 'sha-1': 'SHA-1', sha256: 'SHA-256', 'sha-256': 'SHA-256',
  sha384: 'SHA-384', 'sha-384': 'SHA-384', sha512: 'SHA-512', 'sha-512': 'SHA-512' };

function hashName(algorithm) {
  const name = HASHES[String(algorithm).toLowerCase()];
  if (name === undefined) {
    const e = new Error('Digest method not supported');
    e.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw e;
  }
  return name;
}

function toBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const e = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${data === null ? 'null' : typeof data}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}

function concat(chunks) {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return all;
}

function output(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === undefined || encoding === 'buffer' ? buf : buf.toString(encoding);
}

function digestOnce(state) {
  if (state.done) {
    const e = new Error('Digest already called');
    e.code = 'ERR_CRYPTO_HASH_FINALIZED';
    throw e;
  }
  state.done = true;
  return concat(state.chunks);
}

export class Hash {
  #state;

  constructor(algorithm) {
    this.#state = { name: hashName(algorithm), chunks: [], done: false };
  }

  update(data, encoding) {
    if (this.#state.done) {
      const e = new Error('Digest already called');
      e.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw e;
    }
    // Copied: the caller may reuse its buffer before digest().
    this.#state.chunks.push(toBytes(data, encoding).slice());
    return this;
  }

  digest(encoding) {
    const data = digestOnce(this.#state);
    return output(new Uint8Array(host.subtle('digest', this.#state.name, '', '', data)), encoding);
  }

  copy() {
    const h = new Hash(this.#state.name.replace('-', ''));
    for (const c of this.#state.chunks) h.update(c);
    return h;
  }
}

export class Hmac {
  #state;
  #key;

  constructor(algorithm, key, options) {
    const name = hashName(algorithm);
    if (name === 'MD5') {
      const e = new Error('HMAC-MD5 is not supported by Outpost');
      e.code = 'ERR_CRYPTO_INVALID_DIGEST';
      throw e;
    }
    this.#state = { name, chunks: [], done: false };
    this.#key = toBytes(key, undefined, 'key').slice();
  }

  update(data, encoding) {
    if (this.#state.done) {
      const e = new Error('Digest already called');
      e.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw e;
    }
    this.#state.chunks.push(toBytes(data, encoding).slice());
    return this;
  }

  digest(encoding) {
    const data = digestOnce(this.#state);
    return output(new Uint8Array(host.subtle('hmac', this.#state.name, '', '', this.#key, data)), encoding);
  }
}

export function createHash(algorithm, options) {
  return new Hash(algorithm);
}

export function createHmac(algorithm, key, options) {
  return new Hmac(algorithm, key, options);
}

/** crypto.hash(algorithm, data, outputEncoding = 'hex'): one-shot digest. */
export function hash(algorithm, data, outputEncoding = 'hex') {
  return createHash(algorithm).update(data).digest(outputEncoding);
}

export function getHashes() {
  return ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];
}

export function randomBytes(size, callback) {
  if (typeof size !== 'number' || !(size >= 0 && size <= 2 ** 31 - 1)) {
    const e = new RangeError(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i += 65536) webcrypto.getRandomValues(buf.subarray(i, Math.min(size, i + 65536)));
  if (typeof callback === 'function') {
    queueMicrotask(() => callback(null, buf));
    return undefined;
  }
  return buf;
}

export const pseudoRandomBytes = randomBytes;

export function randomFillSync(buf, offset = 0, size) {
  const bytes = new Uint8Array(buf.buffer ?? buf, (buf.byteOffset ?? 0) + offset, size ?? (buf.byteLength - offset));
  for (let i = 0; i < bytes.length; i += 65536) webcrypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
  return buf;
}

export function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  const range = max - min;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0 || range > 2 ** 48) {
    const e = new RangeError(`The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  // Rejection sampling over 48 random bits, so every value is equally likely.
  const limit = 2 ** 48 - (2 ** 48 % range);
  let n;
  do {
    const b = randomBytes(6);
    n = b.readUIntBE(0, 6);
  } while (n >= limit);
  const value = min + (n % range);
  if (typeof callback === 'function') {
    queueMicrotask(() => callback(null, value));
    return undefined;
  }
  return value;
}

export function randomUUID() {
  return webcrypto.randomUUID();
}

export function getRandomValues(array) {
  return webcrypto.getRandomValues(array);
}

export function timingSafeEqual(a, b) {
  const x = toBytes(a, undefined, 'buf1');
  const y = toBytes(b, undefined, 'buf2');
  if (x.byteLength !== y.byteLength) {
    // workerd throws a plain TypeError here (Node: RangeError ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH)
    throw new TypeError('Input buffers must have the same byte length');
  }
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

function notImplemented(name) {
  return () => {
    const e = new Error(`crypto.${name} is not implemented in Outpost`);
    e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
    throw e;
  };
}

export const createCipheriv = notImplemented('createCipheriv');
export const createDecipheriv = notImplemented('createDecipheriv');
export const createSign = notImplemented('createSign');
export const createVerify = notImplemented('createVerify');
export const pbkdf2 = notImplemented('pbkdf2');
export const pbkdf2Sync = notImplemented('pbkdf2Sync');
export const scrypt = notImplemented('scrypt');
export const scryptSync = notImplemented('scryptSync');
export const createPrivateKey = notImplemented('createPrivateKey');
export const createPublicKey = notImplemented('createPublicKey');
export const createSecretKey = notImplemented('createSecretKey');

export default {
  webcrypto, subtle, CryptoKey, Hash, Hmac, createHash, createHmac, hash, getHashes, randomBytes, pseudoRandomBytes,
  randomFillSync, randomInt, randomUUID, getRandomValues, timingSafeEqual, createCipheriv, createDecipheriv, createSign,
  createVerify, pbkdf2, pbkdf2Sync, scrypt, scryptSync, createPrivateKey, createPublicKey, createSecretKey,
};
