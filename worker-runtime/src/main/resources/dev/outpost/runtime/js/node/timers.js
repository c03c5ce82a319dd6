// RT-6 node:timers under nodejs_compat. As in workerd, setTimeout/setInterval from this module answer a Timeout
// object (ref/unref/hasRef/refresh, converts to its numeric id), and clearTimeout takes either that or an id.
// The timers themselves are the worker's global ones (../timers.js): same event loop, same request attribution.

import { setTimeout as globalSetTimeout, clearTimeout as globalClearTimeout } from '../timers.js';
import * as promises from './timers-promises.js';

export class Timeout {
  #id;
  #callback;
  #delay;
  #args;
  #repeat;

  constructor(callback, delay, args, repeat) {
    this.#callback = callback;
    this.#delay = delay;
    this.#args = args;
    this.#repeat = repeat;
    this.#start();
  }

  #start() {
    this.#id = this.#repeat
      ? globalThis.setInterval(this.#callback, this.#delay, ...this.#args)
      : globalSetTimeout(this.#callback, this.#delay, ...this.#args);
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  hasRef() {
    return true;
  }

  refresh() {
    globalClearTimeout(this.#id);
    this.#start();
    return this;
  }

  close() {
    globalClearTimeout(this.#id);
    return this;
  }

  [Symbol.toPrimitive]() {
    return this.#id;
  }

  [Symbol.dispose]() {
    this.close();
  }
}

class Immediate {
  #id;

  constructor(callback, args) {
    this.#id = globalSetTimeout(callback, 0, ...args);
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  hasRef() {
    return true;
  }

  [Symbol.toPrimitive]() {
    return this.#id;
  }
}

export function setTimeout(callback, delay, ...args) {
  return new Timeout(callback, delay, args, false);
}

export function setInterval(callback, delay, ...args) {
  return new Timeout(callback, delay, args, true);
}

export function setImmediate(callback, ...args) {
  return new Immediate(callback, args);
}

export function clearTimeout(timer) {
  if (timer instanceof Timeout) {
    timer.close();
  } else if (timer != null) {
    globalClearTimeout(Number(timer));
  }
}

export const clearInterval = clearTimeout;

export function clearImmediate(immediate) {
  if (immediate != null) {
    globalClearTimeout(Number(immediate));
  }
}

// deprecated in Node and inert in workerd
export function active() {}
export function enroll() {}
export function unenroll() {}

export { promises };

export default { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate, Timeout,
  promises, active, enroll, unenroll };
