// RT-7 crypto.subtle parameter validation: bad iv/tag/counter lengths, wrong usages, algorithm mismatches (error names)
export default {
  async fetch() {
    const gcm = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const ctr = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-CTR', false, ['encrypt']);
    const cbc = await crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-CBC', false, ['encrypt', 'decrypt']);
    const hmac = await crypto.subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const ed = await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify']);
    const data = new Uint8Array(8);
    const cases = {
      gcmTag: () => crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12), tagLength: 100 }, gcm, data),
      gcmShortCipher: () => crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, gcm, new Uint8Array(4)),
      ctrLength0: () => crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 0 }, ctr, data),
      ctrCounter8: () => crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(8), length: 64 }, ctr, data),
      cbcIv8: () => crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, cbc, data),
      cbcBadPadding: () => crypto.subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, cbc, new Uint8Array(16)),
      wrongAlgorithm: () => crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, gcm, data),
      signWithPublic: () => crypto.subtle.sign('Ed25519', ed.publicKey, data),
      publicSignUsage: () => crypto.subtle.importKey('raw', new Uint8Array(32), 'Ed25519', false, ['sign']),
      hmacEmptyUsage: () => crypto.subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, false, []),
      hmacNoHash: () => crypto.subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC' }, false, ['sign']),
      edShortSig: async () => String(await crypto.subtle.verify('Ed25519', ed.publicKey, new Uint8Array(10), data)),
      hmacShortSig: async () => String(await crypto.subtle.verify('HMAC', hmac, new Uint8Array(3), data)),
      unknownAlg: () => crypto.subtle.importKey('raw', new Uint8Array(16), 'AES-XYZ', false, ['encrypt']),
    };
    const out = {};
    for (const [k, f] of Object.entries(cases)) {
      try { const r = await f(); out[k] = typeof r === 'string' ? r : 'no error'; } catch (e) { out[k] = e.name; }
    }
    return Response.json(out);
  },
};
