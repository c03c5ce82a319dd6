// A nodejs_compat worker as people write them: Hono with contextStorage (AsyncLocalStorage), and the node:*
// modules wrangler leaves to the runtime (url, querystring, timers/promises, stream/web, stream/consumers,
// diagnostics_channel, events, buffer, crypto, util, path, assert, string_decoder, process).
import { Hono } from 'hono';
import { contextStorage, getContext } from 'hono/context-storage';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Buffer } from 'node:buffer';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
import { setTimeout as setTimer, clearTimeout as clearTimer } from 'node:timers';
import url, { fileURLToPath, pathToFileURL, URL as NodeURL, URLSearchParams as NodeParams } from 'node:url';
import querystring from 'node:querystring';
import { ReadableStream as WebReadable, TransformStream as WebTransform, TextEncoderStream } from 'node:stream/web';
import { text as consumeText, json as consumeJson, buffer as consumeBuffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import diagnostics from 'node:diagnostics_channel';
import util from 'node:util';
import path from 'node:path';
import assert from 'node:assert';
import { StringDecoder } from 'node:string_decoder';
import process from 'node:process';

const app = new Hono();
const requestLog = new AsyncLocalStorage();
const channel = diagnostics.channel('app:request');
const seen = [];
diagnostics.subscribe('app:request', (message, name) => seen.push([name, message.path]));

app.use(contextStorage());
app.use(async (c, next) => {
  c.set('requestId', 'req-' + c.req.path.length);
  if (channel.hasSubscribers) {
    channel.publish({ path: c.req.path });
  }
  await requestLog.run({ started: c.req.path }, next);
});

const currentId = () => getContext().var.requestId;

app.get('/context', async (c) => {
  await sleep(2);
  await immediate();
  const inner = await new Promise((resolve) => setTimer(() => resolve(requestLog.getStore()), 1));
  const cancelled = setTimer(() => { throw new Error('must not run'); }, 5);
  clearTimer(cancelled);
  return c.json({ id: currentId(), store: requestLog.getStore(), inner, seen: seen.slice(-1),
    hasSubscribers: diagnostics.hasSubscribers('app:request'), unused: diagnostics.hasSubscribers('nobody') });
});

app.get('/url', (c) => {
  const u = new NodeURL('https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag');
  return c.json({
    same: NodeURL === URL && NodeParams === URLSearchParams,
    href: u.href, file: fileURLToPath('file:///tmp/some%20dir/a.txt'), toFile: pathToFileURL('/tmp/x y#z.txt').href,
    format: url.format({ protocol: 'https', hostname: 'example.com', pathname: '/p', query: { a: 1, b: 'two' } }),
    formatUrl: url.format(new URL('https://a:b@example.com/x?y#z'), { auth: false, fragment: false }),
    legacy: (({ protocol, host, hostname, port, pathname, search, query, hash, path: p }) =>
      ({ protocol, host, hostname, port, pathname, search, query, hash, path: p }))(url.parse('http://Example.COM:81/p/a/t/h?query=string#hash')),
    legacyQuery: url.parse('/search?q=1&q=2&r', true).query,
    resolve: [url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'),
      url.resolve('http://example.com/one', '/two')],
    domain: url.domainToASCII('español.com'),
  });
});

app.get('/querystring', (c) => c.json({
  parsed: querystring.parse('a=1&b=2&a=3&c=%20x+y&d'),
  stringified: querystring.stringify({ a: [1, 2], b: 'x y', c: '', d: true, e: null }),
  custom: querystring.stringify({ w: 'ab', x: 'c' }, ';', ':'),
  decode: querystring.decode('x:1;y:2', ';', ':'),
  escape: querystring.escape('a b&c/é'), unescape: querystring.unescape('a%20b%26'),
}));

app.get('/streams', async (c) => {
  const web = new WebReadable({ start(ctl) { ctl.enqueue('{"a":'); ctl.enqueue('[1,2]}'); ctl.close(); } });
  const json = await consumeJson(web);
  const upper = new WebTransform({ transform(chunk, ctl) { ctl.enqueue(chunk.toUpperCase()); } });
  const text = await consumeText(Readable.from(['node ', 'readable']));
  const buf = await consumeBuffer(new Response('bytes!').body);
  const piped = new Response(new Response('piped').body.pipeThrough(new TextDecoderStream()).pipeThrough(upper)
    .pipeThrough(new TextEncoderStream()));
  const chunks = [];
  await pipeline(Readable.from(['x', 'y', 'z']), new Writable({ write(chunk, enc, cb) { chunks.push(String(chunk)); cb(); } }));
  return c.json({ json, text, buf: buf.toString('hex'), isBuffer: Buffer.isBuffer(buf), piped: await piped.text(), chunks,
    same: WebReadable === ReadableStream });
});

app.get('/events', async (c) => {
  const bus = new EventEmitter();
  const got = [];
  bus.on('data', (x) => got.push(x));
  bus.once('data', (x) => got.push('once:' + x));
  bus.emit('data', 1);
  bus.emit('data', 2);
  queueMicrotask(() => bus.emit('ready', 'go', 42));
  const args = await once(bus, 'ready');
  return c.json({ got, args, count: bus.listenerCount('data'), names: bus.eventNames() });
});

app.get('/crypto', (c) => {
  const secret = Buffer.from('node-secret');
  const mac = createHmac('sha256', secret).update('payload').digest('hex');
  return c.json({
    sha1: createHash('sha1').update('abc').digest('base64'), md5: createHash('md5').update('abc').digest('hex'),
    sha256: createHash('sha256').update(Buffer.from('ab')).update('c').digest('hex'), mac,
    equal: timingSafeEqual(Buffer.from(mac), Buffer.from(mac)),
    buffer: [Buffer.from('héllo').toString('base64'), Buffer.from('aGk=', 'base64').toString(), Buffer.byteLength('héllo'),
      Buffer.concat([Buffer.from([1]), Buffer.from([2, 3])]).readUInt16BE(1)],
  });
});

app.get('/util', (c) => {
  const decoder = new StringDecoder('utf8');
  const euro = Buffer.from('€');
  let errorMessage;
  try {
    assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 3] });
  } catch (e) {
    errorMessage = e.code + ' ' + e.name;
  }
  return c.json({
    format: util.format('%s=%d %j %o', 'x', 42, { a: 1 }, [1]), inspect: util.inspect({ a: { b: { c: { d: 1 } } }, s: 'x' }),
    types: [util.types.isPromise(Promise.resolve()), util.types.isDate(new Date()), util.isDeepStrictEqual([1], [1])],
    decoded: decoder.write(euro.subarray(0, 1)) + '|' + decoder.write(euro.subarray(1)) + decoder.end(),
    path: [path.join('/a/b', '../c', 'd.txt'), path.extname('x.tar.gz'), path.resolve('/x', 'y', '..', 'z'),
      path.relative('/a/b/c', '/a/d'), path.parse('/home/u/file.txt')],
    assert: errorMessage, env: typeof process.env, nextTick: typeof process.nextTick, platform: process.platform,
    promisified: typeof util.promisify((cb) => cb(null, 1)),
  });
});

export default app;
