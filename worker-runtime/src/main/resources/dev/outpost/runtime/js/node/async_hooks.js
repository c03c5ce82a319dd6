// RT-6 node:async_hooks under nodejs_compat: AsyncLocalStorage and AsyncResource, as workerd provides them
// (createHook and the async ids are inert stubs there too). How far a store follows async code is described in
// ../async-context.js.

import { currentFrame, runInFrame, enterFrame, bindToCurrentFrame } from '../async-context.js';

function withStore(storage, store) {
  const next = new Map(currentFrame() ?? undefined);
  next.set(storage, store);
  return next;
}

export class AsyncLocalStorage {
  run(store, fn, ...args) {
    return runInFrame(withStore(this, store), fn, undefined, args);
  }

  exit(fn, ...args) {
    const next = new Map(currentFrame() ?? undefined);
    next.delete(this);
    return runInFrame(next, fn, undefined, args);
  }

  getStore() {
    return currentFrame()?.get(this);
  }

  enterWith(store) {
    enterFrame(withStore(this, store));
  }

  disable() {
    const frame = currentFrame();
    if (frame !== null && frame.has(this)) enterFrame(new Map([...frame].filter(([k]) => k !== this)));
  }

  get name() {
    return '';
  }

  static bind(fn) {
    return bindToCurrentFrame(fn);
  }

  static snapshot() {
    const captured = currentFrame() ?? new Map();
    return (fn, ...args) => runInFrame(captured, fn, undefined, args);
  }
}

export class AsyncResource {
  #frame;

  constructor(type, options) {
    this.type = type;
    this.#frame = currentFrame() ?? new Map();
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return runInFrame(this.#frame, fn, thisArg, args);
  }

  bind(fn, thisArg) {
    const resource = this;
    const bound = function (...args) {
      return resource.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
    };
    Object.defineProperty(bound, 'length', { value: fn.length });
    return bound;
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return 0;
  }

  triggerAsyncId() {
    return 0;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type ?? 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

export function createHook() {
  return { enable() { return this; }, disable() { return this; } };
}

export function executionAsyncId() {
  return 0;
}

export function triggerAsyncId() {
  return 0;
}

export function executionAsyncResource() {
  return {};
}

export const asyncWrapProviders = Object.freeze({});

export default {
  AsyncLocalStorage, AsyncResource, createHook, executionAsyncId, triggerAsyncId, executionAsyncResource,
  asyncWrapProviders,
};
