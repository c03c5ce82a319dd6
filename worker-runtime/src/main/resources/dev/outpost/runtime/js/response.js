// Response (Fetch standard, as Cloudflare Workers expose it).

import { Body, extractBody, setBodySource, cloneBodySource } from './body.js';
import { Headers, setHeadersGuard, setHeaderUnchecked } from './headers.js';
import { parseUrl } from './url.js';
import { isWebSocket } from './websocket.js';

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
const FROM_NETWORK = Symbol('fromNetwork');
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const REASON = /^[\t\x20-\x7e\x80-\xff]*$/;

let readEncodeBody;

export class Response extends Body {
  #status = 200;
  #statusText = '';
  #headers;
  #type = 'default';
  #url = '';
  #redirected = false;
  #webSocket = null;
  #cf = undefined;
  // RT-6 workerd's encodeBody: 'automatic' compresses a body sent with Content-Encoding: gzip (dispatch.js)
  #encodeBody = 'automatic';

  static {
    readEncodeBody = (response) => response.#encodeBody;
  }

  constructor(body = null, init = undefined) {
    super();
    if (body === FROM_NETWORK) {
      // An outbound fetch's response: any status the server sent, immutable headers, a streamed body.
      this.#status = init.status;
      this.#statusText = init.statusText;
      this.#headers = init.headers;
      this.#url = init.url;
      this.#redirected = init.redirected;
      this.#webSocket = init.webSocket ?? null; // RT-6: an origin's 101 to a WebSocket handshake
      this.#encodeBody = init.encodeBody ?? 'automatic';
      setBodySource(this, init.body);
      return;
    }
    init = init ?? {};
    if (typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Response': The provided value is not of type 'ResponseInit'.");
    }
    // as workerd converts it: a fraction is truncated (200.9 is 200), NaN becomes 0 (out of range)
    const number = Number(init.status);
    const status = init.status === undefined ? 200 : (Number.isFinite(number) ? Math.trunc(number) : 0);
    if (status < 200 || status > 599) {
      if (!(status === 101 && init.webSocket)) {
        throw new RangeError('Responses may only be constructed with status codes in the range 200 to 599, inclusive.');
      }
    }
    this.#status = status;
    if (init.webSocket !== undefined && init.webSocket !== null) {
      // RT-10: the client end of a WebSocketPair; dispatch.js hands it to the host with the 101.
      if (!isWebSocket(init.webSocket)) {
        throw new TypeError("Failed to construct 'Response': webSocket must be a WebSocket.");
      }
      this.#webSocket = init.webSocket;
    }
    if (init.statusText !== undefined) {
      const text = String(init.statusText);
      if (!REASON.test(text)) {
        throw new TypeError('Invalid statusText.');
      }
      this.#statusText = text;
    }
    if (init.encodeBody !== undefined) {
      const encodeBody = String(init.encodeBody);
      if (encodeBody !== 'automatic' && encodeBody !== 'manual') {
        throw new TypeError(`encodeBody: unexpected value: ${encodeBody}`);
      }
      this.#encodeBody = encodeBody;
    }
    this.#headers = new Headers(init.headers);
    // workerd keeps init.cf (a fetch()'s or another Response's) and shows it as response.cf
    if (init.cf !== undefined && init.cf !== null) this.#cf = init.cf;
    const extracted = extractBody(body);
    if (extracted.source !== null && NULL_BODY_STATUS.has(status)) {
      throw new TypeError('Response with null body status (101, 204, 205, or 304) cannot have a body.');
    }
    if (extracted.contentType !== null && !this.#headers.has('content-type')) {
      setHeaderUnchecked(this.#headers, 'content-type', extracted.contentType);
    }
    setBodySource(this, extracted.source);
  }

  static json(data, init = undefined) {
    const text = JSON.stringify(data);
    if (text === undefined) {
      throw new TypeError('Value is not JSON serializable.');
    }
    const response = new Response(text, init);
    const headers = response.#headers;
    if (init?.headers === undefined || !new Headers(init.headers).has('content-type')) {
      setHeaderUnchecked(headers, 'content-type', 'application/json');
    }
    return response;
  }

  static redirect(url, status = 302) {
    const parsed = parseUrl(String(url));
    if (parsed === null) {
      throw new TypeError(`Invalid URL: ${String(url)}`);
    }
    const code = Number(status);
    if (!REDIRECT_STATUS.has(code)) {
      throw new RangeError(`${status} is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.`);
    }
    const response = new Response(null, { status: code });
    setHeaderUnchecked(response.#headers, 'location', parsed.href);
    setHeadersGuard(response.#headers, 'immutable');
    return response;
  }

  static error() {
    const response = new Response(null, { status: 200 });
    response.#status = 0;
    response.#type = 'error';
    return response; // workerd leaves these headers mutable (the Fetch standard makes them immutable)
  }

  get status() {
    return this.#status;
  }

  get statusText() {
    return this.#statusText;
  }

  get ok() {
    return this.#status >= 200 && this.#status <= 299;
  }

  get headers() {
    return this.#headers;
  }

  get type() {
    return this.#type;
  }

  get url() {
    return this.#url;
  }

  get redirected() {
    return this.#redirected;
  }

  get cf() {
    return this.#cf;
  }

  get webSocket() {
    return this.#webSocket;
  }

  clone() {
    // Any status may be copied (a fetched 1xx/3xx one too): the constructor only sees a valid placeholder.
    const copy = new Response(null, { status: 200 });
    copy.#status = this.#status;
    copy.#url = this.#url;
    copy.#redirected = this.#redirected;
    copy.#statusText = this.#statusText;
    copy.#headers = new Headers(this.#headers);
    copy.#type = this.#type;
    copy.#cf = this.#cf;
    copy.#encodeBody = this.#encodeBody;
    setBodySource(copy, cloneBodySource(this));
    return copy;
  }

  get [Symbol.toStringTag]() {
    return 'Response';
  }
}

/** The Response of an outbound fetch (fetch.js): {status, statusText, headers, body, url, redirected}. */
/** 'automatic' or 'manual' (RT-6 encodeBody): whether the runtime applies the body's Content-Encoding. */
export function encodeBodyOf(response) {
  return readEncodeBody(response);
}

export function responseFromNetwork(init) {
  return new Response(FROM_NETWORK, init);
}
