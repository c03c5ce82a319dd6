// RT-7 Ed25519 with a fixed JWK private key: deterministic signature, verify, public key export
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const PRIVATE = {"crv":"Ed25519","d":"E-3J-Z1n90ltKStULyBRI-0u3mjC63v2g28XuIuLq1g","x":"is86oWuhWEQkWR5-0HvRbd6YlqopCVL7Tmh4KwG2_qI","kty":"OKP"};
export default {
  async fetch() {
    const priv = await crypto.subtle.importKey('jwk', PRIVATE, { name: 'Ed25519' }, true, ['sign']);
    const { d, ...pubJwk } = PRIVATE;
    const pub = await crypto.subtle.importKey('jwk', pubJwk, 'Ed25519', true, ['verify']);
    const data = new TextEncoder().encode('conformance');
    const sig = await crypto.subtle.sign('Ed25519', priv, data);
    return Response.json({ sig: hex(sig), verify: await crypto.subtle.verify({ name: 'Ed25519' }, pub, sig, data),
      raw: hex(await crypto.subtle.exportKey('raw', pub)), spki: hex(await crypto.subtle.exportKey('spki', pub)),
      pkcs8: hex(await crypto.subtle.exportKey('pkcs8', priv)), algorithm: priv.algorithm,
      jwk: await crypto.subtle.exportKey('jwk', pub) });
  },
};
