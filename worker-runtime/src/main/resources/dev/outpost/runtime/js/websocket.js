// WebSockets (checklist RT-10): WebSocketPair, WebSocket, MessageEvent, CloseEvent, ErrorEvent.
//  - A pair's two ends talk to each other inside the isolate until the worker answers with
//    `new Response(null, {status: 101, webSocket: client})`. Then dispatch.js hands the client end to the host
//    (attachToHost): the server end's send()/close() go to Java (api/WebSocketHost → the gateway's upgraded
//    connection), and a receive loop takes the client's frames one host call at a time (host.wsReceive), so
//    frames reach JS on the isolate thread like any other host I/O and a busy worker leaves them queued in Java.
//  - As in workerd, an end must be accept()ed before it sends or closes; events that arrive earlier wait
//    for accept(). A listener that throws is an uncaught error: it is logged and the socket is closed with 1011.

import { host } from './host.js';
import { hostCall } from './async.js';
import { Event, EventTarget } from './events.js';
import { reportError } from './console.js';
import { utf8Encode } from './encoding.js';

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

function validCloseCode(code) {
  return Number.isInteger(code) && (code === 1000 || (code >= 3000 && code <= 4999));
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
    if (url !== INTERNAL) {
      // Outbound WebSockets (new WebSocket(url), fetch() with Upgrade: websocket) are not implemented yet.
      throw new Error('Outpost does not support outbound WebSockets yet (new WebSocket(url)); RT-10 covers '
        + 'WebSocketPair and Response.webSocket.');
    }
    states.set(this, {
      readyState: OPEN, accepted: false, early: [], peer: null, handle: 0, closeSent: false, pendingOut: null,
    });
  }

  get readyState() { return stateOf(this).readyState; }
  get url() { stateOf(this); return null; }
  get protocol() { stateOf(this); return null; }
  get extensions() { stateOf(this); return null; }

  accept() {
    const state = stateOf(this);
    if (state.accepted) return;
    if (state.handedOff) throw new TypeError("Can't accept() WebSocket that was already used in a response.");
    state.accepted = true;
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
    if (!state.accepted) {
      throw new TypeError('You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.');
    }
    if (code !== undefined) {
      code = Number(code);
      if (!validCloseCode(code)) throw new TypeError(`Invalid WebSocket close code: ${code}.`);
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
  if (c.handedOff) throw new TypeError('This WebSocket was already used in a response.');
  if (c.accepted) throw new TypeError("Can't return WebSocket in a Response after calling accept().");
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
    // 'close': b is "<code> <reason>"
    const space = b.indexOf(' ');
    const [event, apply] = closed(ws, Number(b.slice(0, space)), b.slice(space + 1), true);
    deliver(ws, event, apply);
  }, reportError);
}
