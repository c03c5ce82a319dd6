// RT-6 node:zlib streams under nodejs_compat: createGzip/createGunzip chunked, stream errors with code/errno, flush(), promisify, classes, bytesWritten; the constants and codes
// compatibility-flags: nodejs_compat
import zlib from 'node:zlib';
import { Buffer } from 'node:buffer';
import { promisify } from 'node:util';
import { Transform } from 'node:stream';
export default { async fetch() {
  const out = {};
  const text = 'stream me '.repeat(100);
  out.gz = await new Promise((resolve) => {
    const g = zlib.createGzip(); const chunks = [];
    g.on('data', c => chunks.push(c)); g.on('end', () => resolve([chunks.length, Buffer.concat(chunks).toString('base64')]));
    g.write(text.slice(0, 300)); g.write(Buffer.from(text.slice(300))); g.end();
  });
  out.gunz = await new Promise((resolve) => {
    const g = zlib.createGunzip(); const chunks = [];
    g.on('data', c => chunks.push(c)); g.on('end', () => resolve(Buffer.concat(chunks).toString() === text));
    const packed = zlib.gzipSync(text); g.write(packed.subarray(0, 5)); g.write(packed.subarray(5, 30)); g.end(packed.subarray(30));
  });
  out.err = await new Promise((resolve) => {
    const g = zlib.createInflate();
    g.on('error', e => resolve([e.name, e.message, e.code, e.errno, Object.keys(e)]));
    g.on('end', () => resolve('end'));
    g.on('data', () => {});
    g.end(Buffer.from('garbage!'));
  });
  out.flush = await new Promise((resolve) => {
    const d = zlib.createDeflate(); const chunks = [];
    d.on('data', c => chunks.push(Buffer.from(c).toString('base64')));
    d.write('abc'); d.flush(() => { resolve(chunks); });
  });
  out.cbErr = await new Promise(r => zlib.gunzip(Buffer.from('zzz'), (e) => r([e.name, e.message, e.code, e.errno, Object.keys(e)])));
  out.promisified = typeof promisify(zlib.gzip);
  out.inst = zlib.createGzip() instanceof zlib.Gzip;
  out.gzNew = new zlib.Gzip() instanceof Transform;
  out.bytesWritten = await new Promise(r => { const g = zlib.createDeflate(); g.on('data', () => {}); g.on('end', () => r(g.bytesWritten)); g.end('12345'); });
  out.constants = zlib.constants; out.codes = zlib.codes; out.keys = Object.keys(zlib).filter((k) => !/rotli|BROTLI|std|ZSTD/.test(k));
  return Response.json(out);
}};
