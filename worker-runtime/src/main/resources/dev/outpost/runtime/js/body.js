// The Body mixin shared by Request and Response. Bodies are buffered for now: a source is null, a string or a
// Uint8Array. Streams (ReadableStream sources) come with the streams work; the source abstraction is where
// they plug in.

import { utf8Encode, utf8Decode } from './encoding.js';
import { URLSearchParams } from './url.js';

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
  if (typeof init === 'object' && typeof init.getReader === 'function') {
    throw new TypeError('ReadableStream bodies are not supported by this runtime yet.');
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
    return this.#used;
  }

  get body() {
    if (this.#source === null) {
      return null;
    }
    throw new TypeError('Streaming bodies (ReadableStream) are not supported by this runtime yet; use text(), json(), arrayBuffer() or bytes().');
  }

  async text() {
    const source = takeSourceOf(this);
    if (source === null) return '';
    return typeof source === 'string' ? source : utf8Decode(source);
  }

  async json() {
    return JSON.parse(await this.text());
  }

  async bytes() {
    const source = takeSourceOf(this);
    if (source === null) return new Uint8Array(0);
    return typeof source === 'string' ? utf8Encode(source) : source.slice();
  }

  async arrayBuffer() {
    return (await this.bytes()).buffer;
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
