// Event, EventTarget, CustomEvent, AbortController and AbortSignal (RT-6). A listener error ends the dispatch
// and propagates to the caller, as in workerd at compatibility dates without spec_compliant_dispatch_exceptions.

import { DOMException } from './errors.js';
import { setTimeout, clearTimeout } from './timers.js';

const ILLEGAL = Symbol('illegal');
let setDispatchState;
let stopped;
let markTrusted;
let preventedRaw;

export class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #stop = false;
  #stopImmediate = false;
  #target = null;
  #currentTarget = null;
  #phase = 0;
  #timeStamp = Date.now();
  #trusted = false;

  static {
    // events the runtime itself dispatches (e.g. 'abort') report isTrusted === true, as in workerd
    markTrusted = (e) => {
      e.#trusted = true;
      return e;
    };
    setDispatchState = (e, target, current, phase) => {
      e.#target = target;
      e.#currentTarget = current;
      e.#phase = phase;
    };
    stopped = (e) => e.#stopImmediate;
    preventedRaw = (e) => e.#defaultPrevented;
  }

  constructor(type, init = {}) {
    if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': constructor parameter 1 is not of type 'string'.");
    this.#type = String(type);
    this.#bubbles = !!init?.bubbles;
    this.#cancelable = !!init?.cancelable;
    this.#composed = !!init?.composed;
  }

  get type() { return this.#type; }

  get bubbles() { return this.#bubbles; }

  get cancelable() { return this.#cancelable; }

  get composed() { return this.#composed; }

  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }

  get returnValue() { return !this.defaultPrevented; }

  get cancelBubble() { return this.#stop; }

  set cancelBubble(v) { if (v) this.#stop = true; }

  get target() { return this.#target; }

  get srcElement() { return this.#target; }

  get currentTarget() { return this.#currentTarget; }

  get eventPhase() { return this.#phase; }

  get timeStamp() { return this.#timeStamp; }

  get isTrusted() { return this.#trusted; }

  composedPath() { return this.#currentTarget === null ? [] : [this.#currentTarget]; }

  // workerd records the call even on a non-cancelable event: defaultPrevented stays false there, but
  // dispatchEvent() returns false all the same
  preventDefault() { this.#defaultPrevented = true; }

  stopPropagation() { this.#stop = true; }

  stopImmediatePropagation() {
    this.#stop = true;
    this.#stopImmediate = true;
  }
}
for (const [name, value] of Object.entries({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 })) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}

export class CustomEvent extends Event {
  #detail;

  constructor(type, init = {}) {
    super(type, init);
    this.#detail = init?.detail; // workerd: undefined when not given (the DOM says null)
  }

  get detail() { return this.#detail; }
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, signal: undefined };
  return { capture: !!options?.capture, once: !!options?.once, signal: options?.signal };
}

export class EventTarget {
  #listeners = new Map();

  addEventListener(type, listener, options) {
    if (listener === null || listener === undefined) return;
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw new TypeError('The "listener" argument must be a function or an object with a handleEvent method.');
    }
    const { capture, once, signal } = listenerOptions(options);
    if (signal?.aborted) return;
    type = String(type);
    let list = this.#listeners.get(type);
    if (list === undefined) this.#listeners.set(type, list = []);
    if (list.some((l) => l.listener === listener && l.capture === capture)) return;
    const entry = { listener, capture, once, removed: false };
    list.push(entry);
    signal?.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
  }

  removeEventListener(type, listener, options) {
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const list = this.#listeners.get(String(type));
    if (list === undefined) return;
    const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
    if (i >= 0) {
      list[i].removed = true;
      list.splice(i, 1);
    }
  }

  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event.');
    if (event.eventPhase !== 0) throw new DOMException('The event is already being dispatched.', 'InvalidStateError');
    setDispatchState(event, this, this, 2);
    try {
      const handler = this[`on${event.type}`];
      const list = (this.#listeners.get(event.type) ?? []).slice();
      if (typeof handler === 'function' && Object.hasOwn(EVENT_HANDLER_TYPES, event.type) && this instanceof EVENT_HANDLER_TYPES[event.type]) {
        list.push({ listener: handler, once: false, removed: false }); // workerd runs onabort after the listeners
      }
      for (const entry of list) {
        if (entry.removed) continue;
        if (entry.once) this.removeEventListener(event.type, entry.listener, { capture: entry.capture });
        // workerd (without the spec_compliant_dispatch_exceptions flag, which Outpost does not read yet): the first
        // throwing listener ends the dispatch and its exception leaves dispatchEvent() (or abort()) unchanged
        if (typeof entry.listener === 'function') entry.listener.call(this, event);
        else if (typeof entry.listener?.handleEvent === 'function') entry.listener.handleEvent(event);
        if (stopped(event)) break;
      }
    } finally {
      // workerd leaves currentTarget set after dispatch.
      setDispatchState(event, this, this, 0);
    }
    return !preventedRaw(event);
  }
}

let signalAbort;
let createSignal;

export class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  onabort = null;

  static {
    createSignal = () => new AbortSignal(ILLEGAL);
    signalAbort = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason === undefined ? new DOMException('The operation was aborted', 'AbortError') : reason;
      signal.dispatchEvent(markTrusted(new Event('abort')));
    };
  }

  constructor(token) {
    if (token !== ILLEGAL) throw new TypeError('Illegal constructor');
    super();
  }

  get aborted() { return this.#aborted; }

  get reason() { return this.#reason; }

  throwIfAborted() {
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason) {
    const signal = createSignal();
    signalAbort(signal, reason);
    return signal;
  }

  static timeout(ms) {
    const delay = Number(ms);
    if (!Number.isFinite(delay) || delay < 0) throw new TypeError('The "delay" argument must be a non-negative number.');
    const signal = createSignal();
    setTimeout(() => signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), delay);
    return signal;
  }

  static any(signals) {
    const list = [...signals];
    const signal = createSignal();
    for (const s of list) {
      if (!(s instanceof AbortSignal)) throw new TypeError('AbortSignal.any() takes an iterable of AbortSignals.');
      if (s.aborted) {
        signalAbort(signal, s.reason);
        return signal;
      }
    }
    for (const s of list) s.addEventListener('abort', () => signalAbort(signal, s.reason), { once: true });
    return signal;
  }
}

const EVENT_HANDLER_TYPES = { abort: AbortSignal };

export class AbortController {
  #signal = createSignal();

  get signal() { return this.#signal; }

  abort(reason) {
    signalAbort(this.#signal, reason);
  }
}

/** scheduler.wait(ms[, {signal}]) (Cloudflare): a Promise resolved after ms, rejected when the signal aborts. */
export const scheduler = Object.freeze({
  wait(ms, options = {}) {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const id = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(id);
        reject(signal.reason);
      }, { once: true });
    });
  },
});
