// RT-7 generated keys sign and verify: ECDSA P-384/P-521, RSA-PSS and RSASSA-PKCS1-v1_5 (results as booleans and sizes)
export default {
  async fetch() {
    const data = new TextEncoder().encode('round trip');
    const out = {};
    for (const curve of ['P-384', 'P-521']) {
      const k = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
      const hash = curve === 'P-384' ? 'SHA-384' : 'SHA-512';
      const sig = await crypto.subtle.sign({ name: 'ECDSA', hash }, k.privateKey, data);
      out[curve] = [sig.byteLength, await crypto.subtle.verify({ name: 'ECDSA', hash }, k.publicKey, sig, data),
        (await crypto.subtle.exportKey('raw', k.publicKey)).byteLength, Object.keys(await crypto.subtle.exportKey('jwk', k.privateKey)).sort()];
    }
    for (const name of ['RSA-PSS', 'RSASSA-PKCS1-v1_5']) {
      const k = await crypto.subtle.generateKey({ name, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
      const params = { name, saltLength: 32 };
      const sig = await crypto.subtle.sign(params, k.privateKey, data);
      out[name] = [sig.byteLength, await crypto.subtle.verify(params, k.publicKey, sig, data), k.publicKey.algorithm.modulusLength,
        [...k.publicKey.algorithm.publicExponent], (await crypto.subtle.exportKey('spki', k.publicKey)).byteLength];
    }
    return Response.json(out);
  },
};
