// RT-6 node:util, node:path and node:string_decoder under nodejs_compat: promisify/callbackify, format, types, deep equality, posix paths, split multibyte decoding
// compatibility-flags: nodejs_compat
import util, { promisify, callbackify, format, types, isDeepStrictEqual, inherits, TextEncoder, TextDecoder } from 'node:util';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export default {
  async fetch() {
    const add = (a, b, cb) => cb(null, a + b);
    const fail = (cb) => cb(new Error('bad'));
    const padd = promisify(add);
    const sum = await padd(2, 3);
    const failed = await promisify(fail)().catch((e) => e.message);
    const cbResult = await new Promise((resolve) => callbackify(async (x) => x * 2)(21, (err, v) => resolve([err, v])));
    const cbError = await new Promise((resolve) => callbackify(async () => { throw new Error('x'); })((err) => resolve(err.message)));
    function Base() {}
    Base.prototype.hi = () => 'hi';
    function Child() {}
    inherits(Child, Base);
    const dec = new StringDecoder('utf8');
    const euro = Buffer.from('a€b😀');
    const parts = [];
    for (let i = 0; i < euro.length; i++) parts.push(dec.write(euro.subarray(i, i + 1)));
    parts.push(dec.end());
    const hexDec = new StringDecoder('hex');
    const b64 = new StringDecoder('base64');
    const b64parts = [b64.write(Buffer.from('ab')), b64.write(Buffer.from('cd')), b64.end()];
    const trunc = new StringDecoder('utf8');
    const truncParts = [trunc.write(Buffer.from([0xe2, 0x82])), trunc.end()];
    return Response.json({
      sum, failed, cbResult, cbError, inherits: [new Child().hi(), Child.super_ === Base],
      format: [format('%s=%d %i %j %%', 'a', 42.5, 42.5, { x: 1 }), format('a', 'b', 3), format('%s', 'only')],
      types: [types.isPromise(Promise.resolve()), types.isDate(new Date()), types.isRegExp(/x/), types.isUint8Array(new Uint8Array()),
        types.isTypedArray(new Float32Array()), types.isAsyncFunction(async () => {}), types.isMap(new Map()), types.isArrayBuffer(new ArrayBuffer(1)),
        types.isGeneratorFunction(function* () {}), types.isBoxedPrimitive(Object(1)), types.isNativeError(new TypeError())],
      deep: [isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), isDeepStrictEqual({ a: 1 }, { a: '1' }),
        isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 2]])), isDeepStrictEqual(new Set([1]), new Set([2])),
        isDeepStrictEqual([1, 2], [1, 2, 3]), isDeepStrictEqual(NaN, NaN), isDeepStrictEqual(new Date(1), new Date(1))],
      legacy: [util.isArray([]), util.isString('s'), util.isNullOrUndefined(null), util.isPrimitive({})],
      text: new TextDecoder().decode(new TextEncoder().encode('ok')),
      path: [path.join('/a/b', '../c', './d'), path.normalize('a//b/../c/'), path.resolve('/x', 'y', '..', 'z'), path.dirname('/a/b/c.txt'),
        path.basename('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'), path.extname('x.tar.gz'), path.extname('.hidden'),
        path.isAbsolute('/a'), path.isAbsolute('a'), path.relative('/a/b/c', '/a/d'), path.parse('/home/u/file.txt'),
        path.format({ dir: '/x', name: 'f', ext: '.js' }), path.sep, path.delimiter, path.posix === path, path.join(), path.normalize('')],
      decoder: [parts, hexDec.write(Buffer.from([1, 255])), b64parts, truncParts],
      promisifyCustom: promisify.custom === Symbol.for('nodejs.util.promisify.custom'),
    });
  },
};
