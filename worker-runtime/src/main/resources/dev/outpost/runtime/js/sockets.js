// RT-6 `cloudflare:sockets`: connect(address, options) → Socket with `readable` (bytes from the peer, one host read
// per pull: an unread socket is paused), `writable` (each write resolves once the bytes are sent; close() half-
// closes), `opened` ({ remoteAddress }), `closed`, `close()`, `secureTransport` ('off' | 'on' | 'starttls'),
// `startTls()` and `upgraded`. The connection itself is api/SocketHost + io/OutboundSockets (resolved and checked
// by the same SSRF guard as fetch). Argument errors and messages are workerd's.

import { host } from './host.js';
import { hostCall } from './async.js';
import { ReadableStream, WritableStream } from './streams.js';
import { utf8Encode } from './encoding.js';

const TRANSPORTS = ['off', 'on', 'starttls'];

function parseAddress(address) {
  if (address !== null && typeof address === 'object') {
    const port = address.port;
    if (typeof port !== 'number' || !Number.isInteger(port)) {
      throw new TypeError('The value cannot be converted because it is not an integer.');
    }
    if (port < 0 || port > 65535) throw new TypeError('Specified address could not be parsed.');
    return { hostname: String(address.hostname), port };
  }
  const text = String(address);
  const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(text);
  if (!match || match[2] === undefined) throw new TypeError('Specified address is missing port.');
  const hostname = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  const port = /^\d{1,5}$/.test(match[2]) ? Number(match[2]) : NaN;
  if (hostname === '' || !(port <= 65535)) throw new TypeError('Specified address could not be parsed.');
  return { hostname, port };
}

function chunkBytes(chunk) {
  if (typeof chunk === 'string') return utf8Encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('This TransformStream is being used as a byte stream, but received an object of non-ArrayBuffer/ArrayBufferView type on its writable side.');
}

function handled(promise) {
  promise.catch(() => undefined);
  return promise;
}

export class Socket {
  #handle = 0;
  #state;
  #readable;
  #writable;
  #opened;
  #closed;
  #resolveClosed;
  #rejectClosed;
  #secureTransport;
  #upgraded = false;
  #closing = false;
  #writeClosed = false;

  constructor(token, hostname, port, secureTransport, connecting) {
    if (token !== SOCKET_TOKEN) throw new TypeError('Illegal constructor');
    this.#secureTransport = secureTransport;
    this.#closed = handled(new Promise((resolve, reject) => {
      this.#resolveClosed = resolve;
      this.#rejectClosed = reject;
    }));
    this.#opened = handled(connecting.then((info) => {
      this.#handle = info.handle;
      return { remoteAddress: info.remoteAddress };
    }, (error) => {
      this.#rejectClosed(error);
      throw error;
    }));
    const socket = this;
    this.#readable = new ReadableStream({
      async pull(controller) {
        await socket.#opened;
        if (socket.#closing) {
          controller.close();
          return;
        }
        let a;
        try {
          ({ a } = await hostCall((id) => host.tcpRead(id, socket.#handle)));
        } catch (e) {
          controller.error(e);
          socket.#rejectClosed(e);
          return;
        }
        if (a === undefined || a === null) {
          controller.close();
          socket.#resolveClosed();
        } else {
          controller.enqueue(new Uint8Array(a));
        }
      },
      cancel() {
        socket.close();
      },
    }, { highWaterMark: 0 });
    this.#writable = new WritableStream({
      async write(chunk) {
        const bytes = chunkBytes(chunk);
        await socket.#opened;
        if (socket.#closing) throw new TypeError('This WritableStream has been closed.');
        if (bytes.byteLength > 0) await hostCall((id) => host.tcpWrite(id, socket.#handle, bytes));
      },
      async close() {
        await socket.#opened;
        socket.#writeClosed = true;
        if (!socket.#closing) host.tcpEnd(socket.#handle);
      },
      abort() {
        socket.close();
      },
    });
  }

  get readable() {
    return this.#readable;
  }

  get writable() {
    return this.#writable;
  }

  get opened() {
    return this.#opened;
  }

  get closed() {
    return this.#closed;
  }

  get secureTransport() {
    return this.#secureTransport;
  }

  get upgraded() {
    return this.#upgraded;
  }

  close() {
    if (!this.#closing) {
      this.#closing = true;
      host.tcpClose(this.#handle || this.#connectId);
      this.#resolveClosed();
    }
    return this.#closed;
  }

  startTls(options) {
    if (this.#secureTransport !== 'starttls') {
      throw new TypeError("The `secureTransport` socket option must be set to 'starttls' for startTls to be used.");
    }
    if (this.#upgraded) throw new TypeError('Cannot startTls on a TLS socket.');
    this.#upgraded = true;
    const handle = this.#opened.then(() => hostCall((id) => host.tcpStartTls(id, this.#handle)))
      .then(() => ({ handle: this.#handle, remoteAddress: this.#remote }));
    this.#closing = true; // the plain socket is done: its streams end here
    const tls = new Socket(SOCKET_TOKEN, undefined, undefined, 'on', handle);
    return tls;
  }

  #connectId = 0;
  #remote = '';

  static attach(socket, connectId, remoteOf) {
    socket.#connectId = connectId;
    remoteOf.then((r) => {
      socket.#remote = r;
    }, () => undefined);
  }
}

const SOCKET_TOKEN = Symbol('socket');

export function connect(address, options = {}) {
  const { hostname, port } = parseAddress(address);
  const secureTransport = options?.secureTransport ?? 'off';
  if (!TRANSPORTS.includes(secureTransport)) {
    throw new TypeError(`Unsupported value in secureTransport socket option: ${secureTransport}`);
  }
  let connectId = 0;
  const connecting = hostCall((id) => {
    connectId = id;
    return host.tcpConnect(id, hostname, port, secureTransport === 'on');
  }).then(({ a, b }) => ({ handle: a, remoteAddress: b }));
  const socket = new Socket(SOCKET_TOKEN, hostname, port, secureTransport, connecting);
  Socket.attach(socket, connectId, connecting.then((info) => info.remoteAddress));
  return socket;
}

export default { connect };
