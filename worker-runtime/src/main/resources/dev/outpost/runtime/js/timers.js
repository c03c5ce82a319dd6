// setTimeout/setInterval and friends. JS keeps the callbacks; Java keeps the deadlines on the isolate's event
// loop and calls runTimer(id) when one is due, attributing the work to the request that set the timer.

import { host } from './host.js';
import { assertInRequest } from './errors.js';
import { reportError } from './console.js';
import { bindToCurrentFrame } from './async-context.js';

let lastId = 0;
const timers = new Map();

function delayOf(delay) {
  const n = Number(delay);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 2147483647) : 0;
}

function schedule(callback, delay, args, repeat) {
  assertInRequest();
  if (typeof callback !== 'function') {
    throw new TypeError('The callback provided as parameter 1 is not a function.');
  }
  const id = ++lastId;
  // RT-6: the callback runs in the AsyncLocalStorage frame it was scheduled in
  timers.set(id, { callback: bindToCurrentFrame(callback), args, repeat });
  const error = host.setTimer(id, delayOf(delay), repeat);
  if (error !== undefined) {
    timers.delete(id);
    throw new Error(error);
  }
  return id;
}

export function setTimeout(callback, delay = 0, ...args) {
  return schedule(callback, delay, args, false);
}

export function setInterval(callback, delay = 0, ...args) {
  return schedule(callback, delay, args, true);
}

export function clearTimeout(id) {
  const key = Number(id);
  if (timers.delete(key)) {
    host.clearTimer(key);
  }
}

export const clearInterval = clearTimeout;

export function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError("Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.");
  }
  const bound = bindToCurrentFrame(callback);
  Promise.resolve().then(() => {
    try {
      bound();
    } catch (e) {
      reportError(e);
    }
  });
}

/** Called by the host when timer {@code id} is due. */
export function runTimer(id) {
  const timer = timers.get(id);
  if (timer === undefined) {
    return;
  }
  if (!timer.repeat) {
    timers.delete(id);
  }
  try {
    timer.callback.apply(globalThis, timer.args);
  } catch (e) {
    // As on Cloudflare: logged as uncaught, the request goes on.
    reportError(e);
  }
}

/** Called by the host when the request owning timer {@code id} ended abnormally. */
export function dropTimer(id) {
  timers.delete(id);
}
