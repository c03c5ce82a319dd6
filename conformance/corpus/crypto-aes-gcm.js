// RT-7 AES-GCM with a fixed key and iv: deterministic ciphertext+tag, additional data, decrypt round trip, tag tamper OperationError
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const key = await crypto.subtle.importKey('raw', new Uint8Array(32).map((_, i) => i), 'AES-GCM', true, ['encrypt', 'decrypt']);
    const iv = new Uint8Array(12).fill(7);
    const plain = new TextEncoder().encode('attack at dawn');
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
    const ctAad = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array([1, 2]), tagLength: 96 }, key, plain);
    const back = new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct));
    const bad = new Uint8Array(ct);
    bad[0] ^= 1;
    let tamper;
    try { await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, bad); tamper = 'no error'; } catch (e) { tamper = e.name; }
    return Response.json({ ct: hex(ct), ctAad: hex(ctAad), back, tamper, algorithm: key.algorithm, usages: key.usages });
  },
};
