// Hosting Durable Objects (DO-6, DO-7, DO-8, DO-9): the instances of the worker's exported Durable Object classes
// that live in this isolate, one per object id, and the ctx (DurableObjectState) each gets. Only the Durable Object
// service sends events here (Invocation.objectJson); it also serialises the events of one object, so an instance
// never runs two events at once. Storage calls are synchronous host calls (api/DurableObjectHost) that commit before
// they return: a write is durable before anything the object answers afterwards leaves (the output gate).

import { host } from './host.js';
import { env } from './env.js';
import { reportError } from './console.js';
import { DurableObject } from './entrypoints.js';
import { DurableObjectId } from './durable-objects.js';
import { encode, decode, errorFrom } from './rpc-codec.js';
import { exportedClass } from './handlers.js';
import { TextEncoder } from './encoding.js';

const CONSTRUCT = Symbol('construct');
const MAX_KEYS = 128;
const MAX_KEY_BYTES = 2048;
const HANDLERS = new Set(['constructor', 'fetch', 'alarm', 'connect', 'webSocketMessage', 'webSocketClose',
  'webSocketError', 'dup']);

/** object id -> { className, instance, state } */
const instances = new Map();

function notSupported(what) {
  return new Error(`${what} is not supported by Outpost's Durable Objects yet.`);
}

/** One storage operation through the host; throws the error it reports. */
function storageCall(key, op) {
  const reply = JSON.parse(host.doStorage(key, JSON.stringify(op)));
  if (!reply.ok) throw errorFrom(reply.error?.name ?? 'Error', reply.error?.message ?? 'storage operation failed');
  return reply.value;
}

function checkKey(key) {
  if (typeof key !== 'string') throw new TypeError('Durable Object storage keys must be strings.');
  if (new TextEncoder().encode(key).byteLength > MAX_KEY_BYTES) {
    throw new RangeError(`Keys cannot be larger than ${MAX_KEY_BYTES} bytes.`);
  }
  return key;
}

function checkKeys(keys) {
  if (keys.length > MAX_KEYS) throw new RangeError(`Maximum number of keys is ${MAX_KEYS}. You passed ${keys.length}.`);
  return keys.map(checkKey);
}

function toMap(pairs) {
  const map = new Map();
  for (const [k, v] of pairs) map.set(k, decode(v));
  return map;
}

/** DO-8: ctx.storage, the KV API (values structured-cloned with rpc-codec's encoding) plus sql (DO-9). */
export class DurableObjectStorage {
  #key;
  #sql;
  #kv;
  #txn = 0;
  /** { instance }: filled in once the object is constructed (setAlarm checks it has an alarm handler). */
  #owner;

  constructor(token, key, sqlite, owner) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#key = key;
    this.#sql = sqlite ? new SqlStorage(CONSTRUCT, key) : undefined;
    this.#owner = owner;
  }

  async get(keys, options = undefined) {
    if (Array.isArray(keys)) return toMap(storageCall(this.#key, { op: 'get', keys: checkKeys(keys) }));
    const found = storageCall(this.#key, { op: 'get', keys: [checkKey(keys)] });
    return found.length === 0 ? undefined : decode(found[0][1]);
  }

  async put(keyOrEntries, value = undefined, options = undefined) {
    let entries;
    if (typeof keyOrEntries === 'string') {
      if (value === undefined) throw new TypeError('put() called with undefined value.');
      entries = [[checkKey(keyOrEntries), encode(value)]];
    } else if (keyOrEntries !== null && typeof keyOrEntries === 'object') {
      const keys = checkKeys(Object.keys(keyOrEntries));
      entries = keys.map((k) => [k, encode(keyOrEntries[k])]);
    } else {
      throw new TypeError('put() expects a key and a value, or an object of entries.');
    }
    storageCall(this.#key, { op: 'put', entries });
  }

  async delete(keys, options = undefined) {
    if (Array.isArray(keys)) return storageCall(this.#key, { op: 'delete', keys: checkKeys(keys) });
    return storageCall(this.#key, { op: 'delete', keys: [checkKey(keys)] }) > 0;
  }

  async deleteAll(options = undefined) {
    storageCall(this.#key, { op: 'deleteAll' });
  }

  async list(options = {}) {
    return toMap(storageCall(this.#key, listOperation(options)));
  }

  /** DO-8: runs closure(txn) in one SQLite transaction; a throw or txn.rollback() undoes its writes. */
  async transaction(closure) {
    if (this.#txn > 0) return closure(this); // nested: part of the outer transaction
    storageCall(this.#key, { op: 'begin' });
    this.#txn++;
    let rolledBack = false;
    const txn = new Proxy(this, {
      get(target, prop) {
        if (prop === 'rollback') return () => { rolledBack = true; };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const result = await closure(txn);
      storageCall(this.#key, { op: rolledBack ? 'rollback' : 'commit' });
      return result;
    } catch (e) {
      storageCall(this.#key, { op: 'rollback' });
      throw e;
    } finally {
      this.#txn--;
    }
  }

  /** Every write has committed when its call returned, so there is nothing left to flush. */
  async sync() {
  }

  get sql() {
    if (this.#sql === undefined) {
      throw new Error('SQL is not enabled for this Durable Object class: create it with new_sqlite_classes in a migration.');
    }
    return this.#sql;
  }

  /** DO-12: the object's one alarm, ms since the epoch, or null. Kept in the object's own database. */
  async getAlarm(options = undefined) {
    return storageCall(this.#key, { op: 'getAlarm' });
  }

  /** DO-12: replaces the alarm; a time in the past runs as soon as possible. Part of an open transaction. */
  async setAlarm(scheduledTime, options = undefined) {
    let time;
    if (scheduledTime instanceof Date) time = scheduledTime.getTime();
    else if (typeof scheduledTime === 'number') time = scheduledTime;
    else throw new TypeError("Failed to execute 'setAlarm' on 'DurableObjectStorage': parameter 1 is not of type 'Date' or 'number'.");
    if (!Number.isFinite(time)) throw new TypeError('setAlarm() requires a valid date or a finite number of milliseconds.');
    const instance = this.#owner.instance;
    if (instance !== undefined && typeof instance.alarm !== 'function') {
      throw new Error('Your Durable Object class must have an alarm() handler in order to call setAlarm()');
    }
    storageCall(this.#key, { op: 'setAlarm', time: Math.max(0, Math.trunc(time)) });
  }

  /** DO-12: removes the alarm (a handler already running is not stopped). */
  async deleteAlarm(options = undefined) {
    storageCall(this.#key, { op: 'deleteAlarm' });
  }

  /**
   * DO-9: runs closure() synchronously in one SQLite transaction (SQLite-backed classes); a throw rolls it back.
   * Nested inside another transaction it joins the outer one.
   */
  transactionSync(closure) {
    if (this.#sql === undefined) {
      throw new Error('transactionSync() is only available on SQLite-backed Durable Objects (new_sqlite_classes).');
    }
    if (typeof closure !== 'function') throw new TypeError('transactionSync() expects a function.');
    if (this.#txn > 0) return closure();
    storageCall(this.#key, { op: 'begin' });
    this.#txn++;
    try {
      const result = closure();
      storageCall(this.#key, { op: 'commit' });
      return result;
    } catch (e) {
      storageCall(this.#key, { op: 'rollback' });
      throw e;
    } finally {
      this.#txn--;
    }
  }

  getCurrentBookmark() {
    throw notSupported('Point-in-time recovery (DO-10)');
  }

  getBookmarkForTime() {
    throw notSupported('Point-in-time recovery (DO-10)');
  }

  onNextSessionRestoreBookmark() {
    throw notSupported('Point-in-time recovery (DO-10)');
  }

  /** DO-9: the synchronous KV API of SQLite-backed classes, on the same keys as the async one. */
  get kv() {
    if (this.#sql === undefined) {
      throw new Error('ctx.storage.kv is only available on SQLite-backed Durable Objects (new_sqlite_classes).');
    }
    this.#kv ??= new SyncKvStorage(CONSTRUCT, this.#key);
    return this.#kv;
  }
}

/** DO-9 ctx.storage.kv: get/put/delete/list without promises (the storage calls are synchronous anyway). */
export class SyncKvStorage {
  #key;

  constructor(token, key) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#key = key;
  }

  get(key) {
    const found = storageCall(this.#key, { op: 'get', keys: [checkKey(key)] });
    return found.length === 0 ? undefined : decode(found[0][1]);
  }

  put(key, value) {
    if (value === undefined) throw new TypeError('put() called with undefined value.');
    storageCall(this.#key, { op: 'put', entries: [[checkKey(key), encode(value)]] });
  }

  delete(key) {
    return storageCall(this.#key, { op: 'delete', keys: [checkKey(key)] }) > 0;
  }

  /** An iterator of [key, value] pairs, with the options of the async list(). */
  list(options = {}) {
    return toMap(storageCall(this.#key, listOperation(options))).entries();
  }
}

function listOperation(options) {
  const o = options ?? {};
  if (o.start !== undefined && o.startAfter !== undefined) {
    throw new TypeError('list() cannot be called with both start and startAfter values.');
  }
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit > 0)) {
    throw new TypeError('List limit must be positive.');
  }
  const op = { op: 'list', reverse: o.reverse === true };
  for (const name of ['start', 'startAfter', 'end', 'prefix']) {
    if (o[name] !== undefined) op[name] = String(o[name]);
  }
  if (o.limit !== undefined) op.limit = o.limit;
  return op;
}

function bindingToHost(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $b: btoa(String.fromCharCode(...bytes)) };
  }
  throw new TypeError(`Unsupported type of value for a SQL binding: ${typeof value}.`);
}

function valueFromHost(value) {
  if (value !== null && typeof value === 'object' && typeof value.$b === 'string') {
    const binary = atob(value.$b);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }
  return value;
}

/** DO-9: ctx.storage.sql, on the object's own SQLite database. */
export class SqlStorage {
  #key;

  constructor(token, key) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#key = key;
  }

  exec(query, ...bindings) {
    if (typeof query !== 'string') throw new TypeError('exec() expects the query as a string.');
    const result = storageCall(this.#key, { op: 'sql', query, bindings: bindings.map(bindingToHost) });
    return new SqlStorageCursor(CONSTRUCT, result);
  }

  get databaseSize() {
    return storageCall(this.#key, { op: 'size' });
  }
}

/** The rows of one exec(): iterable once, shared between the object rows and raw() arrays (DO-9). */
export class SqlStorageCursor {
  #columns;
  #rows;
  #position = 0;
  #rowsRead;
  #rowsWritten;

  constructor(token, result) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#columns = result.columns;
    this.#rows = result.rows.map((row) => row.map(valueFromHost));
    this.#rowsRead = result.rowsRead;
    this.#rowsWritten = result.rowsWritten;
  }

  #object(row) {
    const out = {};
    this.#columns.forEach((name, i) => { out[name] = row[i]; });
    return out;
  }

  next() {
    if (this.#position >= this.#rows.length) return { done: true, value: undefined };
    return { done: false, value: this.#object(this.#rows[this.#position++]) };
  }

  [Symbol.iterator]() {
    return this;
  }

  toArray() {
    const out = [];
    for (const row of this) out.push(row);
    return out;
  }

  one() {
    const remaining = this.#rows.length - this.#position;
    if (remaining === 0) throw new Error('Expected exactly one result from SQL query, but got no results.');
    if (remaining > 1) throw new Error('Expected exactly one result from SQL query, but got multiple results.');
    return this.next().value;
  }

  raw() {
    const cursor = this;
    return {
      next() {
        if (cursor.#position >= cursor.#rows.length) return { done: true, value: undefined };
        return { done: false, value: cursor.#rows[cursor.#position++].slice() };
      },
      [Symbol.iterator]() {
        return this;
      },
      toArray() {
        const out = [];
        for (const row of this) out.push(row);
        return out;
      },
    };
  }

  get columnNames() {
    return this.#columns.slice();
  }

  get rowsRead() {
    return this.#rowsRead;
  }

  get rowsWritten() {
    return this.#rowsWritten;
  }
}

/** DO-7: the ctx of a Durable Object. */
export class DurableObjectState {
  #id;
  #storage;
  #blocked = Promise.resolve();
  #broken = undefined;

  constructor(token, target, owner) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#id = new DurableObjectId(target.id, target.n);
    this.#storage = new DurableObjectStorage(CONSTRUCT, target.k, target.sql === true, owner);
  }

  get id() {
    return this.#id;
  }

  get storage() {
    return this.#storage;
  }

  get props() {
    return {};
  }

  waitUntil(promise) {
    Promise.resolve(promise).catch(reportError);
  }

  /** DO-7: no other event reaches the object until callback's promise settles. */
  blockConcurrencyWhile(callback) {
    const result = Promise.resolve().then(() => callback());
    this.#blocked = result.then(() => undefined, (e) => { this.#broken = e; });
    return result;
  }

  /** Resolves when blockConcurrencyWhile() is done; the error of a callback that threw, else undefined. */
  static async gate(state) {
    await state.#blocked;
    return state.#broken;
  }

  abort(reason = undefined) {
    throw notSupported('ctx.abort() (DO-7)');
  }

  acceptWebSocket() {
    throw notSupported('WebSocket hibernation (DO-7, acceptWebSocket)');
  }

  getWebSockets() {
    throw notSupported('WebSocket hibernation (DO-7, getWebSockets)');
  }
}

/** The live instance of the target object, constructed on its first event (the constructor runs on activation). */
function activate(target) {
  const live = instances.get(target.id);
  if (live !== undefined && live.className === target.c) return live;
  const Class = exportedClass(target.c);
  if (typeof Class !== 'function') {
    throw new Error(`Durable Object class "${target.c}" is not exported by the worker's main module.`);
  }
  const owner = { instance: undefined };
  const state = new DurableObjectState(CONSTRUCT, target, owner);
  // DO-6: `class X extends DurableObject` gets (ctx, env) through super(); a legacy class (state, env) the same way.
  const instance = new Class(state, env);
  owner.instance = instance;
  const entry = { className: target.c, instance, state, rpc: Class.prototype instanceof DurableObject };
  instances.set(target.id, entry);
  return entry;
}

/** Waits for blockConcurrencyWhile(); a callback that threw resets the object (DO-7). */
async function ready(target) {
  const entry = activate(target);
  const broken = await DurableObjectState.gate(entry.state);
  if (broken !== undefined) {
    if (instances.get(target.id) === entry) instances.delete(target.id);
    throw broken;
  }
  return entry;
}

/** A stub's fetch() reached this object. Its exception goes back to the caller (dispatch.js marks it remote). */
export async function invokeObjectFetch(target, request) {
  const { instance } = await ready(target);
  if (typeof instance.fetch !== 'function') {
    throw new TypeError('Handler does not export a fetch() function.');
  }
  return instance.fetch(request);
}

/** A stub's RPC call (DO-5): public methods of DurableObject subclasses only; args undefined reads a property. */
export async function invokeObjectCall(target, member, args) {
  if (target.alarm !== undefined) return invokeAlarm(target);
  const { instance, rpc } = await ready(target);
  const notImplemented = new TypeError(`The RPC receiver does not implement the method "${member}".`);
  if (!rpc || HANDLERS.has(member) || !isPublicMember(instance, member)) throw notImplemented;
  const value = instance[member];
  if (args === undefined) return value;
  if (typeof value !== 'function') throw new TypeError(`"${member}" is not a method.`);
  return value.apply(instance, args);
}

function isPublicMember(instance, member) {
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== DurableObject.prototype;
    proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, member)) return true;
  }
  return false;
}

/**
 * DO-12: the alarm of the target object is due (only durable-object-service puts `alarm` in a target; a stub's RPC
 * cannot reach alarm()). A throw fails this attempt: the service retries it with backoff.
 */
async function invokeAlarm(target) {
  const { instance } = await ready(target);
  if (typeof instance.alarm !== 'function') throw new TypeError('Handler does not export an alarm() function.');
  const retryCount = target.alarm.retryCount ?? 0;
  await instance.alarm({ retryCount, isRetry: retryCount > 0 });
  return undefined;
}
