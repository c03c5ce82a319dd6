// The Body mixin shared by Request and Response. Bodies are buffered for now: a source is null, a string or a
// Uint8Array. Streams (ReadableStream sources) come with the streams work; the source abstraction is where
// they plug in.

import { utf8Encode, utf8Decode } from './encoding.js';
import { URLSearchParams } from './url.js';
import { Blob, blobBytes } from './blob.js';
import { FormData, encodeMultipart, parseFormData } from './formdata.js';
import { ReadableStream, readAllBytes, streamOfBytes, isDisturbed } from './streams.js';

const USED_MESSAGE = 'Body has already been used. It can only be used once. Use tee() first if you need to read it twice.';

/** Extracts a body from a BodyInit: the source and the content type it implies. */
export function extractBody(init) {
  if (init === null || init === undefined) {
    return { source: null, contentType: null };
  }
  if (typeof init === 'string') {
    return { source: init, contentType: 'text/plain;charset=UTF-8' };
  }
  if (init instanceof ArrayBuffer || init instanceof SharedArrayBuffer) {
    return { source: new Uint8Array(init.slice(0)), contentType: null };
  }
  if (ArrayBuffer.isView(init)) {
    return { source: new Uint8Array(init.buffer.slice(init.byteOffset, init.byteOffset + init.byteLength)), contentType: null };
  }
  if (init instanceof URLSearchParams) {
    return { source: init.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (init instanceof Blob) {
    return { source: blobBytes(init).slice(), contentType: init.type || null };
  }
  if (init instanceof FormData) {
    const { bytes, contentType } = encodeMultipart(init);
    return { source: bytes, contentType };
  }
  if (init instanceof ReadableStream) {
    if (isDisturbed(init)) throw new TypeError('This ReadableStream is disturbed (has already been read from), and cannot be used as a body.');
    return { source: init, contentType: null };
  }
  if (typeof init === 'object' && typeof init.getReader === 'function') {
    throw new TypeError('Only ReadableStreams created by this runtime can be used as bodies.');
  }
  return { source: String(init), contentType: 'text/plain;charset=UTF-8' };
}

let sourceOf;
let setSourceOf;
let takeSourceOf;

export class Body {
  #source = null;
  #used = false;

  static {
    sourceOf = (b) => b.#source;
    setSourceOf = (b, source) => {
      b.#source = source;
      b.#used = false;
    };
    takeSourceOf = (b) => {
      if (b.#used) {
        throw new TypeError(USED_MESSAGE);
      }
      if (b.#source !== null) {
        b.#used = true;
      }
      return b.#source;
    };
  }

  get bodyUsed() {
    return this.#used || (this.#source instanceof ReadableStream && isDisturbed(this.#source));
  }

  get body() {
    if (this.#source === null) {
      return null;
    }
    if (!(this.#source instanceof ReadableStream)) {
      // A buffered body becomes a one-chunk stream the first time it is asked for.
      const used = this.#used;
      const source = this.#source;
      this.#source = streamOfBytes(typeof source === 'string' ? utf8Encode(source) : source);
      if (used) this.#source.getReader();
    }
    return this.#source;
  }

  async text() {
    const source = await drained(takeSourceOf(this));
    if (source === null) return '';
    return typeof source === 'string' ? source : utf8Decode(source);
  }

  async json() {
    return JSON.parse(await this.text());
  }

  async bytes() {
    const source = await drained(takeSourceOf(this));
    if (source === null) return new Uint8Array(0);
    return typeof source === 'string' ? utf8Encode(source) : source.slice();
  }

  async arrayBuffer() {
    return (await this.bytes()).buffer;
  }

  async blob() {
    const bytes = await this.bytes();
    return new Blob([bytes], { type: this.headers?.get('content-type') ?? '' });
  }

  async formData() {
    const contentType = this.headers?.get('content-type');
    return parseFormData(await this.bytes(), contentType);
  }
}

function drained(source) {
  if (!(source instanceof ReadableStream)) return source;
  if (source.locked) throw new TypeError('This ReadableStream is currently locked to a reader.');
  return readAllBytes(source);
}

/** True when the body is a stream that must be read (asynchronously) before the host can take it. */
export function hasStreamBody(body) {
  return sourceOf(body) instanceof ReadableStream;
}

/** Reads a stream body to its end and keeps the bytes as the body (bodies are buffered at the Java boundary). */
export async function bufferStreamBody(body) {
  const source = sourceOf(body);
  if (source instanceof ReadableStream) {
    setSourceOf(body, await drained(source));
  }
}

export function bodySource(body) {
  return sourceOf(body);
}

export function setBodySource(body, source) {
  setSourceOf(body, source);
}

/** Takes the body for a consumer (marks it used); throws if already used. */
export function takeBodySource(body) {
  return takeSourceOf(body);
}

/** A copy of the body source for clone(): strings are immutable, bytes are copied. */
export function cloneBodySource(body) {
  if (body.bodyUsed) {
    throw new TypeError('Body has already been used. It can only be used once.');
  }
  const source = sourceOf(body);
  if (source instanceof ReadableStream) {
    const [mine, theirs] = source.tee();
    setSourceOf(body, mine);
    return theirs;
  }
  return source instanceof Uint8Array ? source.slice() : source;
}

/** The body as the host takes it: a string (Java encodes it) or an exact-size ArrayBuffer, or undefined. */
export function bodyForHost(body) {
  const source = takeSourceOf(body);
  if (source === null) return undefined;
  if (typeof source === 'string') return source;
  return source.byteOffset === 0 && source.byteLength === source.buffer.byteLength
    ? source.buffer : source.slice().buffer;
}
