// RT-7 HMAC SHA-256/512 with a fixed raw key: sign (hex), verify true/false, key algorithm properties
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const enc = new TextEncoder();
    const raw = enc.encode('a fixed secret key');
    const k256 = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
    const k512 = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-512' } }, false, ['sign']);
    const data = enc.encode('message');
    const sig = await crypto.subtle.sign('HMAC', k256, data);
    return Response.json({
      sig256: hex(sig), sig512: hex(await crypto.subtle.sign({ name: 'HMAC' }, k512, data)),
      verify: await crypto.subtle.verify('HMAC', k256, sig, data),
      verifyBad: await crypto.subtle.verify('HMAC', k256, sig, enc.encode('other')),
      algorithm: k256.algorithm, type: k256.type, extractable: k256.extractable, usages: k256.usages,
      exported: hex(await crypto.subtle.exportKey('raw', k256)),
      jwk: await crypto.subtle.exportKey('jwk', k256),
    });
  },
};
