// RT-6 node:zlib sync and callback functions under nodejs_compat: gzip/deflate/raw bytes (levels, strategy, dictionary), unzip, zlib's error messages, maxOutputLength, crc32, info
// compatibility-flags: nodejs_compat
import zlib, { gzipSync as namedGzip, Z_BEST_SPEED, constants as namedConstants } from 'node:zlib';
import { Buffer } from 'node:buffer';
function err(f) { try { const r = f(); return 'ok ' + (r && r.length); } catch (e) { return [e.name, e.message, e.code, e.errno, e.constructor.name]; } }
export default { async fetch() {
  const out = {};
  const text = 'hello hello hello zlib '.repeat(20);
  out.gzip = zlib.gzipSync(text).toString('hex');
  out.deflate = zlib.deflateSync(text).toString('base64');
  out.raw = zlib.deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64');
  out.lvl1 = zlib.deflateSync(text, { level: 1 }).toString('base64');
  out.huff = zlib.deflateSync(text, { strategy: zlib.constants.Z_HUFFMAN_ONLY }).toString('base64');
  out.empty = zlib.gzipSync('').toString('hex');
  out.rt = zlib.gunzipSync(zlib.gzipSync(text)).toString() === text;
  out.unzip = zlib.unzipSync(zlib.deflateSync(text)).toString() === text;
  out.unzip2 = zlib.unzipSync(zlib.gzipSync(text)).toString() === text;
  out.bad = err(() => zlib.gunzipSync(Buffer.from('not gzip data')));
  out.badInflate = err(() => zlib.inflateSync(Buffer.from('xxxxxxx')));
  out.trunc = err(() => zlib.inflateSync(zlib.deflateSync(text).subarray(0, 10)));
  out.truncGz = err(() => zlib.gunzipSync(zlib.gzipSync(text).subarray(0, 20)));
  out.emptyIn = err(() => zlib.inflateSync(Buffer.alloc(0)));
  out.crc = [zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), 12345), zlib.crc32('')];
  out.badarg = err(() => zlib.gzipSync(123));
  out.badlevel = err(() => zlib.gzipSync('x', { level: 42 }));
  out.max = err(() => zlib.inflateSync(zlib.deflateSync(text), { maxOutputLength: 10 }));
  out.dict = err(() => zlib.inflateSync(zlib.deflateSync(text, { dictionary: Buffer.from('hello zlib') }), { dictionary: Buffer.from('hello zlib') }));
  out.dictb = zlib.deflateSync(text, { dictionary: Buffer.from('hello zlib') }).toString('base64');
  out.nodict = err(() => zlib.inflateSync(zlib.deflateSync(text, { dictionary: Buffer.from('hello zlib') })));
  out.concat = zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd')])).toString();
  out.trailing = err(() => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), Buffer.from('junk')])).toString());
  out.info = Object.keys(zlib.gzipSync('x', { info: true }));
  out.cb = await new Promise(r => zlib.gzip(text, (e, b) => r([e, b.length])));
  out.cbErr = await new Promise(r => zlib.gunzip(Buffer.from('zzz'), (e, b) => r([e && e.message, e && e.code, b])));
  out.ab = zlib.inflateSync(new Uint8Array(zlib.deflateSync('u8')).buffer).toString();
  out.named = [namedGzip('n').length, Z_BEST_SPEED, namedConstants === zlib.constants];
  return Response.json(out);
}};
