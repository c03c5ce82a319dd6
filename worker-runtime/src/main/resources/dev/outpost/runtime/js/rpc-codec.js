// Structured-clone serialization for JS RPC (SVC-3): a value becomes JSON text that another isolate turns back
// into an equal value. Supported: primitives (with undefined, NaN, ±Infinity, -0, BigInt), plain objects,
// arrays, Date, RegExp, Map, Set, ArrayBuffer, typed arrays, DataView, errors, with shared references and
// cycles. Functions, RpcTargets and other class instances are refused with a DataCloneError, like workerd
// refuses types it cannot serialize (stubs for functions are not supported yet).

import { DOMException } from './errors.js';
import { RpcTarget } from './entrypoints.js';

const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
const VIEWS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
  Float64Array, BigInt64Array, BigUint64Array, DataView,
};

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function refuse(value) {
  const type = typeof value === 'function' ? 'function' : (value?.constructor?.name ?? Object.prototype.toString.call(value));
  const hint = value instanceof RpcTarget || typeof value === 'function'
    ? ' Passing functions and RpcTargets by reference is not supported yet.' : '';
  return new DOMException(`Could not serialize object of type "${type}". This type does not support serialization.${hint}`,
    'DataCloneError');
}

function encodeValue(value, seen) {
  switch (typeof value) {
    case 'undefined':
      return { $: 'u' };
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) return { $: 'n', v: String(value === 0 ? '-0' : value) };
      return value;
    case 'bigint':
      return { $: 'big', v: value.toString() };
    case 'symbol':
    case 'function':
      throw refuse(value);
    default:
  }
  if (value === null) return null;
  if (seen.has(value)) return { $: 'ref', i: seen.get(value) };
  seen.set(value, seen.size);
  if (Array.isArray(value)) {
    return { $: 'arr', v: Array.from(value, (item) => encodeValue(item, seen)) };
  }
  if (value instanceof Date) return { $: 'date', v: value.getTime() };
  if (value instanceof RegExp) return { $: 're', s: value.source, f: value.flags };
  if (value instanceof Map) return { $: 'map', v: Array.from(value, ([k, v]) => [encodeValue(k, seen), encodeValue(v, seen)]) };
  if (value instanceof Set) return { $: 'set', v: Array.from(value, (v) => encodeValue(v, seen)) };
  if (value instanceof ArrayBuffer) return { $: 'ab', v: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const name = Object.keys(VIEWS).find((k) => value instanceof VIEWS[k]);
    return { $: 'view', t: name, v: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Error || value instanceof DOMException) {
    return { $: 'err', n: String(value.name), m: String(value.message), d: value instanceof DOMException ? 1 : 0 };
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw refuse(value);
  const out = {};
  for (const key of Object.keys(value)) out[key] = encodeValue(value[key], seen);
  return { $: 'obj', v: out };
}

function decodeValue(node, refs) {
  if (node === null || typeof node !== 'object') return node;
  switch (node.$) {
    case 'u': return undefined;
    case 'n': return Number(node.v);
    case 'big': return BigInt(node.v);
    case 'ref': return refs[node.i];
    default:
  }
  const index = refs.length;
  refs.push(undefined);
  let out;
  switch (node.$) {
    case 'arr':
      out = [];
      refs[index] = out;
      for (const item of node.v) out.push(decodeValue(item, refs));
      return out;
    case 'map':
      out = new Map();
      refs[index] = out;
      for (const [k, v] of node.v) out.set(decodeValue(k, refs), decodeValue(v, refs));
      return out;
    case 'set':
      out = new Set();
      refs[index] = out;
      for (const v of node.v) out.add(decodeValue(v, refs));
      return out;
    case 'obj':
      out = {};
      refs[index] = out;
      for (const key of Object.keys(node.v)) out[key] = decodeValue(node.v[key], refs);
      return out;
    case 'date': out = new Date(node.v); break;
    case 're': out = new RegExp(node.s, node.f); break;
    case 'ab': out = fromBase64(node.v).buffer; break;
    case 'view': {
      const bytes = fromBase64(node.v);
      const View = VIEWS[node.t] ?? Uint8Array;
      out = View === DataView ? new DataView(bytes.buffer)
        : new View(bytes.buffer, 0, bytes.byteLength / (View.BYTES_PER_ELEMENT ?? 1));
      break;
    }
    case 'err': out = errorFrom(node.n, node.m, node.d === 1); break;
    default: throw new TypeError('Malformed RPC message.');
  }
  refs[index] = out;
  return out;
}

/**
 * The error a caller sees, as workerd rebuilds it: a built-in error class or DOMException keeps its name and
 * message; any other name becomes an Error whose message starts with that name. No remote stack.
 */
export function errorFrom(name, message, dom = false) {
  if (dom) return new DOMException(message, name);
  const Ctor = ERRORS[name];
  return Ctor === undefined ? new Error(`${name}: ${message}`) : new Ctor(message);
}

export function encode(value) {
  return JSON.stringify(encodeValue(value, new Map()));
}

export function decode(text) {
  return decodeValue(JSON.parse(text), []);
}

/** The outcome of an RPC call as the callee sends it back: {ok, value} or {ok:false, error:{name, message}}. */
export function encodeOutcome(ok, valueOrError) {
  if (ok) {
    return `{"ok":true,"value":${encode(valueOrError)}}`;
  }
  const e = valueOrError;
  const isObject = e !== null && typeof e === 'object';
  const name = isObject ? String(e.name ?? 'Error') : 'Error';
  const message = isObject ? String(e.message ?? '') : String(e);
  return JSON.stringify({ ok: false, error: { name, message, dom: e instanceof DOMException } });
}

/** The caller's side: the value, or throws the callee's error again (name and message, no remote stack). */
export function decodeOutcome(text) {
  const outcome = JSON.parse(text);
  if (outcome.ok) return decodeValue(outcome.value, []);
  const error = errorFrom(outcome.error?.name ?? 'Error', outcome.error?.message ?? 'RPC call failed', outcome.error?.dom === true);
  // As in workerd: the error came from the other side of a binding.
  error.remote = true;
  throw error;
}
