// KVNamespace (checklist KV-2..KV-7): the JS half of a KV binding. Values cross as one string (text/json,
// decoded in Java) or one ArrayBuffer; metadata and list pages cross as JSON text.

import { host } from './host.js';
import { assertInRequest } from './errors.js';
import { hostCall } from './async.js';
import { ReadableStream, readAllBytes, streamOfBytes } from './streams.js';
import { utf8Encode } from './encoding.js';

const CONSTRUCT = Symbol('KvNamespace');
const TYPES = new Set(['text', 'json', 'arrayBuffer', 'stream']);
const MAX_KEY_BYTES = 512;

/**
 * KV-8/KV-11: the key checks workerd makes before a single-key call leaves the isolate, with its texts
 * (TypeErrors for empty/"."/"..", "KV <OP> failed: 414 ..." for long keys); they reject the call's promise.
 */
function validateKeyName(method, name) {
  if (name === '') throw new TypeError('Key name cannot be empty.');
  if (name === '.') throw new TypeError('"." is not allowed as a key name.');
  if (name === '..') throw new TypeError('".." is not allowed as a key name.');
  const length = name.length > MAX_KEY_BYTES / 3 ? utf8Encode(name).byteLength : name.length;
  if (length > MAX_KEY_BYTES) {
    throw new Error(`KV ${method} failed: 414 UTF-8 encoded length of ${length} exceeds key length limit of ${MAX_KEY_BYTES}.`);
  }
}

function parseType(typeOrOptions) {
  let type = 'text';
  let cacheTtl = 60;
  if (typeof typeOrOptions === 'string') {
    type = typeOrOptions;
  } else if (typeOrOptions !== undefined && typeOrOptions !== null) {
    if (typeof typeOrOptions !== 'object') {
      throw new TypeError('Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".');
    }
    if (typeOrOptions.type !== undefined) type = typeOrOptions.type;
    if (typeOrOptions.cacheTtl !== undefined) {
      // KV-2: an int on workerd's side; KV itself refuses less than 30 with a 400 (the docs say 60).
      cacheTtl = Math.trunc(Number(typeOrOptions.cacheTtl));
      if (!Number.isFinite(cacheTtl) || cacheTtl < 30) {
        throw new Error(`KV GET failed: 400 Invalid cache_ttl of ${Number.isFinite(cacheTtl) ? cacheTtl : 0}. `
          + 'Cache TTL must be at least 30.');
      }
    }
  }
  if (!TYPES.has(type)) {
    throw new TypeError('Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".');
  }
  return { type, cacheTtl };
}

function decodeValue(raw, type) {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'json':
      return JSON.parse(raw);
    case 'arrayBuffer':
      return raw;
    case 'stream':
      // KV-2: the value arrives whole (one host crossing); the stream serves it as one chunk.
      return streamOfBytes(new Uint8Array(raw));
    default:
      return raw;
  }
}

function parseMetadata(json) {
  return json === null || json === undefined ? null : JSON.parse(json);
}

/** KV-5: a ReadableStream value is read to its end here; the host takes the bytes. */
async function valueForHost(value) {
  if (typeof value === 'string') return value;
  if (value instanceof ReadableStream) {
    const bytes = await readAllBytes(value);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  throw new TypeError('KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.');
}

function finiteOrZero(value, what) {
  if (value === undefined || value === null) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    throw new TypeError(`Invalid ${what} of ${value}. Please specify integer greater than 0.`);
  }
  return Math.floor(n);
}

export class KvNamespace {
  #index;

  constructor(token, index) {
    if (token !== CONSTRUCT) {
      throw new TypeError('Illegal constructor');
    }
    this.#index = index;
  }

  #getOne(key, type, cacheTtl, withMetadata) {
    const name = String(key);
    validateKeyName('GET', name);
    const asText = type === 'text' || type === 'json';
    return hostCall((id) => host.kvGet(id, this.#index, name, cacheTtl, asText))
      .then(({ a, b }) => {
        const value = decodeValue(a, type);
        return withMetadata ? { value, metadata: a === null ? null : parseMetadata(b), cacheStatus: null } : value;
      });
  }

  async #getMany(keys, typeOrOptions, withMetadata) {
    // KV-3: KV answers these with a 400, which workerd reports as "KV GET_BULK failed: 400 <text>".
    if (keys.length === 0) throw new Error('KV GET_BULK failed: 400 You must request a minimum of 1 key');
    if (keys.length > 100) throw new Error('KV GET_BULK failed: 400 You can request a maximum of 100 keys');
    const requested = typeof typeOrOptions === 'string' ? typeOrOptions : (typeOrOptions?.type ?? 'text');
    if (requested !== 'text' && requested !== 'json') {
      throw new Error(`KV GET_BULK failed: 400 "${requested}" is not a valid type. Use "json" or "text"`);
    }
    const { type, cacheTtl } = parseType(typeOrOptions);
    // One host call and one binding operation for the whole batch (KV-3: "One operation").
    const names = keys.map((k) => String(k));
    const { a } = await hostCall((id) => host.kvGetMany(id, this.#index, names, cacheTtl));
    const rows = JSON.parse(a);
    const out = new Map();
    names.forEach((k, i) => {
      const [raw, meta] = rows[i];
      const value = decodeValue(raw, type);
      out.set(k, withMetadata ? (raw === null ? null : { value, metadata: meta }) : value);
    });
    return out;
  }

  async get(key, typeOrOptions = undefined) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    if (Array.isArray(key)) return this.#getMany(key, typeOrOptions, false);
    const { type, cacheTtl } = parseType(typeOrOptions);
    return this.#getOne(key, type, cacheTtl, false);
  }

  async getWithMetadata(key, typeOrOptions = undefined) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    if (Array.isArray(key)) return this.#getMany(key, typeOrOptions, true);
    const { type, cacheTtl } = parseType(typeOrOptions);
    return this.#getOne(key, type, cacheTtl, true);
  }

  async put(key, value, options = undefined) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    const name = String(key);
    validateKeyName('PUT', name);
    const payload = await valueForHost(value);
    const expiration = finiteOrZero(options?.expiration, 'expiration');
    const expirationTtl = finiteOrZero(options?.expirationTtl, 'expiration_ttl');
    let metadata = null;
    if (options?.metadata !== undefined && options.metadata !== null) {
      metadata = JSON.stringify(options.metadata);
    }
    await hostCall((id) => host.kvPut(id, this.#index, name, payload, expiration, expirationTtl, metadata));
  }

  async delete(key) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    const name = String(key);
    validateKeyName('DELETE', name);
    await hostCall((id) => host.kvDelete(id, this.#index, name));
  }

  async list(options = undefined) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
    const prefix = options?.prefix === undefined || options.prefix === null ? null : String(options.prefix);
    // KV-7: workerd sends the limit only when > 0 (else KV's default, 1000); KV refuses more than 1000 with a
    // 400, reported as "KV GET failed" (workerd names list failures GET).
    let limit = options?.limit === undefined || options.limit === null ? 0 : Math.trunc(Number(options.limit));
    if (!(limit > 0)) limit = 1000;
    if (limit > 1000) {
      throw new Error(`KV GET failed: 400 Invalid key_count_limit of ${limit}. Please specify an integer less than 1000.`);
    }
    const cursor = options?.cursor === undefined || options.cursor === null || options.cursor === ''
      ? null : String(options.cursor);
    const { a } = await hostCall((id) => host.kvList(id, this.#index, prefix, limit, cursor));
    const page = JSON.parse(a);
    const result = { keys: page.keys, list_complete: page.list_complete };
    if (!page.list_complete) result.cursor = page.cursor;
    result.cacheStatus = null;
    return result;
  }

  get [Symbol.toStringTag]() {
    return 'KvNamespace';
  }
}

export function createKvNamespace(index) {
  return new KvNamespace(CONSTRUCT, index);
}
