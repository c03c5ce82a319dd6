// RT-6 node:diagnostics_channel under nodejs_compat: named channels (one object per name), subscribe/unsubscribe,
// publish to every subscriber in order with (message, name), the module-level shortcuts, store binding
// (runStores runs fn inside each bound AsyncLocalStorage) and tracingChannel's start/end/asyncStart/asyncEnd/error.
// A subscriber that throws does not stop the others: its error is reported as uncaught, as in Node.
// As in workerd (not Node), a Channel's hasSubscribers is a method, it has no name property, and
// Channel.unsubscribe answers undefined.

const channels = new Map();

function checkFunction(fn, name) {
  if (typeof fn !== 'function') {
    const err = new TypeError(`The "${name}" argument must be of type function.`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

export class Channel {
  #subscribers = [];
  #stores = new Map();
  #name;

  constructor(name) {
    this.#name = name;
  }

  hasSubscribers() {
    return this.#subscribers.length > 0;
  }

  subscribe(subscription) {
    checkFunction(subscription, 'subscription');
    this.#subscribers.push(subscription);
  }

  unsubscribe(subscription) {
    const index = this.#subscribers.indexOf(subscription);
    if (index >= 0) this.#subscribers.splice(index, 1);
  }

  publish(message) {
    for (const subscriber of this.#subscribers.slice()) {
      try {
        subscriber(message, this.#name);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  bindStore(store, transform) {
    this.#stores.set(store, transform);
  }

  unbindStore(store) {
    return this.#stores.delete(store);
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return fn.apply(thisArg, args);
    };
    for (const [store, transform] of this.#stores) {
      const inner = run;
      const value = typeof transform === 'function' ? transform(data) : data;
      run = () => store.run(value, inner);
    }
    return run();
  }
}

export function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    const err = new TypeError('The "channel" argument must be of type string or symbol.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  let c = channels.get(name);
  if (c === undefined) {
    c = new Channel(name);
    channels.set(name, c);
  }
  return c;
}

export function hasSubscribers(name) {
  return channels.get(name)?.hasSubscribers() ?? false;
}

export function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

export function unsubscribe(name, subscription) {
  channel(name).unsubscribe(subscription);
}

const TRACE_EVENTS = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

export class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of TRACE_EVENTS) {
      this[event] = typeof nameOrChannels === 'string'
        ? channel(`tracing:${nameOrChannels}:${event}`) : nameOrChannels[event];
    }
  }

  get hasSubscribers() {
    return TRACE_EVENTS.some((event) => this[event].hasSubscribers());
  }

  subscribe(handlers) {
    for (const event of TRACE_EVENTS) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    for (const event of TRACE_EVENTS) {
      if (handlers[event]) this[event].unsubscribe(handlers[event]);
    }
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    return this.start.runStores(context, () => {
      try {
        context.result = fn.apply(thisArg, args);
        return context.result;
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    return this.start.runStores(context, () => {
      try {
        const promise = Promise.resolve(fn.apply(thisArg, args));
        return promise.then((result) => {
          context.result = result;
          this.asyncStart.publish(context);
          this.asyncEnd.publish(context);
          return result;
        }, (err) => {
          context.error = err;
          this.error.publish(context);
          this.asyncStart.publish(context);
          this.asyncEnd.publish(context);
          throw err;
        });
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    const index = position < 0 ? args.length + position : position;
    const callback = args[index];
    checkFunction(callback, 'callback');
    const tracing = this;
    args[index] = function wrapped(err, result) {
      if (err) {
        context.error = err;
        tracing.error.publish(context);
      } else {
        context.result = result;
      }
      tracing.asyncStart.publish(context);
      try {
        return callback.apply(this, arguments);
      } finally {
        tracing.asyncEnd.publish(context);
      }
    };
    return this.traceSync(fn, context, thisArg, ...args);
  }
}

export function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

export default { channel, hasSubscribers, subscribe, unsubscribe, tracingChannel, Channel };
