// RT-7 key derivation edges: PBKDF2 zero iterations, HKDF with empty salt/info, deriveBits lengths, AES jwk export names
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const enc = new TextEncoder();
    const pb = await crypto.subtle.importKey('raw', enc.encode('pw'), 'PBKDF2', false, ['deriveBits']);
    const hk = await crypto.subtle.importKey('raw', enc.encode('input key'), 'HKDF', false, ['deriveBits', 'deriveKey']);
    const out = {};
    const tryIt = async (k, f) => { try { out[k] = await f(); } catch (e) { out[k] = e.name; } };
    await tryIt('pbkdf2Zero', () => crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(0), iterations: 0 }, pb, 128));
    await tryIt('pbkdf2Odd', async () => hex(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: new Uint8Array(4), iterations: 2 }, pb, 64)));
    await tryIt('hkdfEmpty', async () => hex(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, 128)));
    await tryIt('hkdfNotMultiple8', () => crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, 12));
    await tryIt('hkdfTooLong', () => crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, 256 * 255 + 8));
    const aes = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(1), info: new Uint8Array(1) }, hk, { name: 'AES-CBC', length: 192 }, true, ['encrypt']);
    await tryIt('aesJwk', () => crypto.subtle.exportKey('jwk', aes));
    return Response.json(out);
  },
};
