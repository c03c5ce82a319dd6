// crypto.getRandomValues / randomUUID from the host's SecureRandom. Random bytes are fetched in blocks so most
// calls need no crossing into Java. crypto.subtle lives in subtle.js.

import { host } from './host.js';
import { DOMException, assertInRequest } from './errors.js';
import { subtle as subtleObject } from './subtle.js';
import { WritableStream } from './streams.js';

const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

function randomInto(target) {
  if (target.length > POOL_SIZE) {
    target.set(new Uint8Array(host.randomBytes(target.length)));
    return;
  }
  if (poolOffset + target.length > pool.length) {
    pool = new Uint8Array(host.randomBytes(POOL_SIZE));
    poolOffset = 0;
  }
  target.set(pool.subarray(poolOffset, poolOffset + target.length));
  // Used bytes are wiped so they cannot be observed twice.
  pool.fill(0, poolOffset, poolOffset + target.length);
  poolOffset += target.length;
}

const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  BigInt64Array, BigUint64Array];

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export { SubtleCrypto, CryptoKey } from './subtle.js';

export class Crypto {
  constructor(token) {
    if (token !== Crypto) throw new TypeError('Illegal constructor');
  }

  get subtle() {
    return subtleObject;
  }

  getRandomValues(array) {
    if (!ArrayBuffer.isView(array)) {
      throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.");
    }
    if (!INTEGER_ARRAYS.some((type) => array instanceof type)) {
      throw new DOMException(
        'ArrayBufferView argument to getRandomValues() must be an integer-typed view.', 'TypeMismatchError');
    }
    if (array.byteLength > 65536) {
      throw new DOMException(
        `getRandomValues() only accepts buffers of size <= 64K but provided ${array.byteLength} bytes.`,
        'QuotaExceededError');
    }
    assertInRequest();
    randomInto(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    return array;
  }

  randomUUID() {
    assertInRequest();
    const b = new Uint8Array(16);
    randomInto(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    return `${HEX[b[0]]}${HEX[b[1]]}${HEX[b[2]]}${HEX[b[3]]}-${HEX[b[4]]}${HEX[b[5]]}-${HEX[b[6]]}${HEX[b[7]]}-`
      + `${HEX[b[8]]}${HEX[b[9]]}-${HEX[b[10]]}${HEX[b[11]]}${HEX[b[12]]}${HEX[b[13]]}${HEX[b[14]]}${HEX[b[15]]}`;
  }
}

const DIGEST_NAMES = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'MD5'];

/** Cloudflare's crypto.DigestStream: a WritableStream of bytes whose `digest` promise resolves when it closes. */
export class DigestStream extends WritableStream {
  #digest;

  constructor(algorithm) {
    const name = String(typeof algorithm === 'object' && algorithm !== null ? algorithm.name : algorithm).toUpperCase();
    if (!DIGEST_NAMES.includes(name)) throw new DOMException(`Unrecognized digest algorithm "${name}".`, 'NotSupportedError');
    const chunks = [];
    let settle;
    const digest = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    digest.catch(() => undefined);
    super({
      write(chunk) {
        if (chunk instanceof ArrayBuffer) chunks.push(new Uint8Array(chunk).slice());
        else if (ArrayBuffer.isView(chunk)) chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice());
        else throw new TypeError('DigestStream accepts only ArrayBuffer or ArrayBufferView chunks.');
      },
      async close() {
        const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
        let offset = 0;
        for (const c of chunks) {
          all.set(c, offset);
          offset += c.byteLength;
        }
        settle.resolve(await subtleObject.digest(name, all));
      },
      abort(reason) { settle.reject(reason); },
    });
    this.#digest = digest;
  }

  get digest() {
    return this.#digest;
  }
}
Object.defineProperty(Crypto.prototype, 'DigestStream', { value: DigestStream, writable: true, configurable: true });

export const crypto = new Crypto(Crypto);
