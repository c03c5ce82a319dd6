// RT-6 node:buffer under nodejs_compat: Buffer encodings, concat/compare, slicing, integer reads/writes, search, toJSON
// compatibility-flags: nodejs_compat
import { Buffer, kMaxLength, isUtf8, isAscii } from 'node:buffer';
import bufferDefault from 'buffer';

export default {
  async fetch() {
    const encodings = ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le', 'binary', 'ucs2'];
    const text = 'héllo wörld ✓ 😀';
    const enc = {};
    for (const e of encodings) {
      const s = Buffer.from(text).toString(e);
      enc[e] = [s, Buffer.from(s, e).toString('hex'), Buffer.byteLength(text, e)];
    }
    const b = Buffer.alloc(16);
    const writes = [b.writeUInt8(0xff, 0), b.writeUInt16LE(0x1234, 1), b.writeUInt16BE(0x1234, 3), b.writeUInt32LE(0xdeadbeef, 5),
      b.writeInt32BE(-2, 9), b.writeInt8(-5, 13), b.writeInt16LE(-300, 14)];
    const b64 = Buffer.alloc(16);
    b64.writeBigInt64LE(-123456789012345678n, 0);
    b64.writeBigUInt64BE(18446744073709551615n, 8);
    const f = Buffer.alloc(12);
    f.writeDoubleLE(3.14159, 0);
    f.writeFloatBE(1.5, 8);
    const reads = [b.readUInt8(0), b.readUInt16LE(1), b.readUInt16BE(3), b.readUInt32LE(5), b.readInt32BE(9), b.readInt8(13),
      b.readInt16LE(14), b.readUint32BE(5), b.readIntLE(1, 3), b.readUIntBE(9, 4), String(b64.readBigInt64LE(0)),
      String(b64.readBigUInt64BE(8)), f.readDoubleLE(0), f.readFloatBE(8)];
    let range;
    try {
      b.readUInt32LE(14);
    } catch (e) {
      range = [e.name, e.code];
    }
    const src = Buffer.from('abcdefghij');
    const sub = src.subarray(2, 5);
    const sl = src.slice(5);
    sub[0] = 0x43;
    const cat = Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63]), Buffer.from('def')]);
    const catShort = Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4);
    const w = Buffer.alloc(6);
    const wrote = [w.write('ab'), w.write('ffee', 2, 'hex'), w.write('€', 4), w.toString('hex')];
    const hay = Buffer.from('one two three two');
    return Response.json({
      enc, writes, bytes: b.toString('hex'), big: b64.toString('hex'), floats: f.toString('hex'), reads, range,
      src: src.toString(), sub: [sub.toString(), Buffer.isBuffer(sub), sub instanceof Uint8Array, sl.toString(), sub.byteOffset],
      cat: [cat.toString(), cat.length, catShort.toString()],
      compare: [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')),
        Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abc').equals(Buffer.from('abd')),
        [Buffer.from('b'), Buffer.from('c'), Buffer.from('a')].sort(Buffer.compare).map(String).join('')],
      wrote,
      search: [hay.indexOf('two'), hay.indexOf('two', 5), hay.lastIndexOf('two'), hay.indexOf(Buffer.from('three')),
        hay.indexOf(0x74), hay.includes('four'), hay.includes('one'), hay.indexOf('')],
      json: JSON.stringify(Buffer.from([1, 2, 3])), fromJson: Buffer.from({ type: 'Buffer', data: [104, 105] }).toString(),
      alloc: [Buffer.alloc(5, 'ab').toString(), Buffer.alloc(3, 7).toString('hex'), Buffer.allocUnsafe(4).length,
        Buffer.alloc(4, 'aGk=', 'base64').toString()],
      fill: Buffer.alloc(6).fill('xy', 1, 5).toString('hex'),
      from: [Buffer.from([256, 257, -1]).toString('hex'), Buffer.from(new Uint16Array([1, 258])).toString('hex'),
        Buffer.from(new Uint8Array([1, 2, 3]).buffer, 1, 2).toString('hex'), Buffer.from('  aGVs bG8=\n', 'base64').toString(),
        Buffer.from('zz12', 'hex').toString('hex'), Buffer.from('12zz', 'hex').toString('hex')],
      partial: Buffer.from('€uro').toString('utf8', 0, 2),
      misc: [Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'), typeof kMaxLength, isUtf8(Buffer.from([0xff])),
        isUtf8(Buffer.from('ok')), isAscii(Buffer.from('ok')), bufferDefault.Buffer === Buffer, typeof globalThis.Buffer,
        globalThis.Buffer === Buffer, Buffer.from('a') instanceof Buffer, Buffer.name],
      swap: Buffer.from([1, 2, 3, 4]).swap16().toString('hex'),
      copy: (() => { const t = Buffer.alloc(5, 0x2e); const n = Buffer.from('abc').copy(t, 1); return [n, t.toString()]; })(),
    });
  },
};
