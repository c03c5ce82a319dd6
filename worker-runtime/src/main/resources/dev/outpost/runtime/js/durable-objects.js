// Durable Object namespace bindings (DO-1, DO-3, DO-4): ids and stubs. The ids are real: 64 hex digits, the first
// half naming the object (derived from the name for idFromName, random for newUniqueId), the second half a MAC of
// the first under the namespace's id, so idFromString recognises ids of this namespace and refuses others.
// Running the objects is the Durable Object service's job; until it is wired to the gateway, a stub's calls
// reject with an error that says so.

import { host } from './host.js';
import { crypto } from './crypto.js';

import { TextEncoder } from './encoding.js';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(bytes) {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
}

function sha256(...parts) {
  const chunks = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new Uint8Array(host.subtle('digest', 'SHA-256', '', '', all));
}

export class DurableObjectId {
  #hex;
  #name;

  constructor(idHex, name) {
    this.#hex = idHex;
    this.#name = name;
  }

  toString() {
    return this.#hex;
  }

  equals(other) {
    return other instanceof DurableObjectId && other.toString() === this.#hex;
  }

  get name() {
    return this.#name;
  }

  get jurisdiction() {
    return undefined;
  }
}

export class DurableObjectNamespace {
  #namespaceId;
  #className;
  #bindingName;

  constructor(namespaceId, className, bindingName) {
    this.#namespaceId = namespaceId;
    this.#className = className;
    this.#bindingName = bindingName;
  }

  #idOf(objectPart, name) {
    const mac = sha256('outpost-do-id\0', this.#namespaceId, '\0', objectPart).subarray(0, 16);
    return new DurableObjectId(hex(objectPart) + hex(mac), name);
  }

  idFromName(name) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'idFromName' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.");
    const n = String(name);
    return this.#idOf(sha256('outpost-do-name\0', this.#namespaceId, '\0', n).subarray(0, 16), n);
  }

  newUniqueId(options = undefined) {
    const part = new Uint8Array(16);
    crypto.getRandomValues(part);
    return this.#idOf(part, undefined);
  }

  idFromString(id) {
    const text = String(id);
    if (!/^[0-9a-f]{64}$/.test(text)) throw new TypeError('Invalid Durable Object ID: must be 64 hex digits');
    const part = new Uint8Array(16);
    for (let i = 0; i < 16; i++) part[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
    const candidate = this.#idOf(part, undefined);
    if (candidate.toString() !== text) throw new TypeError('Durable Object ID is not valid for this namespace.');
    return candidate;
  }

  get(id, options = undefined) {
    if (!(id instanceof DurableObjectId)) throw new TypeError("Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'.");
    this.idFromString(id.toString()); // an id of another namespace is refused here, as on Cloudflare
    return stub(id, this.#className, this.#bindingName);
  }

  getByName(name, options = undefined) {
    return this.get(this.idFromName(name), options);
  }

  jurisdiction(name) {
    if (!['eu', 'fedramp', 'fedramp-high'].includes(name)) throw new TypeError(`Unknown jurisdiction: ${name}`);
    return this;
  }
}

function unavailable(className, bindingName) {
  const e = new Error(`Durable Object class ${className} (binding ${bindingName}) cannot run: this Outpost gateway `
    + 'does not serve Durable Objects yet.');
  e.retryable = false;
  e.remote = false;
  return e;
}

function stub(id, className, bindingName) {
  const base = {
    id,
    name: id.name,
    fetch() {
      return Promise.reject(unavailable(className, bindingName));
    },
  };
  // DO-5: any other property is an RPC method of the object.
  return new Proxy(base, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then') return target[prop];
      return () => Promise.reject(unavailable(className, bindingName));
    },
  });
}

/** The env value of a durable_object_namespace binding: "<namespace id>\0<class name>". */
export function createDurableObjectNamespace(descriptor, bindingName) {
  const nul = descriptor.indexOf('\0');
  return new DurableObjectNamespace(descriptor.slice(0, nul), descriptor.slice(nul + 1), bindingName);
}
