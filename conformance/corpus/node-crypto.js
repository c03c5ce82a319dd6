// RT-6 node:crypto under nodejs_compat: createHash/createHmac digests in hex/base64/buffer, chained updates, timingSafeEqual, random sizes
// compatibility-flags: nodejs_compat
import crypto, { createHash, createHmac, timingSafeEqual, randomBytes, randomUUID } from 'node:crypto';

export default {
  async fetch() {
    const hashes = {};
    for (const alg of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
      hashes[alg] = [createHash(alg).update('hello ').update(Buffer.from('world')).digest('hex'),
        createHash(alg).update('').digest('base64')];
    }
    const hmacs = {};
    for (const alg of ['sha1', 'sha256', 'sha512']) {
      hmacs[alg] = [createHmac(alg, 'key').update('The quick brown fox').digest('hex'),
        createHmac(alg, Buffer.from('00ff', 'hex')).update('x').digest('base64url')];
    }
    const h = createHash('sha256');
    h.update('abc');
    const raw = h.digest();
    let twice;
    try {
      h.digest('hex');
    } catch (e) {
      twice = e.code;
    }
    let bad;
    try {
      createHash('nope');
    } catch (e) {
      bad = e.message;
    }
    let unequal;
    try {
      timingSafeEqual(Buffer.from('a'), Buffer.from('ab'));
    } catch (e) {
      unequal = [e.name, e.code];
    }
    return Response.json({
      hashes, hmacs, raw: [Buffer.isBuffer(raw), raw.length, raw.toString('hex')], twice, bad, unequal,
      utf8: createHash('sha256').update('héllo', 'utf8').digest('hex'), latin1: createHash('sha256').update('héllo', 'latin1').digest('hex'),
      hexIn: createHash('sha1').update('616263', 'hex').digest('hex'),
      safe: [timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))],
      random: [randomBytes(16).length, Buffer.isBuffer(randomBytes(4)), /^[0-9a-f-]{36}$/.test(randomUUID()),
        typeof crypto.webcrypto.subtle.digest, crypto.createHash === createHash],
    });
  },
};
