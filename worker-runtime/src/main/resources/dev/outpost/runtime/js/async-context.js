// RT-6 the async context behind node:async_hooks' AsyncLocalStorage. Javet's V8 exposes no continuation-
// preserved embedder data and no promise hooks, so a store cannot follow every `await` the way it does in
// workerd. What Outpost does instead:
//  - synchronously inside als.run(store, fn) the store is exact (a stack of frames);
//  - when fn returns a promise (an async function), its frame stays the invocation's current frame (keyed by
//    the host's request id, so concurrent requests do not see each other's stores) until that promise
//    settles: code after any `await` inside fn sees the store;
//  - setTimeout / setInterval / queueMicrotask callbacks run in the frame they were scheduled in.
// Limit: two async run() calls of the same invocation overlapping in time see the later one's store.

import { host } from './host.js';

/** The synchronous frame (Map of storage → store), null outside any run(). */
let frame = null;
/**
 * Request id → the invocation's innermost pending async run(): an entry {frame, before, done}. `before` is the
 * entry that was current when this one began; an entry whose run() ended while a nested one was still current
 * is marked done and skipped when the nested one ends.
 */
const pending = new Map();
const MAX_PENDING = 4096;

export function currentFrame() {
  if (frame !== null) return frame;
  const id = host.currentRequest();
  return id >= 0 ? pending.get(id)?.frame ?? null : null;
}

/**
 * Runs fn with `next` as the current frame; an async fn keeps it as its invocation's frame until it settles.
 * The entry is registered before fn runs: a run() nested in fn's synchronous part (hono's contextStorage()
 * around an app's own AsyncLocalStorage.run(), say) registers on top of it and stays current after both
 * return their promises, instead of being replaced by the outer frame.
 */
export function runInFrame(next, fn, thisArg, args) {
  const previous = frame;
  const id = host.currentRequest();
  const entry = id >= 0 ? { frame: next, before: pending.get(id), done: false } : null;
  if (entry !== null) pending.set(id, entry);
  frame = next;
  let settledLater = false;
  try {
    const result = Reflect.apply(fn, thisArg, args);
    if (entry !== null && result instanceof Promise) {
      settledLater = true;
      const end = () => endEntry(id, entry);
      Promise.prototype.then.call(result, end, end);
    }
    return result;
  } finally {
    frame = previous;
    if (entry !== null && !settledLater) endEntry(id, entry);
  }
}

function endEntry(id, entry) {
  entry.done = true;
  if (pending.get(id) !== entry) return;
  let before = entry.before;
  while (before !== undefined && before.done) before = before.before;
  if (before === undefined) pending.delete(id);
  else pending.set(id, before);
}

/** Sets the frame for the rest of the current synchronous execution and the invocation (enterWith). */
export function enterFrame(next) {
  if (frame !== null) frame = next;
  const id = host.currentRequest();
  if (id >= 0) {
    pending.delete(id);
    pending.set(id, { frame: next, before: undefined, done: false });
    // enterWith() frames have no end; the oldest invocations' go first so the map stays bounded.
    if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value);
  } else {
    frame = next;
  }
}

/** Wraps a callback so it runs in the frame current now (timers, microtasks, AsyncResource.bind). */
export function bindToCurrentFrame(callback) {
  const captured = currentFrame();
  if (captured === null) return callback;
  return function bound(...args) {
    return runInFrame(captured, callback, this, args);
  };
}
