// RT-6 node:timers/promises under nodejs_compat: setTimeout/setImmediate as promises and setInterval as an
// async iterator, each honouring options.signal (an aborted signal rejects with an AbortError, as in Node).

import { setTimeout as globalSetTimeout, clearTimeout as globalClearTimeout } from '../timers.js';

function abortError(signal) {
  const err = new Error('The operation was aborted', { cause: signal?.reason });
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

function checkOptions(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    const err = new TypeError('The "options" argument must be of type object.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return options ?? {};
}

function delayed(delay, value, options) {
  let signal;
  try {
    signal = checkOptions(options).signal;
  } catch (e) {
    return Promise.reject(e);
  }
  if (signal?.aborted) {
    return Promise.reject(abortError(signal));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      globalClearTimeout(id);
      reject(abortError(signal));
    };
    const id = globalSetTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    }, delay);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function setTimeout(delay, value, options) {
  return delayed(delay, value, options);
}

export function setImmediate(value, options) {
  return delayed(0, value, options);
}

export async function* setInterval(delay, value, options) {
  const signal = checkOptions(options).signal;
  while (true) {
    yield await delayed(delay, value, { signal });
  }
}

export const scheduler = {
  wait: (delay, options) => delayed(delay, undefined, options),
  yield: () => delayed(0, undefined, undefined),
};

export default { setTimeout, setImmediate, setInterval, scheduler };
