// RT-6 cloudflare:sockets connect() to the test's TCP echo origin: opened info, write/read, the peer's close, close(), half-close, refused connections, address and option errors, startTls guard
// request: {"method":"GET","path":"/echo"}
// request: {"method":"GET","path":"/object-address"}
// request: {"method":"GET","path":"/refused"}
// request: {"method":"GET","path":"/bad"}
// request: {"method":"GET","path":"/string"}
// request: {"method":"GET","path":"/halfclose"}
// request: {"method":"GET","path":"/starttls"}
import { connect } from 'cloudflare:sockets';

const enc = new TextEncoder();
/** Reads until `length` characters arrived (TCP may split or join chunks) or the stream ends. */
async function readText(reader, length = Infinity) {
  const dec = new TextDecoder();
  let s = '';
  while (s.length < length) {
    const x = await reader.read();
    if (x.done) break;
    s += dec.decode(x.value, { stream: true });
  }
  return s;
}

export default {
  async fetch(req, env) {
    const out = {};
    const path = new URL(req.url).pathname;
    const addr = env.TCP_ORIGIN;
    const [hostname, port] = addr.split(':');
    if (path === '/echo') {
      const s = connect(addr);
      out.keys = Object.getOwnPropertyNames(Object.getPrototypeOf(s)).sort();
      out.before = [s.secureTransport, s.upgraded];
      out.infoKeys = Object.keys(await s.opened);
      const w = s.writable.getWriter();
      const r = s.readable.getReader();
      await w.write(enc.encode('hello\n'));
      out.first = await readText(r, 6);
      await w.write(enc.encode('QUIT'));
      out.rest = await readText(r);
      out.end = await r.read();
      out.closed = await s.closed.then(() => 'resolved', (e) => e.message);
      out.types = [s.readable.constructor.name, s.writable.constructor.name];
      return Response.json(out);
    }
    if (path === '/object-address') {
      const s = connect({ hostname, port: Number(port) });
      const w = s.writable.getWriter();
      await w.write(enc.encode('ping'));
      out.got = await readText(s.readable.getReader(), 4);
      out.close = await s.close();
      out.closed = await s.closed.then(() => 'resolved', (e) => e.message);
      try { await w.write(enc.encode('x')); out.afterClose = 'ok'; } catch (e) { out.afterClose = [e.name, e.message]; }
      return Response.json(out);
    }
    if (path === '/refused') {
      const s = connect('127.0.0.1:1');
      out.opened = await s.opened.then(() => 'ok', (e) => [e.name, e.message]);
      out.closed = await s.closed.then(() => 'ok', (e) => [e.name, e.message]);
      return Response.json(out);
    }
    if (path === '/bad') {
      for (const a of ['nope', hostname, ':80', { hostname: 'x' }, `${hostname}:70000`, 123]) {
        try { connect(a); out[JSON.stringify(a)] = 'ok'; } catch (e) { out[JSON.stringify(a)] = [e.name, e.message]; }
      }
      try { connect(addr, { secureTransport: 'bogus' }); out.st = 'ok'; } catch (e) { out.st = [e.name, e.message]; }
      return Response.json(out);
    }
    if (path === '/string') {
      const s = connect(addr);
      const w = s.writable.getWriter();
      await w.write('text chunk');
      out.echo = await readText(s.readable.getReader(), 10);
      await s.close();
      return Response.json(out);
    }
    if (path === '/halfclose') {
      const s = connect(addr);
      const w = s.writable.getWriter();
      await w.write(enc.encode('abc'));
      await w.close();
      out.read = await readText(s.readable.getReader());
      out.closed = await s.closed.then(() => 'resolved', (e) => e.message);
      return Response.json(out);
    }
    if (path === '/starttls') {
      const s = connect(addr, { secureTransport: 'starttls' });
      out.secure = s.secureTransport;
      await s.opened;
      const plain = connect(addr);
      try { plain.startTls(); out.plain = 'ok'; } catch (e) { out.plain = [e.name, e.message]; }
      await plain.close();
      await s.close();
      return Response.json(out);
    }
    return new Response('not found', { status: 404 });
  },
};
