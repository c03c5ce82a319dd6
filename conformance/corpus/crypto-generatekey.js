// RT-7 generateKey: key types, algorithms, usages and exported lengths (random material is not printed)
export default {
  async fetch() {
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-384' }, true, ['sign']);
    const ec = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
    const ed = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const pair = (p) => ({ pub: [p.publicKey.type, p.publicKey.extractable, p.publicKey.usages, p.publicKey.algorithm],
      priv: [p.privateKey.type, p.privateKey.extractable, p.privateKey.usages] });
    return Response.json({
      aes: [aes.type, aes.algorithm, aes.usages, (await crypto.subtle.exportKey('raw', aes)).byteLength],
      hmac: [hmac.algorithm, (await crypto.subtle.exportKey('raw', hmac)).byteLength],
      ec: pair(ec), ed: pair(ed), edRaw: (await crypto.subtle.exportKey('raw', ed.publicKey)).byteLength,
      isCryptoKey: aes instanceof CryptoKey,
    });
  },
};
