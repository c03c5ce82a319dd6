// RT-7 PBKDF2 deriveBits and deriveKey (SHA-256, fixed salt and iterations)
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const enc = new TextEncoder();
    const base = await crypto.subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
    const params = { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode('salt'), iterations: 1000 };
    const bits = await crypto.subtle.deriveBits(params, base, 256);
    const key = await crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
    return Response.json({ bits: hex(bits), key: hex(await crypto.subtle.exportKey('raw', key)), alg: key.algorithm, baseAlg: base.algorithm,
      baseExtractable: base.extractable });
  },
};
