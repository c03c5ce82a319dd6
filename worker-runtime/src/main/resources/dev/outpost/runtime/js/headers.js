// Headers (Fetch standard): case-insensitive, multi-valued, sorted iteration, set-cookie kept apart.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_VALUE = /[\0\r\n]|[^\0-\xff]/;
const SEP = '\0';

function normalizeName(name) {
  const str = String(name);
  if (!TOKEN.test(str)) {
    throw new TypeError('Invalid header name.');
  }
  return str.toLowerCase();
}

function normalizeValue(value) {
  const str = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (INVALID_VALUE.test(str)) {
    throw new TypeError('Invalid header value.');
  }
  return str;
}

// Module-internal access to the private state (set in the class's static block).
let mapOf;
let guardOf;
let setGuardOf;

export class Headers {
  // lower-case name -> array of values, in insertion order of names
  #map = new Map();
  #guard = 'none';

  static {
    mapOf = (h) => h.#map;
    guardOf = (h) => h.#guard;
    setGuardOf = (h, g) => { h.#guard = g; };
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      return;
    }
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (init instanceof Headers) {
      for (const [name, values] of init.#map) {
        this.#map.set(name, values.slice());
      }
      return;
    }
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const entry = typeof pair === 'string' ? null : Array.from(pair);
        if (entry === null || entry.length !== 2) {
          throw new TypeError('To construct a Headers object from a sequence, each element must be a sequence of exactly two elements.');
        }
        this.append(entry[0], entry[1]);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const desc = Reflect.getOwnPropertyDescriptor(init, key);
      if (desc !== undefined && desc.enumerable && typeof key === 'string') {
        this.append(key, init[key]);
      }
    }
  }

  #checkMutable() {
    if (this.#guard === 'immutable') {
      throw new TypeError("Can't modify immutable headers.");
    }
  }

  append(name, value) {
    const n = normalizeName(name);
    const v = normalizeValue(value);
    this.#checkMutable();
    const values = this.#map.get(n);
    if (values === undefined) {
      this.#map.set(n, [v]);
    } else {
      values.push(v);
    }
  }

  set(name, value) {
    const n = normalizeName(name);
    const v = normalizeValue(value);
    this.#checkMutable();
    this.#map.set(n, [v]);
  }

  delete(name) {
    const n = normalizeName(name);
    this.#checkMutable();
    this.#map.delete(n);
  }

  get(name) {
    const values = this.#map.get(normalizeName(name));
    return values === undefined ? null : values.join(', ');
  }

  /** Non-standard (Cloudflare): all values of a header; only allowed for Set-Cookie. */
  getAll(name) {
    const n = normalizeName(name);
    if (n !== 'set-cookie') {
      throw new TypeError('getAll() can only be used with the header name "Set-Cookie".');
    }
    return (this.#map.get(n) ?? []).slice();
  }

  getSetCookie() {
    return (this.#map.get('set-cookie') ?? []).slice();
  }

  has(name) {
    return this.#map.has(normalizeName(name));
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [name, value] of this.#sorted()) {
      callback.call(thisArg, value, name, this);
    }
  }

  #sorted() {
    const names = [...this.#map.keys()].sort();
    const out = [];
    for (const name of names) {
      const values = this.#map.get(name);
      if (name === 'set-cookie') {
        for (const v of values) out.push([name, v]);
      } else {
        out.push([name, values.join(', ')]);
      }
    }
    return out;
  }

  *entries() {
    yield* this.#sorted();
  }

  *keys() {
    for (const [name] of this.#sorted()) yield name;
  }

  *values() {
    for (const [, value] of this.#sorted()) yield value;
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  get [Symbol.toStringTag]() {
    return 'Headers';
  }
}

/** Headers from the host's wire form (name NUL value NUL ...), trusted: no re-validation. */
export function headersFromWire(wire, guard = 'none') {
  const headers = new Headers();
  if (wire.length > 0) {
    const map = mapOf(headers);
    const parts = wire.split(SEP);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const name = parts[i].toLowerCase();
      const values = map.get(name);
      if (values === undefined) {
        map.set(name, [parts[i + 1]]);
      } else {
        values.push(parts[i + 1]);
      }
    }
  }
  setGuardOf(headers, guard);
  return headers;
}

/** The host's wire form of a Headers object. */
export function headersToWire(headers) {
  let wire = '';
  for (const [name, values] of mapOf(headers)) {
    for (const value of values) {
      wire = wire.length === 0 ? name + SEP + value : wire + SEP + name + SEP + value;
    }
  }
  return wire;
}

export function setHeadersGuard(headers, guard) {
  setGuardOf(headers, guard);
}

export function headersGuard(headers) {
  return guardOf(headers);
}

/** Sets a header without the guard check (used by Response/Request constructors for content-type). */
export function setHeaderUnchecked(headers, name, value) {
  mapOf(headers).set(name, [value]);
}
