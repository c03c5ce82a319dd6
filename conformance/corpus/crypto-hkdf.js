// RT-7 HKDF deriveBits (SHA-256, RFC 5869 test case 1 input) and deriveKey to HMAC
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
export default {
  async fetch() {
    const ikm = await crypto.subtle.importKey('raw', new Uint8Array(22).fill(0x0b), 'HKDF', false, ['deriveBits', 'deriveKey']);
    const params = { name: 'HKDF', hash: 'SHA-256', salt: bytes('000102030405060708090a0b0c'), info: bytes('f0f1f2f3f4f5f6f7f8f9') };
    const okm = await crypto.subtle.deriveBits(params, ikm, 42 * 8);
    const key = await crypto.subtle.deriveKey(params, ikm, { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
    return Response.json({ okm: hex(okm), key: hex(await crypto.subtle.exportKey('raw', key)), alg: key.algorithm });
  },
};
