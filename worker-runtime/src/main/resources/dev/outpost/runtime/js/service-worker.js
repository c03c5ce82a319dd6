// Service-worker syntax (RT-2): a script without exports registers listeners with addEventListener() at
// startup; events are FetchEvent and ScheduledEvent. Also the ScheduledController of module workers.

import { Event } from './events.js';
import { scope } from './host.js';
import { reportError } from './console.js';
import { illegalInvocation } from './errors.js';

export const listeners = { fetch: [], scheduled: [] };

export function addEventListener(type, listener) {
  if (typeof listener !== 'function' && typeof listener?.handleEvent !== 'function') {
    throw new TypeError("Failed to execute 'addEventListener': parameter 2 is not of type 'EventListener'.");
  }
  const list = listeners[String(type)];
  if (list === undefined) return; // other events (unhandledrejection, ...) are not dispatched here
  if (!scope.global) {
    throw new TypeError('addEventListener() for "' + type + '" must be called during startup, in global scope.');
  }
  if (!list.includes(listener)) list.push(listener);
}

export function removeEventListener(type, listener) {
  const list = listeners[String(type)];
  const index = list === undefined ? -1 : list.indexOf(listener);
  if (index >= 0) list.splice(index, 1);
}

function callListener(listener, event) {
  return typeof listener === 'function' ? listener.call(globalThis, event) : listener.handleEvent(event);
}

const NO_RESPONSE = 'The script did not call event.respondWith() for the fetch event, and there is no origin to pass the request to.';

export class FetchEvent extends Event {
  #request;
  #ctx;
  #response;
  #dispatching = true;

  constructor(type, init) {
    super(type);
    if (init?.request === undefined) throw new TypeError("Failed to construct 'FetchEvent': request is required.");
    this.#request = init.request;
    this.#ctx = init.ctx ?? null;
  }

  get request() {
    return this.#request;
  }

  respondWith(response) {
    if (Object(this) !== this || !(#request in this)) throw illegalInvocation();
    if (this.#response !== undefined) throw new Error('respondWith() was already called.');
    if (!this.#dispatching) throw new Error('respondWith() must be called synchronously from the fetch event listener.');
    this.#response = Promise.resolve(response);
  }

  waitUntil(promise) {
    if (Object(this) !== this || !(#request in this)) throw illegalInvocation();
    if (this.#ctx !== null) this.#ctx.waitUntil(promise);
    else Promise.resolve(promise).catch(reportError);
  }

  passThroughOnException() {
    if (Object(this) !== this || !(#request in this)) throw illegalInvocation();
    this.#ctx?.passThroughOnException();
  }

  static finish(event) {
    event.#dispatching = false;
    return event.#response;
  }
}

export class ScheduledController {
  #cron;
  #scheduledTime;
  #noRetry = false;

  constructor(token, cron, scheduledTime) {
    if (token !== ScheduledController) throw new TypeError('Illegal constructor');
    this.#cron = cron;
    this.#scheduledTime = scheduledTime;
  }

  get cron() {
    return this.#cron;
  }

  get scheduledTime() {
    return this.#scheduledTime;
  }

  get type() {
    return 'scheduled';
  }

  noRetry() {
    if (Object(this) !== this || !(#cron in this)) throw illegalInvocation();
    this.#noRetry = true;
  }

  static retryDisabled(controller) {
    return controller.#noRetry;
  }
}

export class ScheduledEvent extends Event {
  #controller;
  #ctx;

  constructor(type, init) {
    super(type);
    this.#controller = init.controller;
    this.#ctx = init.ctx;
  }

  get cron() {
    return this.#controller.cron;
  }

  get scheduledTime() {
    return this.#controller.scheduledTime;
  }

  noRetry() {
    if (Object(this) !== this || !(#ctx in this)) throw illegalInvocation();
    this.#controller.noRetry();
  }

  waitUntil(promise) {
    if (Object(this) !== this || !(#ctx in this)) throw illegalInvocation();
    this.#ctx.waitUntil(promise);
  }
}

/** Dispatches a FetchEvent to the listeners; returns the promise given to respondWith(). */
export function dispatchFetchEvent(request, ctx) {
  const event = new FetchEvent('fetch', { request, ctx });
  try {
    for (const listener of listeners.fetch) {
      callListener(listener, event);
    }
  } finally {
    FetchEvent.finish(event);
  }
  const response = FetchEvent.finish(event);
  if (response === undefined) {
    throw new Error(listeners.fetch.length === 0 ? 'No fetch event listener was registered.' : NO_RESPONSE);
  }
  return response;
}

/** Dispatches a ScheduledEvent; a throwing listener fails the event (after the others ran). */
export async function dispatchScheduledEvent(controller, ctx) {
  const event = new ScheduledEvent('scheduled', { controller, ctx });
  let failure = null;
  for (const listener of listeners.scheduled) {
    try {
      await callListener(listener, event);
    } catch (e) {
      failure ??= e;
    }
  }
  if (listeners.scheduled.length === 0) throw new Error('No scheduled event listener was registered.');
  if (failure !== null) throw failure;
}
