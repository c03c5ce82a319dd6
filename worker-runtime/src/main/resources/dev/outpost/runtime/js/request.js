// Request (Fetch standard, as Cloudflare Workers expose it).

import { Body, extractBody, bodySource, setBodySource, cloneBodySource, takeBodySource } from './body.js';
import { Headers, headersFromWire, setHeaderUnchecked } from './headers.js';
import { parseUrl } from './url.js';
import { AbortController, AbortSignal } from './events.js';

const FROM_HOST = Symbol('fromHost');
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
// workerd accepts only the methods its HTTP stack knows (kj's list), case-sensitively apart from the six above
const KNOWN = new Set(['PATCH', 'PURGE', 'TRACE', 'COPY', 'LOCK', 'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK',
  'ACL', 'REPORT', 'MKACTIVITY', 'CHECKOUT', 'MERGE', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'QUERY', 'BAN']);

function normalizeMethod(method) {
  const str = String(method);
  const upper = str.toUpperCase();
  if (NORMALIZED.has(upper)) return upper;
  if (!KNOWN.has(str)) {
    throw new TypeError(`Invalid HTTP method string: ${str}`);
  }
  return str;
}

export class Request extends Body {
  #method = 'GET';
  #url = '';
  #headers;
  #redirect = 'follow';
  #cf = undefined;
  #signal = null; // created on first use: most requests never look at it

  constructor(input, init = undefined) {
    super();
    if (input === FROM_HOST) {
      // Fast path for incoming requests: the host already validated everything.
      this.#method = init.method;
      this.#url = init.url;
      this.#headers = init.headers;
      this.#cf = init.cf;
      setBodySource(this, init.body);
      return;
    }
    if (arguments.length === 0) {
      throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
    }
    init = init ?? {};
    let source = null;
    if (input instanceof Request) {
      this.#method = input.#method;
      this.#url = input.#url;
      this.#headers = new Headers(input.#headers);
      this.#redirect = input.#redirect;
      this.#cf = input.#cf;
      this.#signal = input.#signal;
      if (bodySource(input) !== null && init.body === undefined) {
        source = takeBodySource(input);
      }
    } else {
      const parsed = parseUrl(String(input));
      if (parsed === null) {
        throw new TypeError(`Invalid URL: ${String(input)}`);
      }
      this.#url = parsed.href;
      this.#headers = new Headers();
    }
    if (init.method !== undefined) {
      this.#method = normalizeMethod(init.method);
    }
    if (init.headers !== undefined) {
      this.#headers = new Headers(init.headers);
    }
    if (init.redirect !== undefined) {
      const redirect = String(init.redirect);
      if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') {
        throw new TypeError(`Invalid redirect value, must be one of "follow" or "manual" ("error" won't be implemented since it does not make sense at the edge; use "manual" and check the response status code).`);
      }
      this.#redirect = redirect;
    }
    if (init.cf !== undefined) {
      this.#cf = init.cf;
    }
    if (init.signal !== undefined && init.signal !== null) {
      if (!(init.signal instanceof AbortSignal)) throw new TypeError('Request init "signal" must be an AbortSignal.');
      this.#signal = init.signal;
    }
    if (init.integrity !== undefined && String(init.integrity) !== '') {
      throw new TypeError('Subrequest integrity checking is not implemented. The integrity option must be either undefined or an empty string.');
    }
    if (init.body !== undefined && init.body !== null) {
      if (this.#method === 'GET' || this.#method === 'HEAD') {
        throw new TypeError('Request with a GET or HEAD method cannot have a body.');
      }
      const extracted = extractBody(init.body);
      source = extracted.source;
      if (extracted.contentType !== null && !this.#headers.has('content-type')) {
        setHeaderUnchecked(this.#headers, 'content-type', extracted.contentType);
      }
    } else if (source !== null && init.method !== undefined && (this.#method === 'GET' || this.#method === 'HEAD')) {
      // workerd checks an inherited body only when the init sets the method: copying an incoming GET (whose
      // Content-Length: 0 body is an empty stream) keeps working
      throw new TypeError('Request with a GET or HEAD method cannot have a body.');
    }
    setBodySource(this, source);
  }

  get method() {
    return this.#method;
  }

  get url() {
    return this.#url;
  }

  get headers() {
    return this.#headers;
  }

  get redirect() {
    return this.#redirect;
  }

  get cf() {
    return this.#cf;
  }

  get signal() {
    if (this.#signal === null) this.#signal = new AbortController().signal;
    return this.#signal;
  }

  get fetcher() {
    return null;
  }

  get integrity() {
    return '';
  }

  get keepalive() {
    return false;
  }

  clone() {
    const copy = new Request(FROM_HOST, {
      method: this.#method,
      url: this.#url,
      headers: new Headers(this.#headers),
      body: cloneBodySource(this),
    });
    copy.#redirect = this.#redirect;
    copy.#cf = this.#cf;
    copy.#signal = this.#signal;
    return copy;
  }

  get [Symbol.toStringTag]() {
    return 'Request';
  }
}

/**
 * The Request for an incoming call: headers arrive in wire form and are immutable, as on Cloudflare; the body is
 * an ArrayBuffer or a ReadableStream pulled from the host; cf is the request.cf object of a request from the
 * internet (RT-9), undefined otherwise.
 */
export function requestFromHost(method, url, wireHeaders, body, cf = undefined) {
  const headers = headersFromWire(wireHeaders, 'immutable');
  let source = null;
  if (body !== undefined && body !== null) {
    source = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  } else if (headers.has('content-length') || headers.has('transfer-encoding')) {
    source = new Uint8Array(0); // as in workerd: a framed empty body is an empty stream, not a null body
  }
  return new Request(FROM_HOST, { method, url, cf, headers, body: source });
}
