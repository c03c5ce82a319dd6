// WebSockets (checklist RT-10, RT-6): WebSocketPair, WebSocket, MessageEvent, CloseEvent, ErrorEvent.
//  - A pair's two ends talk to each other inside the isolate until the worker answers with
//    `new Response(null, {status: 101, webSocket: client})`. Then dispatch.js hands the client end to the host
//    (attachToHost): the server end's send()/close() go to Java (api/WebSocketHost → the gateway's upgraded
//    connection), and a receive loop takes the client's frames one host call at a time (host.wsReceive), so
//    frames reach JS on the isolate thread like any other host I/O and a busy worker leaves them queued in Java.
//  - As in workerd, an end must be accept()ed before it sends or closes; events that arrive earlier wait
//    for accept(). A listener that throws is an uncaught error: it is logged and the socket is closed with 1011.
//  - RT-6 outbound sockets: fetch() with `Upgrade: websocket` (fetch.js) and `new WebSocket(url, protocols)` do the
//    client handshake in Java (host.wsConnect → io/OutboundWebSocket, a subrequest behind the SSRF guard). A fetched
//    socket is OPEN and starts reading at accept(); a constructed one is CONNECTING, then accepts itself and fires
//    `open` (or `error` and a 1006 close when the handshake fails). Both then use the same send/close/receive host
//    calls as a server end. Errors and their messages are workerd's.

import { host } from './host.js';
import { hostCall } from './async.js';
import { Event, EventTarget } from './events.js';
import { reportError } from './console.js';
import { utf8Encode } from './encoding.js';
import { DOMException } from './errors.js';
import { Headers, headersFromWire, headersToWire } from './headers.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
const INTERNAL = Symbol('internal');
const states = new WeakMap();

export class MessageEvent extends Event {
  #data;

  constructor(type, init = {}) {
    super(type, init);
    this.#data = init?.data;
  }

  get data() { return this.#data; }
}

export class CloseEvent extends Event {
  #code;
  #reason;
  #wasClean;

  constructor(type, init = {}) {
    super(type, init);
    this.#code = init?.code ?? 0;
    this.#reason = init?.reason ?? '';
    this.#wasClean = !!init?.wasClean;
  }

  get code() { return this.#code; }
  get reason() { return this.#reason; }
  get wasClean() { return this.#wasClean; }
}

export class ErrorEvent extends Event {
  #message;
  #error;

  constructor(type, init = {}) {
    super(type, init);
    this.#message = init?.message ?? '';
    this.#error = init?.error;
  }

  get message() { return this.#message; }
  get error() { return this.#error; }
}

function stateOf(ws) {
  const state = states.get(ws);
  if (state === undefined) throw new TypeError('Illegal invocation');
  return state;
}

// As workerd: any code a close frame may carry (1004, 1005, 1006 and 1015 are reserved for reporting).
function validCloseCode(code) {
  return Number.isInteger(code) && code >= 1000 && code < 5000 && code !== 1004 && code !== 1005 && code !== 1006
    && code !== 1015;
}

/** Runs the listeners of one event; a throwing listener is the worker's uncaught error and ends the socket. */
function fire(ws, event) {
  try {
    ws.dispatchEvent(event);
  } catch (e) {
    reportError(e);
    const state = states.get(ws);
    if (state.handle !== 0 && state.readyState !== CLOSED) {
      state.readyState = CLOSING;
      state.closeSent = true;
      host.wsClose(state.handle, 1011, 'Internal Error');
    }
  }
}

/** Delivers to {@code ws} now when it is accepted, else when accept() is called. */
function deliver(ws, event, apply) {
  const state = states.get(ws);
  if (state.handedOff) return; // the client end went out in a response: the real client gets it instead
  if (!state.accepted) {
    state.early.push([event, apply]);
    return;
  }
  apply?.();
  fire(ws, event);
}

function messageEvent(data) {
  return new MessageEvent('message', { data });
}

function closed(ws, code, reason, wasClean) {
  return [new CloseEvent('close', { code, reason, wasClean }), () => {
    // The worker may still answer a received close with close() (the pattern Cloudflare documents).
    const state = states.get(ws);
    state.closeReceived = true;
    state.readyState = state.closeSent || !wasClean ? CLOSED : CLOSING;
  }];
}

function newState(readyState) {
  return {
    readyState, accepted: false, early: [], peer: null, handle: 0, closeSent: false, pendingOut: null,
    url: null, protocol: '', extensions: '', connecting: false, callId: 0, cancelled: false, reading: false,
    outbound: false,
  };
}

const CONSTRUCTOR = 'WebSocket Constructor: ';

// RFC 6455 section 4.1 item 10: a sub-protocol is a token (visible ASCII without separators).
function validToken(protocol) {
  return /^[\x21-\x7e]+$/.test(protocol) && !/[()<>@,;:\\/\[\]?={}"]/.test(protocol);
}

/** new WebSocket(url, protocols): workerd's checks, in its order; returns the handshake's http(s) URL and headers. */
function handshakeRequest(url, protocols) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new DOMException(CONSTRUCTOR + 'The url is invalid.', 'SyntaxError');
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new DOMException(CONSTRUCTOR + 'The url scheme must be ws or wss.', 'SyntaxError');
  }
  if (url.includes('#')) {
    throw new DOMException(CONSTRUCTOR + 'The url fragment must be empty.', 'SyntaxError');
  }
  const headers = new Headers();
  if (protocols !== undefined) {
    if (typeof protocols === 'string' || !(typeof protocols === 'object' && protocols !== null
        && typeof protocols[Symbol.iterator] === 'function')) {
      const protocol = String(protocols);
      if (!validToken(protocol)) throw new DOMException(CONSTRUCTOR + 'The protocol header token is invalid.', 'SyntaxError');
      headers.set('sec-websocket-protocol', protocol);
    } else {
      const list = [...protocols].map(String);
      const present = new Set();
      for (const protocol of list) {
        if (!validToken(protocol)) {
          throw new DOMException(CONSTRUCTOR + 'One of the protocol header tokens is invalid.', 'SyntaxError');
        }
        if (present.has(protocol)) {
          throw new DOMException(CONSTRUCTOR + 'The protocols header cannot have repeating values.', 'SyntaxError');
        }
        present.add(protocol);
      }
      if (list.length > 0) headers.set('sec-websocket-protocol', list.join(', '));
    }
  }
  parsed.protocol = parsed.protocol === 'wss:' ? 'https:' : 'http:';
  return [parsed.href, headers];
}

/** Splits host.wsConnect's head ("status\nstatusText\nheaders"). */
export function parseHead(head) {
  const first = head.indexOf('\n');
  const second = head.indexOf('\n', first + 1);
  return {
    status: Number(head.slice(0, first)),
    statusText: head.slice(first + 1, second),
    headers: headersFromWire(head.slice(second + 1), 'immutable'),
  };
}

/** RT-6: starts the handshake of a constructed socket; `open`, or `error` then a 1006 close, follow. */
function connect(ws, state, url, headers) {
  hostCall((id) => {
    state.callId = id;
    return host.wsConnect(id, url, headersToWire(headers));
  }).then(({ a, b }) => {
    const { status, headers: answer } = parseHead(a);
    if (state.cancelled) {
      // close() came while the answer was on its way: drop what the handshake made.
      if (status === 101) host.wsClose(b, -1, ''); else host.streamCancel(b, 'cancelled');
      throw new Error('Network connection lost.');
    }
    if (status !== 101) {
      host.streamCancel(b, 'not a WebSocket');
      throw new TypeError('Failed to establish the WebSocket connection: expected server to reply with HTTP '
        + `status code 101 (switching protocols), but received ${status} instead.`);
    }
    state.connecting = false;
    state.handle = b;
    state.accepted = true;
    state.readyState = OPEN;
    state.protocol = answer.get('sec-websocket-protocol');
    state.extensions = answer.get('sec-websocket-extensions');
    startReading(ws, state);
    fire(ws, new Event('open'));
  }).catch((e) => {
    state.connecting = false;
    state.readyState = CLOSED;
    const message = 'Uncaught ' + (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    fire(ws, new ErrorEvent('error', { message, error: e }));
    fire(ws, new CloseEvent('close', { code: 1006, reason: 'Failed to establish websocket connection', wasClean: false }));
  });
}

/** A socket fetch() got from an origin's 101 (RT-6): OPEN, read from accept() on. */
export function outboundWebSocket(handle) {
  const ws = new WebSocket(INTERNAL);
  const state = states.get(ws);
  state.handle = handle;
  state.outbound = true;
  return ws;
}

function startReading(ws, state) {
  if (state.reading || state.handle === 0 || !state.outbound) return;
  state.reading = true;
  receive(ws, state);
}

export class WebSocket extends EventTarget {
  static CONNECTING = CONNECTING;
  static OPEN = OPEN;
  static CLOSING = CLOSING;
  static CLOSED = CLOSED;
  static READY_STATE_CONNECTING = CONNECTING;
  static READY_STATE_OPEN = OPEN;
  static READY_STATE_CLOSING = CLOSING;
  static READY_STATE_CLOSED = CLOSED;

  #handlers = { open: null, message: null, close: null, error: null };

  constructor(url, protocols) {
    super();
    if (url === INTERNAL) {
      states.set(this, newState(OPEN));
      return;
    }
    if (arguments.length === 0) {
      throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
    }
    url = String(url);
    const [target, headers] = handshakeRequest(url, protocols);
    const state = newState(CONNECTING);
    state.url = url;
    state.constructed = true;
    state.connecting = true;
    state.outbound = true;
    states.set(this, state);
    connect(this, state, target, headers);
  }

  get readyState() { return stateOf(this).readyState; }
  get url() { return stateOf(this).url; }
  get protocol() { return stateOf(this).protocol; }
  get extensions() { return stateOf(this).extensions; }
  // workerd has only ArrayBuffer binary messages.
  get binaryType() { stateOf(this); return 'arraybuffer'; }
  set binaryType(value) { stateOf(this); }

  accept() {
    const state = stateOf(this);
    if (state.connecting) {
      throw new TypeError("Websockets obtained from the 'new WebSocket()' constructor cannot call accept");
    }
    if (state.handedOff || state.cancelled || state.coupled) throw new TypeError("Can't accept() WebSocket that was already used in a response.");
    if (state.accepted) return;
    state.accepted = true;
    startReading(this, state);
    const early = state.early;
    state.early = [];
    if (early.length === 0) return;
    // Events that arrived before accept() are delivered right after it, in order (not inside accept()).
    queueMicrotask(() => {
      for (const [event, apply] of early) {
        apply?.();
        fire(this, event);
      }
    });
  }

  send(message) {
    const state = stateOf(this);
    if (state.coupled) return; // it went out in a response: the real client talks to the origin directly
    if (!state.accepted) {
      throw new TypeError('You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.');
    }
    if (state.closeSent || state.readyState === CLOSED) {
      throw new TypeError("Can't call WebSocket send() after close().");
    }
    let data;
    if (message instanceof ArrayBuffer) data = message.slice(0);
    else if (ArrayBuffer.isView(message)) {
      data = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    } else data = String(message);
    route(state, (handle) => host.wsSend(handle, data), () => [messageEvent(data), undefined]);
  }

  close(code, reason) {
    const state = stateOf(this);
    if (state.connecting) {
      // As workerd: the handshake is cancelled; the socket reports OPEN until its error and 1006 close events.
      state.connecting = false;
      state.cancelled = true;
      state.readyState = OPEN;
      host.wsConnectAbort(state.callId);
      return;
    }
    if (state.closeSent || state.cancelled || state.handedOff || state.coupled) return;
    if (!state.accepted) {
      throw new TypeError('You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.');
    }
    if (code !== undefined) {
      code = Number(code);
      if (!validCloseCode(code)) throw new DOMException(`Invalid WebSocket close code: ${code}.`, 'InvalidAccessError');
    }
    if (reason !== undefined && code === undefined) {
      throw new DOMException('If you specify a WebSocket close reason, you must also specify a code.', 'InvalidAccessError');
    }
    reason = reason === undefined ? '' : String(reason);
    if (utf8Encode(reason).byteLength > 123) throw new TypeError('Close reason must be at most 123 bytes.');
    if (state.closeSent || state.readyState === CLOSED) return;
    state.closeSent = true;
    state.readyState = state.closeReceived ? CLOSED : CLOSING;
    // As in workerd, this end stays CLOSING until the peer's close (its answer) arrives.
    route(state, (handle) => host.wsClose(handle, code === undefined ? -1 : code, reason),
      (peer) => closed(peer, code ?? 1005, reason, true));
  }

  get onopen() { return this.#handlers.open; }
  set onopen(v) { this.#handlers.open = typeof v === 'function' ? v : null; }
  get onmessage() { return this.#handlers.message; }
  set onmessage(v) { this.#handlers.message = typeof v === 'function' ? v : null; }
  get onclose() { return this.#handlers.close; }
  set onclose(v) { this.#handlers.close = typeof v === 'function' ? v : null; }
  get onerror() { return this.#handlers.error; }
  set onerror(v) { this.#handlers.error = typeof v === 'function' ? v : null; }

  dispatchEvent(event) {
    const result = super.dispatchEvent(event);
    // The on<type> property runs after the listeners (as workerd does for its event handler attributes).
    const handler = this.#handlers[event.type];
    if (handler !== undefined && handler !== null) handler.call(this, event);
    return result;
  }

  get [Symbol.toStringTag]() { return 'WebSocket'; }
}

/**
 * Sends from the end {@code state}: to Java once the pair's client end went out in a response, else to the
 * local peer (queued while the pair is not handed off yet, so what the server sends before returning its
 * Response reaches the real client first).
 */
function route(state, toHost, toPeer) {
  if (state.handle !== 0) {
    toHost(state.handle);
    return;
  }
  state.pendingOut?.push(toHost);
  const peer = state.peer;
  const [event, apply] = toPeer(peer);
  Promise.resolve().then(() => deliver(peer, event, apply));
}

export class WebSocketPair {
  constructor() {
    const client = new WebSocket(INTERNAL);
    const server = new WebSocket(INTERNAL);
    const c = states.get(client);
    const s = states.get(server);
    c.peer = server;
    s.peer = client;
    // Until the client end is handed off, what the server sends is also kept for the host.
    s.pendingOut = [];
    Object.defineProperty(this, 0, { value: client, enumerable: true });
    Object.defineProperty(this, 1, { value: server, enumerable: true });
  }

  get [Symbol.toStringTag]() { return 'WebSocketPair'; }
}

/** True when {@code value} is a WebSocket end that can go out in a Response (Response's webSocket option). */
export function isWebSocket(value) {
  return states.has(value);
}

/**
 * dispatch.js: the worker answered with {@code client}: from now on its peer (the server end) talks to the
 * real client through the host. Returns the host's handle for host.respond(), or throws when the end cannot go out.
 */
export function attachToHost(client) {
  const c = stateOf(client);
  if (c.constructed) throw new TypeError("Can't return WebSocket in a Response if it was created with `new WebSocket()`");
  if (c.handedOff || c.coupled) throw new TypeError("Can't return WebSocket that was already used in a response.");
  if (c.accepted) throw new TypeError("Can't return WebSocket in a Response after calling accept().");
  if (c.outbound) return couple(c);
  const server = c.peer;
  const s = states.get(server);
  const opened = host.wsOpen();
  if (typeof opened === 'string') throw new Error(opened);
  c.handedOff = true;
  c.readyState = CLOSED;
  s.handle = opened;
  // What the server sent while the pair was local goes out first, in order.
  const early = s.pendingOut;
  s.pendingOut = null;
  c.early = [];
  for (const send of early) send(opened);
  receive(server, s);
  return opened;
}

/**
 * RT-6: a socket fetch() got from an origin goes out in the worker's response (`return fetch(request)` for an
 * upgrade request, the usual proxy): the real client and the origin are joined, frames and closes passing
 * through both ways without events in the worker.
 */
function couple(origin) {
  const opened = host.wsOpen();
  if (typeof opened === 'string') throw new Error(opened);
  origin.coupled = true;
  pump(opened, origin.handle);
  pump(origin.handle, opened);
  return opened;
}

/** Passes what arrives on one host socket to another, until its close (1005/1006 close the other plainly). */
function pump(from, to) {
  hostCall((id) => host.wsReceive(id, from)).then(({ a, b }) => {
    if (a === 'text' || a === 'binary') {
      host.wsSend(to, b);
      pump(from, to);
      return;
    }
    if (a === 'error') {
      host.wsClose(to, 1011, '');
      return;
    }
    const space = b.indexOf(' ');
    const code = Number(b.slice(0, space));
    const plain = code === 1005 || code === 1006;
    host.wsClose(to, plain ? -1 : code, plain ? '' : b.slice(space + 1));
  }, reportError);
}

/** The receive loop of a server end whose client is real: one host call per frame, until the close or error. */
function receive(ws, state) {
  hostCall((id) => host.wsReceive(id, state.handle)).then(({ a, b }) => {
    if (a === 'text' || a === 'binary') {
      deliver(ws, messageEvent(b));
      receive(ws, state);
      return;
    }
    if (a === 'error') {
      const [event, apply] = closed(ws, 1006, '', false);
      deliver(ws, new ErrorEvent('error', { message: b, error: new Error(b) }), apply);
      deliver(ws, event);
      return;
    }
    // 'close': b is "<code> <reason>"; 1006 (never on the wire) reports a connection lost without a close frame.
    const space = b.indexOf(' ');
    const code = Number(b.slice(0, space));
    const [event, apply] = closed(ws, code, b.slice(space + 1), code !== 1006);
    deliver(ws, event, apply);
  }, reportError);
}
