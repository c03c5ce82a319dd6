// RT-7 ECDSA P-256 verify of a fixed signature with a fixed JWK public key; tampered data fails; spki export
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const PUBLIC = {"kty":"EC","x":"pCJvt1yTHVr8TSJWccEclPOJE4g3qeUgm_A1kaQk5jk","y":"uzaFb2eVKOWToqYLWiN2HjWoDthfnpwOsxwvOV1JsE8","crv":"P-256"};
const SIGNATURE = 'afe07ad15c09b8c2c3c5bf66e5f993a510d24ee02d3294862ebe39b15c9203536385013116fdcbd70ea48dfad48d140be6017b19741ae95fa52450c8c6dc99d9';
export default {
  async fetch() {
    const key = await crypto.subtle.importKey('jwk', PUBLIC, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    const data = new TextEncoder().encode('conformance');
    const algo = { name: 'ECDSA', hash: 'SHA-256' };
    const spki = await crypto.subtle.exportKey('spki', key);
    const raw = await crypto.subtle.exportKey('raw', key);
    return Response.json({ ok: await crypto.subtle.verify(algo, key, bytes(SIGNATURE), data),
      tampered: await crypto.subtle.verify(algo, key, bytes(SIGNATURE), new TextEncoder().encode('conformancE')),
      algorithm: key.algorithm, type: key.type, spki: hex(spki), raw: hex(raw), jwk: await crypto.subtle.exportKey('jwk', key) });
  },
};
