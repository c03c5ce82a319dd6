// RT-6 node:dns (dns.js, dns-promises.js) under nodejs_compat, as workerd implements it: queries go over DNS-over-HTTPS (JSON API of
// cloudflare-dns.com) with the worker's own fetch(), so they count as subrequests and pass the same outbound
// policy (an air-gapped platform answers them with EBADQUERY, as workerd does when the fetch fails).
// lookup (A / AAAA, `all`), resolve / resolve4 / resolve6 (`ttl`), resolveCname/Mx/Ns/Ptr/Soa/Srv/Txt, reverse;
// callback and promise forms (node:dns/promises); errors are Node's DNS errors ("queryA ENOTFOUND host").
// setServers and lookupService throw ERR_METHOD_NOT_IMPLEMENTED, as in workerd.

import { isIP } from './net.js';

export const ADDRCONFIG = 1024;
export const V4MAPPED = 2048;
export const ALL = 256;
export const NODATA = 'ENODATA';
export const FORMERR = 'EFORMERR';
export const SERVFAIL = 'ESERVFAIL';
export const NOTFOUND = 'ENOTFOUND';
export const NOTIMP = 'ENOTIMP';
export const REFUSED = 'EREFUSED';
export const BADQUERY = 'EBADQUERY';
export const BADNAME = 'EBADNAME';
export const BADFAMILY = 'EBADFAMILY';
export const BADRESP = 'EBADRESP';
export const CONNREFUSED = 'ECONNREFUSED';
export const TIMEOUT = 'ETIMEOUT';
export const EOF = 'EOF';
export const FILE = 'EFILE';
export const NOMEM = 'ENOMEM';
export const DESTRUCTION = 'EDESTRUCTION';
export const BADSTR = 'EBADSTR';
export const BADFLAGS = 'EBADFLAGS';
export const NONAME = 'ENONAME';
export const BADHINTS = 'EBADHINTS';
export const NOTINITIALIZED = 'ENOTINITIALIZED';
export const LOADIPHLPAPI = 'ELOADIPHLPAPI';
export const ADDRGETNETWORKPARAMS = 'EADDRGETNETWORKPARAMS';
export const CANCELLED = 'ECANCELLED';

const SERVERS = ['1.1.1.1', '2606:4700:4700::1111', '1.0.0.1', '2606:4700:4700::1001'];
let resultOrder = 'verbatim';

function dnsError(hostname, code, syscall) {
  const e = new Error(`${syscall} ${code} ${hostname}`);
  e.code = code;
  e.syscall = syscall;
  e.hostname = hostname;
  return e;
}

function notImplemented(what) {
  // workerd's plain Error (no code); `method` says which one
  const e = new Error('Not implemented');
  e.method = what;
  return e;
}

function checkName(name, argument = 'hostname') {
  if (typeof name !== 'string') {
    const received = name === null || name === undefined ? String(name) : typeof name === 'object'
      ? 'an instance of ' + (name.constructor?.name ?? 'Object') : `type ${typeof name} (${String(name)})`;
    const e = new TypeError(`The "${argument}" argument must be of type string. Received ${received}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

const TYPES = { A: 1, AAAA: 28, CNAME: 5, MX: 15, NS: 2, PTR: 12, SOA: 6, SRV: 33, TXT: 16 };

/** One DoH JSON query; the answers of the asked type (empty → ENOTFOUND/ENODATA as workerd). */
async function query(name, type) {
  const syscall = `query${type}`; // workerd's spelling: queryA, queryAAAA, queryPTR, ...
  const url = new URL('https://cloudflare-dns.com/dns-query');
  url.searchParams.set('name', name);
  url.searchParams.set('type', type);
  let json;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/dns-json' } });
    if (!response.ok) throw dnsError(name, BADRESP, syscall);
    json = await response.json();
  } catch (e) {
    throw e.syscall === syscall ? e : dnsError(name, BADQUERY, syscall);
  }
  if ('error' in json || !json.Question?.at(0)) throw dnsError(name, BADRESP, syscall);
  const answers = (json.Answer ?? []).filter((a) => a.type === TYPES[type]);
  if (answers.length === 0) throw dnsError(name, json.Status === 3 ? NOTFOUND : NODATA, syscall);
  return answers;
}

const trimDot = (s) => (s.endsWith('.') ? s.slice(0, -1) : s);

const RESOLVERS = {
  A: (name, options) => query(name, 'A').then((a) => a.map((r) => (options?.ttl ? { address: r.data, ttl: r.TTL } : r.data))),
  AAAA: (name, options) => query(name, 'AAAA').then((a) => a.map((r) => (options?.ttl ? { address: r.data, ttl: r.TTL } : r.data))),
  CNAME: (name) => query(name, 'CNAME').then((a) => a.map((r) => trimDot(r.data))),
  NS: (name) => query(name, 'NS').then((a) => a.map((r) => trimDot(r.data))),
  PTR: (name) => query(name, 'PTR').then((a) => a.map((r) => trimDot(r.data))),
  MX: (name) => query(name, 'MX').then((a) => a.map((r) => {
    const [priority, exchange] = r.data.split(' ');
    return { exchange: trimDot(exchange ?? ''), priority: parseInt(priority, 10) };
  })),
  SRV: (name) => query(name, 'SRV').then((a) => a.map((r) => {
    const [priority, weight, port, target] = r.data.split(' ');
    return { priority: parseInt(priority, 10), weight: parseInt(weight, 10), port: parseInt(port, 10), name: trimDot(target ?? '') };
  })),
  SOA: (name) => query(name, 'SOA').then((a) => {
    const [nsname, hostmaster, serial, refresh, retry, expire, minttl] = a[0].data.split(' ');
    return { nsname: trimDot(nsname), hostmaster: trimDot(hostmaster), serial: +serial, refresh: +refresh, retry: +retry,
      expire: +expire, minttl: +minttl };
  }),
  TXT: (name) => query(name, 'TXT').then((a) => a.map((r) => {
    const parts = r.data.match(/"([^"]|"(?!"))*"/g);
    return r.data.startsWith('"') && parts ? parts.map((p) => p.slice(1, -1)) : [r.data];
  })),
};

function reverseName(ip) {
  if (isIP(ip) === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (isIP(ip) === 6) {
    const [head, tail = ''] = ip.split('::');
    const groups = (s) => (s ? s.split(':') : []);
    const h = groups(head), t = groups(tail);
    const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].map((g) => g.padStart(4, '0')).join('');
    return `${[...all].reverse().join('.')}.ip6.arpa`;
  }
  return ip; // not an address: workerd queries the name as given
}

async function lookupAsync(hostname, options) {
  checkName(hostname);
  if (typeof options === 'number') options = { family: options };
  options = options ?? {};
  const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : Number(options.family ?? 0);
  const literal = isIP(hostname);
  const records = literal ? [{ address: hostname, family: literal }]
    : (await RESOLVERS[family === 6 ? 'AAAA' : 'A'](hostname)).map((address) => ({ address, family: family === 6 ? 6 : 4 }));
  return options.all ? records : records[0];
}

function callbackForm(run) {
  return (...args) => {
    const callback = args.pop();
    if (typeof callback !== 'function') {
      const e = new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    run(...args).then((result) => callback(null, ...(Array.isArray(result.__spread) ? result.__spread : [result])),
      (error) => callback(error));
  };
}

const promiseApi = {
  lookup: lookupAsync,
  lookupService: () => Promise.reject(notImplemented('lookupService')),
  resolve: (name, type = 'A') => {
    checkName(name);
    const resolver = RESOLVERS[String(type).toUpperCase()];
    if (!resolver) return Promise.reject(notImplemented(`resolve ${type}`));
    return resolver(name);
  },
  resolve4: (name, options) => (checkName(name), RESOLVERS.A(name, options)),
  resolve6: (name, options) => (checkName(name), RESOLVERS.AAAA(name, options)),
  resolveAny: () => Promise.reject(notImplemented('resolveAny')),
  resolveCaa: () => Promise.reject(notImplemented('resolveCaa')),
  resolveCname: (name) => (checkName(name), RESOLVERS.CNAME(name)),
  resolveMx: (name) => (checkName(name), RESOLVERS.MX(name)),
  resolveNaptr: () => Promise.reject(notImplemented('resolveNaptr')),
  resolveNs: (name) => (checkName(name), RESOLVERS.NS(name)),
  resolvePtr: (name) => (checkName(name), RESOLVERS.PTR(name)),
  resolveSoa: (name) => (checkName(name), RESOLVERS.SOA(name)),
  resolveSrv: (name) => (checkName(name), RESOLVERS.SRV(name)),
  resolveTxt: (name) => (checkName(name), RESOLVERS.TXT(name)),
  reverse: (ip) => (checkName(ip, 'ip'), RESOLVERS.PTR(reverseName(ip))),
};

export function getServers() {
  return [...SERVERS];
}

export function setServers() {
  throw notImplemented('setServers');
}

export function getDefaultResultOrder() {
  return resultOrder;
}

export function setDefaultResultOrder(order) {
  if (!['verbatim', 'ipv4first', 'ipv6first'].includes(order)) {
    const e = new TypeError(`The argument 'dnsOrder' must be one of: 'verbatim', 'ipv4first', 'ipv6first'. Received '${order}'`);
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  resultOrder = order;
}

export function lookup(hostname, options, callback) {
  checkName(hostname);
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callbackForm((h, o) => lookupAsync(h, o).then((r) => (Array.isArray(r) ? r : { __spread: [r.address, r.family] })))(
    hostname, options, callback);
}

export const lookupService = (address, port, callback) => callback(notImplemented('lookupService'));
export const resolve = (name, type, callback) => (typeof type === 'function'
  ? callbackForm(promiseApi.resolve)(name, type) : callbackForm(promiseApi.resolve)(name, type, callback));
const withOptions = (fn) => (name, options, callback) => (typeof options === 'function'
  ? callbackForm(fn)(name, undefined, options) : callbackForm(fn)(name, options, callback));
export const resolve4 = withOptions(promiseApi.resolve4);
export const resolve6 = withOptions(promiseApi.resolve6);
export const resolveAny = callbackForm(promiseApi.resolveAny);
export const resolveCaa = callbackForm(promiseApi.resolveCaa);
export const resolveCname = callbackForm(promiseApi.resolveCname);
export const resolveMx = callbackForm(promiseApi.resolveMx);
export const resolveNaptr = callbackForm(promiseApi.resolveNaptr);
export const resolveNs = callbackForm(promiseApi.resolveNs);
export const resolvePtr = callbackForm(promiseApi.resolvePtr);
export const resolveSoa = callbackForm(promiseApi.resolveSoa);
export const resolveSrv = callbackForm(promiseApi.resolveSrv);
export const resolveTxt = callbackForm(promiseApi.resolveTxt);
export const reverse = callbackForm(promiseApi.reverse);

/** A resolver object: the same queries (servers are fixed). */
export class Resolver {
  cancel() {}
  getServers() {
    return getServers();
  }
  setServers() {
    throw notImplemented('setServers');
  }
  setLocalAddress() {}
}
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']) {
  Resolver.prototype[name] = { resolve, resolve4, resolve6, resolveAny, resolveCaa, resolveCname, resolveMx,
    resolveNaptr, resolveNs, resolvePtr, resolveSoa, resolveSrv, resolveTxt, reverse }[name];
}

export const CODES = { NODATA, FORMERR, SERVFAIL, NOTFOUND, NOTIMP, REFUSED, BADQUERY, BADNAME, BADFAMILY, BADRESP,
  CONNREFUSED, TIMEOUT, EOF, FILE, NOMEM, DESTRUCTION, BADSTR, BADFLAGS, NONAME, BADHINTS, NOTINITIALIZED,
  LOADIPHLPAPI, ADDRGETNETWORKPARAMS, CANCELLED };

export class PromiseResolver extends Resolver {}
for (const [name, fn] of Object.entries(promiseApi)) if (name !== 'lookup' && name !== 'lookupService') PromiseResolver.prototype[name] = fn;

export { promiseApi };
