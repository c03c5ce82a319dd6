// R2Bucket (checklist R2-2..R2-11): the JS half of an R2 binding. Options are validated here as workerd does and
// normalised into small positional arrays for r2Host (R2Host.java); objects come back as JSON text. A get's body
// stays in Java and is pulled chunk by chunk into a ReadableStream, so reading it never holds the whole object.
// Put bodies: a ReadableStream must have a known length, as in workerd. An untouched Java body (request.body, a
// fetched body) is handed to r2Put by handle and streams on to r2-service without passing through JS; a JS stream of
// known length (a string/buffer/Blob body's stream, a FixedLengthStream's readable) is exported and pulled chunk by
// chunk (see putBody()).

import { host } from './host.js';
import { assertInRequest } from './errors.js';
import { hostCall } from './async.js';
import { Headers } from './headers.js';
import { Blob, blobBytes } from './blob.js';
import { ReadableStream, readAllBytes, isDisturbed, knownLength } from './streams.js';
import { takeHostStream, exportStream } from './hoststreams.js';
import { utf8Encode, utf8Decode } from './encoding.js';

const CONSTRUCT = Symbol('R2');
const HASHES = [['md5', 16], ['sha1', 20], ['sha256', 32], ['sha384', 48], ['sha512', 64]];

/** R2-11: {name, code, message, action}; message "<action>: <text> (<code>)". */
export class R2Error extends Error {
  constructor(action, code, text) {
    super(`${action}: ${text} (${code})`);
    Object.defineProperty(this, 'name', { value: 'R2Error', configurable: true, writable: true });
    this.code = code;
    this.action = action;
  }
}

/** A host call whose failures arrive as a = undefined, b = "<code>\n<text>" (see R2Host). */
async function r2Call(action, invoke) {
  const { a, b } = await hostCall(invoke);
  if (a === undefined && typeof b === 'string') {
    const nl = b.indexOf('\n');
    throw new R2Error(action, Number(b.slice(0, nl)), b.slice(nl + 1));
  }
  return { a, b };
}

function hexToBuffer(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out.buffer;
}

function bufferToHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class R2Checksums {
  constructor(token, hexes) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    for (const [name] of HASHES) {
      if (hexes?.[name] !== undefined) this[name] = hexToBuffer(hexes[name]);
    }
  }

  toJSON() {
    const out = {};
    for (const [name] of HASHES) {
      if (this[name] !== undefined) out[name] = bufferToHex(this[name]);
    }
    return out;
  }
}

function httpMetadataOf(raw) {
  if (raw === undefined) return undefined;
  const out = {};
  for (const k of ['contentType', 'contentLanguage', 'contentDisposition', 'contentEncoding', 'cacheControl']) {
    if (raw[k] !== undefined) out[k] = raw[k];
  }
  if (raw.cacheExpiry !== undefined) out.cacheExpiry = new Date(raw.cacheExpiry);
  return out;
}

export class R2Object {
  constructor(token, raw) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.key = raw.key;
    this.version = raw.version;
    this.size = raw.size;
    this.etag = raw.etag;
    this.httpEtag = `"${raw.etag}"`;
    this.checksums = new R2Checksums(CONSTRUCT, raw.checksums);
    this.uploaded = new Date(raw.uploaded);
    this.httpMetadata = httpMetadataOf(raw.httpMetadata);
    this.customMetadata = raw.customMetadata === undefined ? undefined : { ...raw.customMetadata };
    if (raw.range !== undefined) this.range = raw.range;
    this.storageClass = raw.storageClass;
  }

  /** R2-3: copies the HTTP metadata onto a Headers object. */
  writeHttpMetadata(headers) {
    if (!(headers instanceof Headers)) {
      throw new TypeError("Failed to execute 'writeHttpMetadata' on 'R2Object': parameter 1 is not of type 'Headers'.");
    }
    const m = this.httpMetadata ?? {};
    if (m.contentType !== undefined) headers.set('content-type', m.contentType);
    if (m.contentLanguage !== undefined) headers.set('content-language', m.contentLanguage);
    if (m.contentDisposition !== undefined) headers.set('content-disposition', m.contentDisposition);
    if (m.contentEncoding !== undefined) headers.set('content-encoding', m.contentEncoding);
    if (m.cacheControl !== undefined) headers.set('cache-control', m.cacheControl);
    if (m.cacheExpiry !== undefined) headers.set('expires', m.cacheExpiry.toUTCString());
  }

  get [Symbol.toStringTag]() {
    return 'R2Object';
  }
}

/** The body of a get, pulled from Java on demand (no read-ahead: highWaterMark 0). */
function bodyStream(handle) {
  let done = false;
  return new ReadableStream({
    async pull(controller) {
      let a;
      try {
        ({ a } = await r2Call('get', (id) => host.r2Read(id, handle)));
      } catch (e) {
        done = true;
        host.r2Cancel(handle);
        throw e;
      }
      if (a === null) {
        done = true;
        controller.close();
      } else {
        controller.enqueue(new Uint8Array(a));
      }
    },
    cancel() {
      if (!done) host.r2Cancel(handle);
    },
  }, { highWaterMark: 0 });
}

export class R2ObjectBody extends R2Object {
  #body;

  constructor(token, raw, handle) {
    super(token, raw);
    this.#body = bodyStream(handle);
  }

  get body() {
    return this.#body;
  }

  get bodyUsed() {
    return isDisturbed(this.#body);
  }

  async bytes() {
    if (this.bodyUsed) throw new TypeError('Body has already been used. It can only be used once. Use tee() first if you need to read it twice.');
    return readAllBytes(this.#body);
  }

  async arrayBuffer() {
    return (await this.bytes()).buffer;
  }

  async text() {
    return utf8Decode(await this.bytes());
  }

  async json() {
    return JSON.parse(await this.text());
  }

  async blob() {
    return new Blob([await this.bytes()], { type: this.httpMetadata?.contentType ?? '' });
  }

  get [Symbol.toStringTag]() {
    return 'R2ObjectBody';
  }
}

// ---- option parsing (as workerd's r2-bucket.c++) -------------------------------------------------------

function dateMillis(value, what) {
  if (!(value instanceof Date)) throw new TypeError(`${what} must be a Date.`);
  const t = value.getTime();
  if (Number.isNaN(t)) throw new TypeError(`${what} is an invalid Date.`);
  return t;
}

/** R2-5: onlyIf as [etagMatches, etagDoesNotMatch, uploadedBefore, uploadedAfter, secondsGranularity] or null. */
function conditional(onlyIf) {
  if (onlyIf === undefined || onlyIf === null) return null;
  if (onlyIf instanceof Headers) {
    const date = (name) => {
      const v = onlyIf.get(name);
      if (v === null) return null;
      const t = Date.parse(v);
      return Number.isNaN(t) ? null : t;
    };
    const c = [onlyIf.get('if-match'), onlyIf.get('if-none-match'), date('if-unmodified-since'),
      date('if-modified-since'), true];
    return c.slice(0, 4).every((x) => x === null) ? null : c;
  }
  if (typeof onlyIf !== 'object') throw new TypeError('onlyIf must be an object or a Headers object.');
  const etag = (v, what) => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new TypeError(`${what} must be a string.`);
    return v;
  };
  const date = (v, what) => (v === undefined || v === null ? null : dateMillis(v, what));
  return [etag(onlyIf.etagMatches, 'etagMatches'), etag(onlyIf.etagDoesNotMatch, 'etagDoesNotMatch'),
    date(onlyIf.uploadedBefore, 'uploadedBefore'), date(onlyIf.uploadedAfter, 'uploadedAfter'),
    onlyIf.secondsGranularity === true];
}

function wholeNonNegative(value, message) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${message} must be a number.`);
  if (value < 0) throw new RangeError(`Invalid range. ${message} (${value}) must be greater than or equal to 0.`);
  if (!Number.isInteger(value)) throw new RangeError(`Invalid range. ${message} (${value}) must be an integer, not fractional.`);
  return value;
}

/** R2-4: range as [offset, length, suffix] or null. */
function range(r) {
  if (r === undefined || r === null) return null;
  if (r instanceof Headers) {
    const header = r.get('range');
    if (header === null) return null;
    const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
    if (m === null || (m[1] === '' && m[2] === '')) return null; // multi-range or malformed: the whole object
    if (m[1] === '') return [null, null, Number(m[2])];
    const start = Number(m[1]);
    if (m[2] === '') return [start, null, null];
    const end = Number(m[2]);
    return end < start ? null : [start, end - start + 1, null];
  }
  if (typeof r !== 'object') throw new TypeError('range must be an object or a Headers object.');
  const offset = r.offset === undefined ? null : wholeNonNegative(r.offset, 'Offset');
  const length = r.length === undefined ? null : wholeNonNegative(r.length, 'Length');
  const suffix = r.suffix === undefined ? null : wholeNonNegative(r.suffix, 'Suffix');
  if (suffix !== null && offset !== null) throw new TypeError('Suffix is incompatible with offset.');
  if (suffix !== null && length !== null) throw new TypeError('Suffix is incompatible with length.');
  if (offset === null && length === null && suffix === null) return null;
  return [offset, length, suffix];
}

/** R2-6: httpMetadata (object or Headers) as [type, language, disposition, encoding, cacheControl, expiry]. */
function httpMetadata(m) {
  if (m === undefined || m === null) return null;
  if (m instanceof Headers) {
    const expires = m.get('expires');
    const t = expires === null ? NaN : Date.parse(expires);
    return [m.get('content-type'), m.get('content-language'), m.get('content-disposition'),
      m.get('content-encoding'), m.get('cache-control'), Number.isNaN(t) ? null : t];
  }
  if (typeof m !== 'object') throw new TypeError('httpMetadata must be an object or a Headers object.');
  const s = (v) => (v === undefined || v === null ? null : String(v));
  return [s(m.contentType), s(m.contentLanguage), s(m.contentDisposition), s(m.contentEncoding), s(m.cacheControl),
    m.cacheExpiry === undefined || m.cacheExpiry === null ? null : dateMillis(m.cacheExpiry, 'cacheExpiry')];
}

function customMetadata(m) {
  if (m === undefined || m === null) return [];
  if (typeof m !== 'object') throw new TypeError('customMetadata must be an object.');
  const flat = [];
  for (const [k, v] of Object.entries(m)) flat.push(String(k), String(v));
  return flat;
}

function storageClass(value) {
  if (value === undefined || value === null) return null;
  if (value !== 'Standard' && value !== 'InfrequentAccess') {
    throw new TypeError(`Unsupported storage class: ${value}`);
  }
  return value;
}

/** R2-6: at most one of md5/sha1/sha256/sha384/sha512, as a buffer or hex string of the right size. */
function checksums(options) {
  const out = [null, null, null, null, null];
  let given = 0;
  HASHES.forEach(([name, size], i) => {
    const v = options?.[name];
    if (v === undefined || v === null) return;
    given++;
    let bytes;
    if (typeof v === 'string') {
      if (!/^([0-9a-fA-F]{2})*$/.test(v)) throw new TypeError(`${name.toUpperCase()} must be a hex string.`);
      bytes = new Uint8Array(hexToBuffer(v.toLowerCase()));
    } else if (v instanceof ArrayBuffer) {
      bytes = new Uint8Array(v.slice(0));
    } else if (ArrayBuffer.isView(v)) {
      bytes = new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
    } else {
      throw new TypeError(`${name} must be an ArrayBuffer, an ArrayBufferView or a hex string.`);
    }
    if (bytes.byteLength !== size) {
      throw new TypeError(`${name.toUpperCase()} is ${size} bytes, not ${bytes.byteLength}`);
    }
    out[i] = bytes.buffer;
  });
  if (given > 1) throw new TypeError('You cannot specify multiple hashing algorithms.');
  return out;
}

/** workerd's refusal of a stream whose length is not known up front (R2 needs the size before the upload). */
const UNKNOWN_LENGTH = 'Provided readable stream must have a known length (request/response body or readable half of FixedLengthStream)';

/**
 * A put/uploadPart value for the host: bytes for small values (string, buffers, Blob), or for a ReadableStream a
 * handle Java pulls chunks from, so no hop ever holds the whole object. Like workerd, a stream needs a known length:
 *  - an untouched Java body (a streamed request body, a fetched body): its negative handle; Java checks that its
 *    length (Content-Length) is known, else r2Put answers UNKNOWN_LENGTH (see withKnownLength());
 *  - a JS stream of known length (knownLength(): a string/buffer/Blob body's stream, a FixedLengthStream's
 *    readable): [export handle, length]; Java pulls it and fails the put if the byte count differs;
 *  - any other stream (new ReadableStream(), an IdentityTransformStream): refused with workerd's TypeError.
 */
async function putBody(value, method) {
  if (value === null || value === undefined) return new ArrayBuffer(0);
  if (typeof value === 'string') return utf8Encode(value).buffer;
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  if (value instanceof Blob) return blobBytes(value).slice().buffer;
  if (value instanceof ReadableStream) {
    if (isDisturbed(value)) throw new TypeError('This ReadableStream is disturbed (has already been read from), and cannot be used as a body.');
    if (value.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
    const length = knownLength(value);
    const handle = takeHostStream(value);
    if (handle !== undefined) return -handle;
    if (length === undefined) throw new TypeError(UNKNOWN_LENGTH);
    return [exportStream(value), length];
  }
  throw new TypeError(`Failed to execute '${method}' on 'R2Bucket': parameter 2 is not of type 'ReadableStream or ArrayBuffer or ArrayBufferView or string or Blob'.`);
}

/**
 * Runs a put-like host call, turning Java's unknown-length refusal into workerd's TypeError. When the value was a
 * JS stream that errored while Java pulled it (a FixedLengthStream that saw too few or too many bytes), the put
 * fails with that stream's own error rather than the transport failure it caused.
 */
async function withKnownLength(call, value) {
  try {
    return await call();
  } catch (e) {
    if (e instanceof Error && !(e instanceof R2Error) && e.message === UNKNOWN_LENGTH) throw new TypeError(UNKNOWN_LENGTH);
    if (value instanceof ReadableStream) {
      const { state, error } = value._state();
      if (state === 'errored') throw error;
    }
    throw e;
  }
}

function keyOf(key) {
  return String(key);
}

export class R2MultipartUpload {
  #bucket;

  constructor(token, bucket, key, uploadId) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#bucket = bucket;
    Object.defineProperty(this, 'key', { value: key, enumerable: true });
    Object.defineProperty(this, 'uploadId', { value: uploadId, enumerable: true });
  }

  async uploadPart(partNumber, value, options = undefined) {
    assertInRequest();
    if (typeof partNumber !== 'number' || !Number.isInteger(partNumber)) {
      throw new TypeError('Part number must be an integer.');
    }
    const body = await putBody(value, 'uploadPart');
    const { a } = await withKnownLength(() => r2Call('uploadPart', (id) => host.r2UploadPart(id, this.#bucket,
      this.key, this.uploadId, partNumber, body)), value);
    return JSON.parse(a);
  }

  async abort() {
    assertInRequest();
    await r2Call('abortMultipartUpload', (id) => host.r2AbortMultipart(id, this.#bucket, this.key, this.uploadId));
  }

  async complete(uploadedParts) {
    assertInRequest();
    if (!Array.isArray(uploadedParts)) throw new TypeError('uploadedParts must be an array.');
    const flat = [];
    for (const p of uploadedParts) {
      if (p === null || typeof p !== 'object' || !Number.isInteger(p.partNumber) || typeof p.etag !== 'string') {
        throw new TypeError('Each uploaded part must be an object with a partNumber (integer) and an etag (string).');
      }
      flat.push(String(p.partNumber), p.etag);
    }
    const { a } = await r2Call('completeMultipartUpload', (id) => host.r2CompleteMultipart(id, this.#bucket, this.key,
      this.uploadId, flat));
    return new R2Object(CONSTRUCT, JSON.parse(a));
  }

  get [Symbol.toStringTag]() {
    return 'R2MultipartUpload';
  }
}

export class R2Bucket {
  #index;
  #honorInclude;

  constructor(token, index, honorInclude) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#index = index;
    this.#honorInclude = honorInclude;
  }

  #check() {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    assertInRequest();
  }

  async head(key) {
    this.#check();
    const name = keyOf(key);
    const { a } = await r2Call('head', (id) => host.r2Head(id, this.#index, name));
    const raw = JSON.parse(a);
    return raw === null ? null : new R2Object(CONSTRUCT, raw);
  }

  async get(key, options = undefined) {
    this.#check();
    const name = keyOf(key);
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError('get options must be an object.');
    }
    const r = range(options?.range);
    const c = conditional(options?.onlyIf);
    const { a, b } = await r2Call('get', (id) => host.r2Get(id, this.#index, name, r, c));
    if (a === null) return null;
    const raw = JSON.parse(a);
    // R2-2: a failed onlyIf answers the object without a body
    return b === null ? new R2Object(CONSTRUCT, raw) : new R2ObjectBody(CONSTRUCT, raw, b);
  }

  async put(key, value, options = undefined) {
    this.#check();
    const name = keyOf(key);
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError('put options must be an object.');
    }
    const http = httpMetadata(options?.httpMetadata);
    const custom = customMetadata(options?.customMetadata);
    const c = conditional(options?.onlyIf);
    const sums = checksums(options);
    const sc = storageClass(options?.storageClass);
    const body = await putBody(value, 'put');
    const { a } = await withKnownLength(() => r2Call('put', (id) => host.r2Put(id, this.#index, name, http, custom,
      c, sums, sc, body)), value);
    const raw = JSON.parse(a);
    return raw === null ? null : new R2Object(CONSTRUCT, raw);
  }

  async delete(keys) {
    this.#check();
    const list = Array.isArray(keys) ? keys.map(keyOf) : [keyOf(keys)];
    await r2Call('delete', (id) => host.r2Delete(id, this.#index, list));
  }

  async list(options = undefined) {
    this.#check();
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError('list options must be an object.');
    }
    const str = (v) => (v === undefined || v === null ? null : String(v));
    let limit = 1000;
    if (options?.limit !== undefined && options.limit !== null) {
      limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError('MaxKeys params must be positive.');
      if (limit > 1000) throw new RangeError('MaxKeys params must be less than or equal to 1000.');
    }
    let includeHttp = true;
    let includeCustom = true;
    if (this.#honorInclude) {
      const include = options?.include ?? [];
      if (!Array.isArray(include)) throw new TypeError('include must be an array.');
      includeHttp = false;
      includeCustom = false;
      for (const field of include) {
        if (field === 'httpMetadata') includeHttp = true;
        else if (field === 'customMetadata') includeCustom = true;
        else throw new RangeError(`Unsupported include value: ${field}`);
      }
    }
    const { a } = await r2Call('list', (id) => host.r2List(id, this.#index, str(options?.prefix),
      str(options?.delimiter), str(options?.cursor), str(options?.startAfter), limit, includeHttp, includeCustom));
    const page = JSON.parse(a);
    const objects = page.objects.map((raw) => {
      if (!includeHttp) delete raw.httpMetadata;
      if (!includeCustom) delete raw.customMetadata;
      return new R2Object(CONSTRUCT, raw);
    });
    const result = { objects, delimitedPrefixes: page.delimitedPrefixes, truncated: page.truncated };
    if (page.truncated) result.cursor = page.cursor;
    return result;
  }

  async createMultipartUpload(key, options = undefined) {
    this.#check();
    const name = keyOf(key);
    const http = httpMetadata(options?.httpMetadata);
    const custom = customMetadata(options?.customMetadata);
    const sc = storageClass(options?.storageClass);
    const { a } = await r2Call('createMultipartUpload', (id) => host.r2CreateMultipart(id, this.#index, name, http,
      custom, sc));
    return new R2MultipartUpload(CONSTRUCT, this.#index, name, a);
  }

  /** R2-2: synchronous and unvalidated; a wrong id fails at the first call (NoSuchUpload). */
  resumeMultipartUpload(key, uploadId) {
    if (!(#index in this)) throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
    return new R2MultipartUpload(CONSTRUCT, this.#index, keyOf(key), String(uploadId));
  }

  get [Symbol.toStringTag]() {
    return 'R2Bucket';
  }
}

/** @param spec "<index>:<1|0>" — the bucket's index and whether list() honours include (R2-7). */
export function createR2Bucket(spec) {
  const [index, honor] = String(spec).split(':');
  return new R2Bucket(CONSTRUCT, Number(index), honor === '1');
}
