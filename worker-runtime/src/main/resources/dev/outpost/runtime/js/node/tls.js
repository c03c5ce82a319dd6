// RT-6 node:tls under nodejs_compat, as workerd provides it: client connections only. tls.connect() /
// TLSSocket are net.Socket with TLS from the first byte (cloudflare:sockets secureTransport 'on': the server's
// certificate and host name are verified with the platform's trust); the constants, createSecureContext,
// checkServerIdentity and convertALPNProtocols. Servers, getCiphers and upgrading an existing socket throw.

import { Socket, _normalizeArgs } from './net.js';
import { Buffer } from './buffer.js';

const kSecure = Symbol.for('outpost:net.secure');

export const CLIENT_RENEG_LIMIT = 3;
export const CLIENT_RENEG_WINDOW = 600;
export const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:'
  + 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:'
  + 'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:'
  + 'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:'
  + '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
export const DEFAULT_ECDH_CURVE = 'auto';
export const DEFAULT_MAX_VERSION = 'TLSv1.3';
export const DEFAULT_MIN_VERSION = 'TLSv1.2';
export const rootCertificates = Object.freeze([]);

function notImplemented(what) {
  // workerd's plain Error (no code); `method` says which one
  const e = new Error('Not implemented');
  e.method = what;
  return e;
}

export class SecureContext {
  constructor(options = {}) {
    this.context = {};
    this.options = options;
  }
}

export function createSecureContext(options) {
  return new SecureContext(options);
}

export class TLSSocket extends Socket {
  constructor(socket, options = {}) {
    if (socket) throw notImplemented('new TLSSocket(socket)');
    super(options);
    this[kSecure] = true;
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.once('secureConnect', () => {
      this.authorized = true;
    });
  }

  getPeerCertificate() {
    return {};
  }

  getProtocol() {
    return null;
  }

  getCipher() {
    return undefined;
  }

  setServername() {}
}

export function connect(...args) {
  const [options, cb] = _normalizeArgs(args);
  if (args[0] !== null && typeof args[0] === 'object') Object.assign(options, args[0]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2], { port: args[0], host: args[1] });
  if (options.socket) throw notImplemented('tls.connect({ socket })');
  const socket = new TLSSocket(undefined, options);
  return socket.connect({ host: options.host ?? options.servername, port: options.port }, ...(cb ? [cb] : []));
}

export function checkServerIdentity(hostname, cert) {
  const names = [];
  const alt = cert?.subjectaltname;
  if (alt) for (const part of String(alt).split(', ')) if (part.startsWith('DNS:')) names.push(part.slice(4));
  if (names.length === 0 && cert?.subject?.CN) names.push(cert.subject.CN);
  const host = String(hostname).toLowerCase();
  const matches = names.some((name) => {
    const n = name.toLowerCase();
    if (n.startsWith('*.')) return host.split('.').slice(1).join('.') === n.slice(2) && host.split('.').length > 2;
    return n === host;
  });
  if (matches) return undefined;
  const e = new Error(`Hostname/IP does not match certificate's altnames: Host: ${hostname}. is not in the cert's altnames: ${alt ?? ''}`);
  e.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  e.reason = `Host: ${hostname}. is not in the cert's altnames: ${alt ?? ''}`;
  e.host = hostname;
  e.cert = cert;
  return e;
}

export function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const bytes = Buffer.from(p);
      parts.push(Buffer.from([bytes.length]), bytes);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols);
  }
}

export function createServer() {
  throw notImplemented('tls.createServer');
}

export class Server {
  constructor() {
    throw notImplemented('tls.Server');
  }
}

export function createSecurePair() {
  throw notImplemented('tls.createSecurePair');
}

export function getCiphers() {
  throw notImplemented('tls.getCiphers');
}

export default {
  CLIENT_RENEG_LIMIT, CLIENT_RENEG_WINDOW, DEFAULT_CIPHERS, DEFAULT_ECDH_CURVE, DEFAULT_MAX_VERSION,
  DEFAULT_MIN_VERSION, SecureContext, Server, TLSSocket, checkServerIdentity, connect, convertALPNProtocols,
  createSecureContext, createSecurePair, createServer, getCiphers, rootCertificates,
};
