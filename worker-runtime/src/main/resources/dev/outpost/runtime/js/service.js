// Service bindings (SVC-2, SVC-3): env.B is a Fetcher whose fetch() runs the target worker's fetch handler in
// process, and whose other members are JS RPC calls on the target's WorkerEntrypoint. Awaiting a member reads
// the property instead. Promise pipelining is not supported: each call is one round trip.

import { host } from './host.js';
import { hostCall } from './async.js';
import { Request } from './request.js';
import { Response } from './response.js';
import { headersFromWire, headersToWire } from './headers.js';
import { bodyForHost, hasStreamBody, bufferStreamBody } from './body.js';
import { illegalInvocation } from './errors.js';
import { streamFromHost } from './hoststreams.js';
import { ReadableStream } from './streams.js';
import { encode, decodeOutcome } from './rpc-codec.js';

const CONSTRUCT = Symbol('construct');
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export class Fetcher {
  #index;

  constructor(token, index) {
    if (token !== CONSTRUCT) throw new TypeError('Illegal constructor');
    this.#index = index;
  }

  async fetch(input, init = undefined) {
    if (Object(this) !== this || !(#index in this)) throw illegalInvocation();
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    if (hasStreamBody(request)) await bufferStreamBody(request);
    const body = bodyForHost(request);
    const index = this.#index;
    const { a, b } = await hostCall((id) => host.serviceFetch(id, index, request.method, request.url,
      headersToWire(request.headers), body));
    const meta = JSON.parse(a);
    let responseBody;
    if (typeof b === 'number') {
      responseBody = streamFromHost(b); // the target answered with a stream: pull it chunk by chunk
    } else {
      responseBody = b === undefined || b === null || b.byteLength === 0 ? null : b;
    }
    if (NULL_BODY_STATUS.has(meta.status)) {
      if (responseBody instanceof ReadableStream) responseBody.cancel().catch(() => {});
      responseBody = null;
    }
    return new Response(responseBody, { status: meta.status, statusText: meta.statusText, headers: headersFromWire(meta.headers) });
  }

  connect() {
    throw new Error('connect() over a service binding is not supported.');
  }

  static call(fetcher, member, args) {
    const index = fetcher.#index;
    let payload;
    try {
      payload = args === undefined ? undefined : encode(args);
    } catch (e) {
      return Promise.reject(e);
    }
    return hostCall((id) => host.serviceCall(id, index, member, payload)).then(({ a }) => decodeOutcome(a));
  }

  get [Symbol.toStringTag]() {
    return 'Fetcher';
  }
}

function rpcMember(fetcher, member) {
  const call = (...args) => Fetcher.call(fetcher, member, args);
  // `await env.B.prop` reads the property (a thenable, like workerd's stubs).
  Object.defineProperty(call, 'then', {
    value: (resolve, reject) => Fetcher.call(fetcher, member, undefined).then(resolve, reject),
  });
  return call;
}

export function createServiceBinding(index) {
  const fetcher = new Fetcher(CONSTRUCT, index);
  return new Proxy(fetcher, {
    get(target, prop) {
      if (typeof prop === 'symbol' || prop in target) {
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' && prop !== 'constructor' ? value.bind(target) : value;
      }
      if (prop === 'then' || prop === 'toJSON') return undefined;
      return rpcMember(target, prop);
    },
  });
}
