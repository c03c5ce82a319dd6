// RT-6 node:events under nodejs_compat: Node's EventEmitter (listeners run synchronously, in order) and the
// once() / on() helpers.

const kCapture = Symbol('kCapture');
export const captureRejectionSymbol = Symbol.for('nodejs.rejection');
export const errorMonitor = Symbol('events.errorMonitor');
let defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') {
    const e = new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : typeof listener}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

export class EventEmitter {
  constructor(options) {
    EventEmitter.init.call(this, options);
  }

  static init(options) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
    this[kCapture] = options?.captureRejections ?? false;
  }

  static get defaultMaxListeners() {
    return defaultMaxListeners;
  }

  static set defaultMaxListeners(n) {
    defaultMaxListeners = n;
  }

  setMaxListeners(n) {
    this._maxListeners = n;
    return this;
  }

  getMaxListeners() {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
  }

  emit(type, ...args) {
    const events = this._events;
    if (type === 'error') {
      if (events?.[errorMonitor]) this.emit(errorMonitor, ...args);
      if (!events?.error) {
        const er = args[0];
        if (er instanceof Error) throw er;
        const e = new Error(`Unhandled error. (${er === undefined ? 'undefined' : typeof er === 'string' ? `'${er}'` : String(er)})`);
        e.code = 'ERR_UNHANDLED_ERROR';
        e.context = er;
        throw e;
      }
    }
    const handler = events?.[type];
    if (handler === undefined) return false;
    if (typeof handler === 'function') {
      handler.apply(this, args);
    } else {
      for (const listener of handler.slice()) listener.apply(this, args);
    }
    return true;
  }

  addListener(type, listener) {
    return add(this, type, listener, false);
  }

  on(type, listener) {
    return add(this, type, listener, false);
  }

  prependListener(type, listener) {
    return add(this, type, listener, true);
  }

  once(type, listener) {
    checkListener(listener);
    return this.on(type, onceWrapper(this, type, listener));
  }

  prependOnceListener(type, listener) {
    checkListener(listener);
    return this.prependListener(type, onceWrapper(this, type, listener));
  }

  removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    const list = events?.[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
      return this;
    }
    if (typeof list !== 'function') {
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          const removed = list[i];
          list.splice(i, 1);
          if (list.length === 1) events[type] = list[0];
          if (events.removeListener !== undefined) this.emit('removeListener', type, removed.listener || removed);
          break;
        }
      }
    }
    return this;
  }

  off(type, listener) {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== 'removeListener') this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') this.removeListener(type, listeners);
    else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    return this;
  }

  listeners(type) {
    return this.rawListeners(type).map((l) => l.listener || l);
  }

  rawListeners(type) {
    const list = this._events?.[type];
    if (list === undefined) return [];
    return typeof list === 'function' ? [list] : list.slice();
  }

  listenerCount(type, listener) {
    const list = this.rawListeners(type);
    return listener === undefined ? list.length : list.filter((l) => l === listener || l.listener === listener).length;
  }

  eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  }

  static listenerCount(emitter, type) {
    return emitter.listenerCount(type);
  }
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

function add(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
  } else if (typeof existing === 'function') {
    events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  return target;
}

function onceWrapper(target, type, listener) {
  const state = { fired: false };
  const wrapped = function (...args) {
    if (state.fired) return undefined;
    state.fired = true;
    target.removeListener(type, wrapped);
    return listener.apply(target, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

/** Resolves with the arguments of the next `name` event; rejects on 'error' (EventEmitter or EventTarget). */
export function once(emitter, name, options = {}) {
  return new Promise((resolve, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(abortError(signal.reason));
      return;
    }
    if (typeof emitter.addEventListener === 'function' && typeof emitter.on !== 'function') {
      emitter.addEventListener(name, (event) => resolve([event]), { once: true });
      return;
    }
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      reject(err);
    };
    const onEvent = (...args) => {
      if (name !== 'error') emitter.removeListener('error', onError);
      resolve(args);
    };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
    signal?.addEventListener('abort', () => {
      emitter.removeListener(name, onEvent);
      emitter.removeListener('error', onError);
      reject(abortError(signal.reason));
    }, { once: true });
  });
}

function abortError(cause) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  e.cause = cause;
  return e;
}

/** Async iterator over `name` events. */
export function on(emitter, name) {
  const queue = [];
  const waiting = [];
  let error = null;
  const onEvent = (...args) => {
    if (waiting.length > 0) waiting.shift().resolve({ value: args, done: false });
    else queue.push(args);
  };
  const onError = (err) => {
    error = err;
    while (waiting.length > 0) waiting.shift().reject(err);
  };
  emitter.on(name, onEvent);
  if (name !== 'error') emitter.on('error', onError);
  const stop = () => {
    emitter.removeListener(name, onEvent);
    emitter.removeListener('error', onError);
  };
  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (error) return Promise.reject(error);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      stop();
      while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function listenerCount(emitter, type) {
  return emitter.listenerCount(type);
}

export function getEventListeners(emitter, type) {
  return typeof emitter.listeners === 'function' ? emitter.listeners(type) : [];
}

export function setMaxListeners(n = defaultMaxListeners, ...targets) {
  if (targets.length === 0) defaultMaxListeners = n;
  for (const t of targets) t.setMaxListeners?.(n);
}


EventEmitter.EventEmitter = EventEmitter;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.captureRejectionSymbol = captureRejectionSymbol;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.setMaxListeners = setMaxListeners;

export default EventEmitter;
