// RT-7 AES-KW wrapKey/unwrapKey of a fixed AES key: RFC 3394 deterministic output
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const kek = await crypto.subtle.importKey('raw', new Uint8Array(16).fill(0x11), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
    const inner = await crypto.subtle.importKey('raw', new Uint8Array(16).fill(0x22), 'AES-GCM', true, ['encrypt']);
    const wrapped = await crypto.subtle.wrapKey('raw', inner, kek, 'AES-KW');
    const back = await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
    return Response.json({ wrapped: hex(wrapped), back: hex(await crypto.subtle.exportKey('raw', back)), alg: back.algorithm });
  },
};
