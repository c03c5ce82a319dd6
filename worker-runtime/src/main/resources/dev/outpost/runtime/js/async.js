// Promises for asynchronous host calls. JS picks the call id, the host function starts the Java operation
// and returns undefined (or an error message); when the Java stage completes, the isolate thread calls
// settle() with the outcome, and V8 runs the promise reactions right after that call returns.

let lastId = 0;
const pending = new Map();

/**
 * Starts a host call: invoke(id) must call the host function. Resolves with the host's payload {a, b}.
 */
export function hostCall(invoke) {
  const id = ++lastId;
  const error = invoke(id);
  if (error !== undefined) {
    return Promise.reject(new Error(error));
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
