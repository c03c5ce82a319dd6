// RT-6 node:util under nodejs_compat: promisify/callbackify, format/inspect (console's formatter), inherits,
// deprecate, isDeepStrictEqual, the legacy isXxx checks and util.types.

import { inspect as inspectValue, formatArgs } from '../inspect.js';
import { TextEncoder, TextDecoder } from '../encoding.js';
import types from './util-types.js';
import { isDeepStrictEqual } from './deep-equal.js';

export { TextEncoder, TextDecoder, types, isDeepStrictEqual };

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function argType(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be of type ${expected}. Received ${value === null ? 'null' : typeof value}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

export function promisify(original) {
  if (typeof original !== 'function') throw argType('original', 'function', original);
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') throw argType('util.promisify.custom', 'function', fn);
    return fn;
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values[0]);
      });
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

export function callbackify(original) {
  if (typeof original !== 'function') throw argType('original', 'function', original);
  function callbackified(...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw argType('last argument', 'function', callback);
    const onRejected = (reason) => {
      if (!reason) {
        const e = new Error('Promise was rejected with a falsy value');
        e.code = 'ERR_FALSY_VALUE_REJECTION';
        e.reason = reason;
        reason = e;
      }
      queueMicrotask(() => callback(reason));
    };
    Reflect.apply(original, this, args).then((value) => queueMicrotask(() => callback(null, value)), onRejected);
  }
  Object.defineProperty(callbackified, 'name', { value: `${original.name}Callbackified` });
  return callbackified;
}

/** util.inspect: console's formatter (options other than the value are accepted and ignored). */
export function inspect(value) {
  return typeof value === 'string' ? inspectValue(value, 1) : inspectValue(value);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = { depth: 2, colors: false, compact: 3, breakLength: 128 };

export function format(...args) {
  return formatArgs(args);
}

export function formatWithOptions(options, ...args) {
  return formatArgs(args);
}

export function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function') throw argType('ctor', 'function', ctor);
  if (typeof superCtor !== 'function') throw argType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) throw argType('superCtor.prototype', 'object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

export function deprecate(fn, msg) {
  let warned = false;
  return function deprecated(...args) {
    if (!warned) {
      warned = true;
      console.warn(`DeprecationWarning: ${msg}`);
    }
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  };
}

export function debuglog() {
  const log = () => undefined;
  log.enabled = false;
  return log;
}
export const debug = debuglog;

export function stripVTControlCharacters(str) {
  // eslint-disable-next-line no-control-regex
  return String(str).replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
}

export function toUSVString(str) {
  return String(str).toWellFormed();
}

export function aborted(signal, resource) {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export const isArray = Array.isArray;
export const isBoolean = (v) => typeof v === 'boolean';
export const isBuffer = (v) => v instanceof Uint8Array && v.constructor?.name === 'Buffer';
export const isDate = (v) => v instanceof Date;
export const isError = (v) => v instanceof Error;
export const isFunction = (v) => typeof v === 'function';
export const isNull = (v) => v === null;
export const isNullOrUndefined = (v) => v === null || v === undefined;
export const isNumber = (v) => typeof v === 'number';
export const isObject = (v) => v !== null && typeof v === 'object';
export const isPrimitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');
export const isRegExp = (v) => v instanceof RegExp;
export const isString = (v) => typeof v === 'string';
export const isSymbol = (v) => typeof v === 'symbol';
export const isUndefined = (v) => v === undefined;

export function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

export default {
  TextEncoder, TextDecoder, types, isDeepStrictEqual, promisify, callbackify, inspect, format, formatWithOptions,
  inherits, deprecate, debuglog, debug, stripVTControlCharacters, toUSVString, aborted, isArray, isBoolean, isBuffer,
  isDate, isError, isFunction, isNull, isNullOrUndefined, isNumber, isObject, isPrimitive, isRegExp, isString,
  isSymbol, isUndefined, _extend,
};
