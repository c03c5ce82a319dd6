// RT-7 wrapKey('jwk') with AES-GCM and a fixed iv: deterministic ciphertext (pins the JWK member order); unwrap round trip
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const wrapping = await crypto.subtle.importKey('raw', new Uint8Array(16).fill(9), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
    const hmac = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    const iv = new Uint8Array(12);
    const wrapped = await crypto.subtle.wrapKey('jwk', hmac, wrapping, { name: 'AES-GCM', iv });
    const jwkText = new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv },
      await crypto.subtle.importKey('raw', new Uint8Array(16).fill(9), 'AES-GCM', false, ['decrypt']), wrapped));
    const back = await crypto.subtle.unwrapKey('jwk', wrapped, wrapping, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    return Response.json({ wrapped: hex(wrapped), jwkText, back: hex(await crypto.subtle.exportKey('raw', back)) });
  },
};
