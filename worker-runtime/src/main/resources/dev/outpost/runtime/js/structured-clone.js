// structuredClone (HTML structured serialize/deserialize, in-memory): primitives, plain objects, arrays,
// Date, RegExp, Map, Set, ArrayBuffer, typed arrays, DataView, Error types and wrapper objects, with cycles.

import { DOMException } from './errors.js';

const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

function cannotClone(value) {
  let shown;
  try {
    shown = typeof value === 'function' ? Function.prototype.toString.call(value) : String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return new DOMException(`${shown} could not be cloned.`, 'DataCloneError');
}

function clone(value, memory) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    if (typeof value === 'symbol') throw cannotClone(value);
    return value;
  }
  if (typeof value === 'function') throw cannotClone(value);
  if (memory.has(value)) return memory.get(value);
  let out;
  if (value instanceof Boolean) out = new Boolean(value.valueOf());
  else if (value instanceof Number) out = new Number(value.valueOf());
  else if (value instanceof String) out = new String(value.valueOf());
  else if (typeof BigInt === 'function' && Object.prototype.toString.call(value) === '[object BigInt]') out = Object(value.valueOf());
  else if (value instanceof Date) out = new Date(value.getTime());
  else if (value instanceof RegExp) out = new RegExp(value.source, value.flags);
  else if (value instanceof ArrayBuffer) out = value.slice(0);
  else if (ArrayBuffer.isView(value)) {
    const buffer = clone(value.buffer, memory);
    out = value instanceof DataView
      ? new DataView(buffer, value.byteOffset, value.byteLength)
      : new value.constructor(buffer, value.byteOffset, value.length);
  } else if (value instanceof Map) {
    out = new Map();
    memory.set(value, out);
    for (const [k, v] of value) out.set(clone(k, memory), clone(v, memory));
    return out;
  } else if (value instanceof Set) {
    out = new Set();
    memory.set(value, out);
    for (const v of value) out.add(clone(v, memory));
    return out;
  } else if (value instanceof Error) {
    const ctor = ERRORS[value.name] ?? Error;
    out = Object.create(ctor.prototype);
    memory.set(value, out);
    const define = (key, v) => Object.defineProperty(out, key, { value: v, writable: true, configurable: true });
    if ('message' in value) define('message', String(value.message));
    if (typeof value.stack === 'string') define('stack', value.stack);
    if ('cause' in value) define('cause', clone(value.cause, memory));
    return out;
  } else if (Array.isArray(value)) {
    out = new Array(value.length);
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
    return out;
  } else {
    const tag = Object.prototype.toString.call(value);
    if (tag !== '[object Object]' || value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet) {
      throw cannotClone(value);
    }
    out = {};
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
    return out;
  }
  memory.set(value, out);
  return out;
}

export function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw new TypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
  }
  const memory = new Map();
  const transfer = new Set(options?.transfer === undefined ? [] : Array.from(options.transfer));
  for (const item of transfer) {
    if (!(item instanceof ArrayBuffer)) throw new DOMException('Only ArrayBuffers can be transferred.', 'DataCloneError');
    memory.set(item, item.slice(0)); // the clone gets the bytes; the source is detached once cloning is done
  }
  const result = clone(value, memory);
  for (const item of transfer) {
    if (typeof item.transfer === 'function') item.transfer();
  }
  return result;
}
