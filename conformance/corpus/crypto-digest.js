// RT-7 crypto.subtle.digest SHA-1/256/384/512 (and MD5) of fixed input, hex encoded
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const data = new TextEncoder().encode('conformance \u2713');
    const out = {};
    for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'MD5']) out[alg] = hex(await crypto.subtle.digest(alg, data));
    out.objectForm = hex(await crypto.subtle.digest({ name: 'sha-256' }, new ArrayBuffer(0)));
    out.dataView = hex(await crypto.subtle.digest('SHA-1', new DataView(data.buffer, 2, 4)));
    return Response.json(out);
  },
};
