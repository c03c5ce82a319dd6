// RT-7 AES-CBC and AES-CTR with fixed keys/iv/counter: deterministic output and round trip
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const raw = new Uint8Array(16).map((_, i) => 255 - i);
    const cbc = await crypto.subtle.importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
    const ctr = await crypto.subtle.importKey('raw', raw, { name: 'AES-CTR' }, false, ['encrypt', 'decrypt']);
    const plain = new TextEncoder().encode('sixteen byte blk+ and more');
    const iv = new Uint8Array(16).fill(3);
    const c1 = await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, cbc, plain);
    const c2 = await crypto.subtle.encrypt({ name: 'AES-CTR', counter: iv, length: 64 }, ctr, plain);
    const dec = new TextDecoder();
    return Response.json({
      cbc: hex(c1), ctr: hex(c2),
      cbcBack: dec.decode(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, cbc, c1)),
      ctrBack: dec.decode(await crypto.subtle.decrypt({ name: 'AES-CTR', counter: iv, length: 64 }, ctr, c2)),
    });
  },
};
