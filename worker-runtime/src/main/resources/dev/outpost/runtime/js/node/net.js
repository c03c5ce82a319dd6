// RT-6 node:net under nodejs_compat, as workerd provides it: client sockets only. net.Socket / connect() /
// createConnection() are a Duplex over cloudflare:sockets connect() (sockets.js: the same outbound TCP, SSRF guard
// and limits); isIP/isIPv4/isIPv6, SocketAddress, a small BlockList and the auto-select-family settings. Servers
// cannot listen in a worker: Server/createServer() exist, listen() throws ERR_METHOD_NOT_IMPLEMENTED.

import { EventEmitter } from './events.js';
import { Duplex } from './stream.js';
import { Buffer } from './buffer.js';
import { connect as socketConnect } from '../sockets.js';

const V4_SEG = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4_STR = `(?:${V4_SEG}\\.){3}${V4_SEG}`;
const V6_SEG = '(?:[0-9a-fA-F]{1,4})';
const IPV4 = new RegExp(`^${V4_STR}$`);
const IPV6 = new RegExp('^(?:'
  + `(?:${V6_SEG}:){7}(?:${V6_SEG}|:)|`
  + `(?:${V6_SEG}:){6}(?:${V4_STR}|:${V6_SEG}|:)|`
  + `(?:${V6_SEG}:){5}(?::${V4_STR}|(?::${V6_SEG}){1,2}|:)|`
  + `(?:${V6_SEG}:){4}(?:(?::${V6_SEG}){0,1}:${V4_STR}|(?::${V6_SEG}){1,3}|:)|`
  + `(?:${V6_SEG}:){3}(?:(?::${V6_SEG}){0,2}:${V4_STR}|(?::${V6_SEG}){1,4}|:)|`
  + `(?:${V6_SEG}:){2}(?:(?::${V6_SEG}){0,3}:${V4_STR}|(?::${V6_SEG}){1,5}|:)|`
  + `(?:${V6_SEG}:){1}(?:(?::${V6_SEG}){0,4}:${V4_STR}|(?::${V6_SEG}){1,6}|:)|`
  + `(?::(?:(?::${V6_SEG}){0,5}:${V4_STR}|(?::${V6_SEG}){1,7}|:))`
  + ')(?:%[0-9a-zA-Z-.:]{1,})?$');

export function isIPv4(input) {
  return IPV4.test(String(input));
}

export function isIPv6(input) {
  return IPV6.test(String(input));
}

export function isIP(input) {
  return isIPv4(input) ? 4 : isIPv6(input) ? 6 : 0;
}

function notImplemented(what) {
  const e = new Error(`${what} is not implemented: a worker cannot accept connections`);
  e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  return e;
}

function connectError(host, port) {
  const e = new Error(`connect ECONNREFUSED ${host}:${port}`);
  e.code = 'ECONNREFUSED';
  e.syscall = 'connect';
  e.address = host;
  e.port = port;
  return e;
}

/** Node's argument forms: (options[, cb]), (port[, host][, cb]), (path[, cb]). */
export function _normalizeArgs(args) {
  const cb = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : null;
  const first = args[0];
  let options;
  if (first !== null && typeof first === 'object') options = { ...first };
  else if (typeof first === 'string' && !/^\d+$/.test(first)) options = { path: first };
  else options = { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  return [options, cb];
}

// set by tls.js's TLSSocket: connect with secureTransport 'on' (a registry symbol, so that it is no export)
const kSecure = Symbol.for('outpost:net.secure');

export class Socket extends Duplex {
  #socket = null;
  #writer = null;
  #closeEmitted = false;

  constructor(options = {}) {
    super({ ...options, decodeStrings: true });
    this.connecting = false;
    this.pending = true;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.remoteAddress = undefined;
    this.remotePort = undefined;
    this.remoteFamily = undefined;
    this.localAddress = undefined;
    this.localPort = undefined;
    this.allowHalfOpen = !!options.allowHalfOpen;
    this[kSecure] = false;
  }

  get readyState() {
    if (this.connecting) return 'opening';
    return this.destroyed || this.#closeEmitted ? 'closed' : 'open';
  }

  connect(...args) {
    const [options, cb] = _normalizeArgs(args);
    if (options.path !== undefined) throw notImplemented('net.Socket.connect(path)');
    const host = options.host ?? 'localhost';
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      const e = new RangeError(`Port should be >= 0 and < 65536. Received ${options.port}.`);
      e.code = 'ERR_SOCKET_BAD_PORT';
      throw e;
    }
    if (cb) this.once(this[kSecure] ? 'secureConnect' : 'connect', cb);
    this.connecting = true;
    const socket = socketConnect({ hostname: host, port }, { secureTransport: this[kSecure] ? 'on' : 'off',
      allowHalfOpen: this.allowHalfOpen });
    this.#socket = socket;
    this.#writer = socket.writable.getWriter();
    socket.opened.then(() => {
      if (this.destroyed) return;
      this.connecting = false;
      this.pending = false;
      this.remoteAddress = host;
      this.remotePort = port;
      this.remoteFamily = isIPv6(host) ? 'IPv6' : 'IPv4';
      this.emit('connect');
      if (this[kSecure]) this.emit('secureConnect');
      this.emit('ready');
      this.#pump(socket.readable.getReader());
    }, () => this.destroy(connectError(host, port)));
    return this;
  }

  async #pump(reader) {
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        this.bytesRead += value.byteLength;
        this.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
      this.push(null);
      if (!this.allowHalfOpen) this.end();
    } catch (e) {
      this.destroy(e);
    }
  }

  _read() {
    // data is pushed by #pump as it arrives
  }

  _write(chunk, encoding, callback) {
    if (this.#writer === null) {
      callback(Object.assign(new Error('This socket is not connected'), { code: 'ERR_SOCKET_CLOSED' }));
      return;
    }
    this.bytesWritten += chunk.byteLength;
    this.#writer.write(chunk).then(() => callback(), (e) => callback(e));
  }

  _final(callback) {
    if (this.#writer === null) {
      callback();
      return;
    }
    this.#writer.close().then(() => callback(), () => callback());
  }

  _destroy(error, callback) {
    this.#socket?.close();
    callback(error);
  }

  emit(event, ...args) {
    if (event === 'close') {
      if (this.#closeEmitted) return false;
      this.#closeEmitted = true;
    }
    return super.emit(event, ...args);
  }

  address() {
    return {};
  }

  setNoDelay() {
    return this;
  }

  setKeepAlive() {
    return this;
  }

  setTimeout(ms, callback) {
    if (callback) this.once('timeout', callback);
    return this;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  resetAndDestroy() {
    return this.destroy();
  }
}

export const Stream = Socket;

export function connect(...args) {
  const [options] = _normalizeArgs(args);
  const socket = new Socket(options);
  return socket.connect(...args);
}

export const createConnection = connect;

export class Server extends EventEmitter {
  constructor(options, listener) {
    super();
    if (typeof options === 'function') listener = options;
    if (listener) this.on('connection', listener);
  }

  listen() {
    throw notImplemented('net.Server.listen()');
  }

  close(callback) {
    if (callback) queueMicrotask(callback);
    return this;
  }

  address() {
    return null;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }
}

export function createServer(options, listener) {
  return new Server(options, listener);
}

export class SocketAddress {
  constructor(options = {}) {
    this.family = options.family ?? (isIPv6(options.address ?? '') ? 'ipv6' : 'ipv4');
    this.address = options.address ?? (this.family === 'ipv6' ? '::' : '127.0.0.1');
    this.port = options.port ?? 0;
    this.flowlabel = options.flowlabel ?? 0;
  }

  static isSocketAddress(value) {
    return value instanceof SocketAddress;
  }
}

/** The rules Node's BlockList checks, for addresses (exact), ranges (IPv4) and subnets (IPv4). */
export class BlockList {
  #rules = [];

  addAddress(address) {
    this.#rules.push((a) => a === String(address?.address ?? address));
  }

  addRange(start, end) {
    const lo = v4(start?.address ?? start);
    const hi = v4(end?.address ?? end);
    this.#rules.push((a) => isIPv4(a) && v4(a) >= lo && v4(a) <= hi);
  }

  addSubnet(network, prefix) {
    const base = v4(network?.address ?? network);
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    this.#rules.push((a) => isIPv4(a) && ((v4(a) & mask) >>> 0) === ((base & mask) >>> 0));
  }

  check(address) {
    const a = String(address?.address ?? address);
    return this.#rules.some((rule) => rule(a));
  }

  get rules() {
    return [];
  }
}

function v4(address) {
  return String(address).split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export class BoundSocket extends Socket {}

let autoSelectFamily = false;
let autoSelectFamilyAttemptTimeout = 10;
export const getDefaultAutoSelectFamily = () => autoSelectFamily;
export const setDefaultAutoSelectFamily = (value) => {
  autoSelectFamily = !!value;
};
export const getDefaultAutoSelectFamilyAttemptTimeout = () => autoSelectFamilyAttemptTimeout;
export const setDefaultAutoSelectFamilyAttemptTimeout = (value) => {
  autoSelectFamilyAttemptTimeout = value;
};

export default {
  BlockList, BoundSocket, Server, Socket, SocketAddress, Stream, _normalizeArgs, connect, createConnection,
  createServer, getDefaultAutoSelectFamily, getDefaultAutoSelectFamilyAttemptTimeout, isIP, isIPv4, isIPv6,
  setDefaultAutoSelectFamily, setDefaultAutoSelectFamilyAttemptTimeout,
};
