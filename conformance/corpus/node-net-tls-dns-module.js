// RT-6 node:net, node:tls, node:dns (+ /promises) and node:module under nodejs_compat: export surfaces, isIP, servers refused, tls constants, dns literals/validation (no network queries), createRequire of built-ins, net.Socket over TCP to the echo origin
// compatibility-flags: nodejs_compat
// request: {"method":"GET","path":"/surface"}
// request: {"method":"GET","path":"/behaviour"}
// request: {"method":"GET","path":"/dns"}
// request: {"method":"GET","path":"/socket"}
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import * as netNs from 'node:net';
import * as tlsNs from 'node:tls';
import * as dnsNs from 'node:dns';
import * as dnspNs from 'node:dns/promises';
import * as modNs from 'node:module';
import { createRequire, builtinModules, isBuiltin } from 'node:module';

function err(f) {
  try { const r = f(); return ['ok', r === undefined ? 'undefined' : typeof r]; } catch (e) { return [e.name, e.message, e.code]; }
}

export default {
  async fetch(req, env) {
    const out = {};
    const path = new URL(req.url).pathname;
    if (path === '/surface') {
      for (const [n, m] of Object.entries({ net: netNs, tls: tlsNs, dns: dnsNs, dnsp: dnspNs, mod: modNs })) {
        out[n] = Object.keys(m).sort();
        out[n + 'Default'] = [typeof m.default, Object.keys(m.default).sort()];
      }
      out.dnsPromises = Object.keys(dns.promises).sort();
      return Response.json(out);
    }
    if (path === '/behaviour') {
      out.isIP = [net.isIP('1.2.3.4'), net.isIP('::1'), net.isIP('nope'), net.isIPv4('1.2.3.4'), net.isIPv6('1.2.3.4'),
        net.isIP('01.2.3.4'), net.isIP('fe80::1%eth0'), net.isIP('1.2.3.256'), net.isIP('::ffff:1.2.3.4')];
      out.createServer = err(() => net.createServer());
      out.newServer = err(() => new net.Server());
      out.tlsServer = err(() => tls.createServer());
      out.secureContext = err(() => tls.createSecureContext());
      out.ciphers = err(() => tls.getCiphers());
      out.tlsConsts = [tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.CLIENT_RENEG_LIMIT, tls.CLIENT_RENEG_WINDOW,
        tls.DEFAULT_ECDH_CURVE, Array.isArray(tls.rootCertificates)];
      out.family = [net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout()];
      const sa = new net.SocketAddress({ address: '1.2.3.4', port: 80 });
      out.socketAddress = [sa.address, sa.port, sa.family];
      out.builtin = [isBuiltin('node:fs'), isBuiltin('fs'), isBuiltin('zlib'), isBuiltin('nope'), isBuiltin('node:nope'), builtinModules];
      out.require = err(() => createRequire(undefined));
      const require = createRequire('/worker.js');
      out.requireBuffer = require('node:buffer').Buffer.from('hi').toString('hex');
      out.requireBare = typeof require('events');
      out.requireZlib = typeof require('zlib').gzipSync;
      out.requireMissing = err(() => require('./missing.js'));
      const s = new net.Socket();
      out.unconnected = [typeof s.connect, typeof s.setNoDelay, typeof s.setKeepAlive, typeof s.setTimeout, s.readyState,
        s.connecting, s.pending];
      return Response.json(out);
    }
    if (path === '/dns') {
      out.literal = await new Promise((r) => dns.lookup('1.2.3.4', (e, a, f) => r([e && e.message, a, f])));
      out.literalAll = await new Promise((r) => dns.lookup('::1', { all: true }, (e, a) => r([e && e.message, a])));
      out.promise = await dns.promises.lookup('10.0.0.1');
      out.badName = err(() => dns.lookup(123, () => {}));
      out.order = err(() => dns.setDefaultResultOrder('bogus'));
      out.order2 = [dns.getDefaultResultOrder(), dns.setDefaultResultOrder('ipv4first'), dns.getDefaultResultOrder()];
      dns.setDefaultResultOrder('verbatim');
      out.servers = dns.getServers();
      out.setServers = err(() => dns.setServers(['1.1.1.1']));
      out.codes = [dns.NOTFOUND, dns.NODATA, dns.BADQUERY, dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL];
      return Response.json(out);
    }
    if (path === '/socket') {
      const port = Number(env.TCP_ORIGIN.split(':')[1]);
      out.echo = await new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        const events = [];
        let data = '';
        for (const e of ['connect', 'ready', 'end', 'close', 'error']) {
          s.on(e, () => { events.push(e); if (e === 'close') resolve({ events, data, readyState: s.readyState }); });
        }
        s.on('data', (d) => { data += d.toString(); if (data === 'hello') s.write('QUIT'); });
        s.write('hello');
      });
      out.refused = await new Promise((resolve) => {
        const s = net.createConnection({ port: 1, host: '127.0.0.1' });
        s.on('error', (e) => resolve([e.name, e.message, e.code]));
        s.on('connect', () => resolve('connected'));
      });
      return Response.json(out);
    }
    return new Response('not found', { status: 404 });
  },
};
