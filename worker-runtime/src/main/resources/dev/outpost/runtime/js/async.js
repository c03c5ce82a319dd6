// Promises for asynchronous host calls. JS picks the call id, the host function starts the Java operation
// and returns undefined (or an error message); when the Java stage completes, the isolate thread calls
// settle() with the outcome, and V8 runs the promise reactions right after that call returns.

let lastId = 0;
const pending = new Map();

/**
 * Starts a host call: invoke(id) must call the host function. Resolves with the host's payload {a, b}.
 * The host function returns undefined (started: settle() comes later), an error message, or — for an
 * operation that was complete at once, such as a KV near-cache hit — the payload itself as [a, b].
 */
export function hostCall(invoke) {
  const id = ++lastId;
  const started = invoke(id);
  if (started !== undefined) {
    if (typeof started === 'string') {
      return Promise.reject(new Error(started));
    }
    return Promise.resolve({ a: started[0], b: started[1] });
  }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
  });
}

export function settle(id, ok, a, b) {
  const entry = pending.get(id);
  if (entry === undefined) {
    return;
  }
  pending.delete(id);
  if (ok) {
    entry.resolve({ a, b });
  } else {
    entry.reject(new Error(a));
  }
}

/** Drops a call whose request ended; its promise never settles (like I/O of a canceled Cloudflare request). */
export function forget(id) {
  pending.delete(id);
}
