// Durable Object namespace bindings (DO-1, DO-3, DO-4): ids and stubs. The ids are real: 64 hex digits, the first
// half naming the object (derived from the name for idFromName, random for newUniqueId), the second half a MAC of
// the first under the namespace's id, so idFromString recognises ids of this namespace and refuses others.
// Running the objects is the Durable Object service's job: a stub's fetch() and RPC calls go through the host
// (api/DurableObjectHost) to the embedder's DurableObjectClient, which routes them to the object's shard.

import { host } from './host.js';
import { crypto } from './crypto.js';

import { TextEncoder } from './encoding.js';
import { hostCall } from './async.js';
import { Request } from './request.js';
import { Response } from './response.js';
import { headersFromWire, headersToWire } from './headers.js';
import { bodyForHost, hasStreamBody, bufferStreamBody } from './body.js';
import { streamFromHost } from './hoststreams.js';
import { ReadableStream } from './streams.js';
import { encode, decodeOutcome } from './rpc-codec.js';

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
  #client;

  constructor(namespaceId, className, bindingName, client = -1) {
    this.#namespaceId = namespaceId;
    this.#className = className;
    this.#bindingName = bindingName;
    this.#client = client;
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
    return stub(id, this.#className, this.#bindingName, this.#client);
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
  const e = new Error(`Durable Object class ${className} (binding ${bindingName}) cannot run here: nothing serves `
    + 'this binding\'s stubs in this isolate (Outpost serves them from the gateway and from durable-object-service).');
  e.retryable = false;
  e.remote = false;
  return e;
}

const RETRYABLE = '[retryable] ';
const REMOTE_ERROR_HEADER = 'outpost-remote-error';
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** DO-5: a failure on the way to the object (not thrown by it) has .remote false; the host marks retryable ones. */
function platformError(e) {
  const message = String(e?.message ?? e);
  const error = new Error(message.startsWith(RETRYABLE) ? message.slice(RETRYABLE.length) : message);
  error.remote = false;
  error.retryable = message.startsWith(RETRYABLE);
  error.overloaded = /overloaded/.test(message);
  return error;
}

async function objectFetch(client, id, input, init) {
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  if (hasStreamBody(request)) await bufferStreamBody(request);
  const body = bodyForHost(request);
  let reply;
  try {
    reply = await hostCall((callId) => host.doFetch(callId, client, id.toString(), id.name ?? '', request.method,
      request.url, headersToWire(request.headers), body));
  } catch (e) {
    throw platformError(e);
  }
  const { a, b } = reply;
  const meta = JSON.parse(a);
  const headers = headersFromWire(meta.headers);
  const remote = headers.get(REMOTE_ERROR_HEADER);
  if (remote !== null) decodeOutcome(decodeURIComponent(remote)); // throws the object's exception, with .remote = true
  let responseBody = typeof b === 'number' ? streamFromHost(b)
    : (b === undefined || b === null || b.byteLength === 0 ? null : b);
  if (NULL_BODY_STATUS.has(meta.status)) {
    if (responseBody instanceof ReadableStream) responseBody.cancel().catch(() => {});
    responseBody = null;
  }
  return new Response(responseBody, { status: meta.status, statusText: meta.statusText, headers });
}

function objectCall(client, id, member, args) {
  let payload;
  try {
    payload = encode(args);
  } catch (e) {
    return Promise.reject(e);
  }
  return hostCall((callId) => host.doCall(callId, client, id.toString(), id.name ?? '', member, payload))
    .then(({ a }) => a, (e) => { throw platformError(e); })
    .then((outcome) => decodeOutcome(outcome));
}

// Not forwarded over RPC (DO-5): the HTTP path, object plumbing and the handlers the platform calls.
const NOT_RPC = new Set(['alarm', 'connect', 'webSocketMessage', 'webSocketClose', 'webSocketError']);

function stub(id, className, bindingName, client) {
  const base = {
    id,
    name: id.name,
    fetch(input, init = undefined) {
      if (client < 0) return Promise.reject(unavailable(className, bindingName));
      return objectFetch(client, id, input, init);
    },
  };
  // DO-5: any other property is an RPC method of the object.
  return new Proxy(base, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return target[prop];
      if (NOT_RPC.has(prop)) {
        return () => Promise.reject(new TypeError(`"${prop}" cannot be called over RPC on a Durable Object stub.`));
      }
      return (...args) => (client < 0 ? Promise.reject(unavailable(className, bindingName))
        : objectCall(client, id, prop, args));
    },
  });
}

/** The env value of a durable_object_namespace binding: "<namespace id>\0<class name>\0<client index or -1>". */
export function createDurableObjectNamespace(descriptor, bindingName) {
  const [namespaceId, className, client] = descriptor.split('\0');
  return new DurableObjectNamespace(namespaceId, className, bindingName, client === undefined ? -1 : Number(client));
}
