// Cache API (checklist RT-6): the global `caches` (CacheStorage) with `caches.default` and `caches.open(name)`, and
// Cache's match/put/delete (add/addAll/matchAll/keys exist and throw, as in workerd). Argument checks and their TypeErrors follow workerd's api/cache.c++; whether and how long
// a response is kept, conditional and range answers are decided in Java (CachePolicy, CacheAnswer), where the
// store shared by all isolates lives. The account scope is fixed on the Java side, never passed from here.

import { host } from './host.js';
import { assertInRequest } from './errors.js';
import { headersFromWire, headersToWire } from './headers.js';
import { Request } from './request.js';
import { Response } from './response.js';

const CONSTRUCT = Symbol('Cache');
const MAX_CACHE_NAME_LENGTH = 1024;

function toRequest(requestOrUrl) {
  return requestOrUrl instanceof Request ? requestOrUrl : new Request(requestOrUrl);
}

function checkThis(self, has) {
  if (!has) {
    throw new TypeError('Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.');
  }
}

function unimplemented(self, has, type, method) {
  checkThis(self, has);
  throw new Error(`Failed to execute '${method}' on '${type}': the method is not implemented.`);
}

export class Cache {
  #name;

  constructor(token, name) {
    if (token !== CONSTRUCT) {
      throw new TypeError('Illegal constructor');
    }
    this.#name = name;
  }

  async match(request, options = undefined) {
    checkThis(this, #name in this);
    assertInRequest();
    const req = toRequest(request);
    // As on Cloudflare: only GET requests match, unless the caller asks to ignore the method.
    if (!options?.ignoreMethod && req.method !== 'GET') return undefined;
    const hit = host.cacheMatch(this.#name, req.url, headersToWire(req.headers));
    if (hit === null) return undefined;
    const body = hit.status === 304 || hit.status === 204 ? null : hit.body;
    return new Response(body, { status: hit.status, statusText: hit.statusText, headers: headersFromWire(hit.headers) });
  }

  async put(request, response) {
    checkThis(this, #name in this);
    if (!(response instanceof Response)) {
      throw new TypeError("Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.");
    }
    if (response.type === 'error') throw new TypeError('Cache is unable to store an error response');
    assertInRequest();
    const req = toRequest(request);
    if (req.method !== 'GET') throw new TypeError('Cannot cache response to non-GET request.');
    if (response.status === 206) throw new TypeError('Cannot cache response to a range request (206 Partial Content).');
    const vary = response.headers.get('vary');
    if (vary !== null && vary.includes('*')) throw new TypeError("Cannot cache response with 'Vary: *' header.");
    if (response.status === 101 || response.webSocket) throw new TypeError('Cannot cache WebSocket upgrade response.');
    // A 304 is silently dropped (workerd: caching it would later answer unconditional requests with a 304).
    if (response.status === 304) return undefined;
    // Reading the body here marks it used at once, as workerd's put() does; a used body throws the usual TypeError.
    const body = await response.arrayBuffer();
    host.cachePut(this.#name, req.url, response.status, response.statusText, headersToWire(response.headers), body);
    return undefined;
  }

  async delete(request, options = undefined) {
    checkThis(this, #name in this);
    assertInRequest();
    const req = toRequest(request);
    if (!options?.ignoreMethod && req.method !== 'GET') return false;
    return host.cacheDelete(this.#name, req.url);
  }

  // workerd declares these but does not implement them (jsg::Unimplemented): a synchronous Error (not a TypeError,
  // not a rejected promise), after the `this` check. Cloudflare's cache has no add()/addAll()/matchAll()/keys()
  // either, so a worker written for it never depends on them; fetch() + put() is the documented way.
  add() {
    return unimplemented(this, #name in this, 'Cache', 'add');
  }

  addAll() {
    return unimplemented(this, #name in this, 'Cache', 'addAll');
  }

  matchAll() {
    return unimplemented(this, #name in this, 'Cache', 'matchAll');
  }

  keys() {
    return unimplemented(this, #name in this, 'Cache', 'keys');
  }
}

export class CacheStorage {
  #opened = true;

  constructor(token) {
    if (token !== CONSTRUCT) {
      throw new TypeError('Illegal constructor');
    }
    // An own read-only data property, as workerd defines it (Object.keys(caches) is ['default']).
    Object.defineProperty(this, 'default', { value: new Cache(CONSTRUCT, null), writable: false, enumerable: true, configurable: true });
  }

  async open(cacheName) {
    checkThis(this, #opened in this);
    const name = String(cacheName);
    if (name.length >= MAX_CACHE_NAME_LENGTH) throw new TypeError('Cache name is too long.');
    return new Cache(CONSTRUCT, name);
  }

  // Declared, not implemented in workerd (see Cache.add).
  has() {
    return unimplemented(this, #opened in this, 'CacheStorage', 'has');
  }

  delete() {
    return unimplemented(this, #opened in this, 'CacheStorage', 'delete');
  }

  keys() {
    return unimplemented(this, #opened in this, 'CacheStorage', 'keys');
  }

  match() {
    return unimplemented(this, #opened in this, 'CacheStorage', 'match');
  }
}

export const caches = new CacheStorage(CONSTRUCT);
