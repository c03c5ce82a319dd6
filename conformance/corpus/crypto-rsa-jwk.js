// RT-7 RSA JWK import/export round trip and a deterministic RSASSA-PKCS1-v1_5 SHA-256 signature
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const PRIVATE = {"kty":"RSA","n":"yiGkx5KwPyhck0btZ7HvKzd3l5jAudUHxTBffx1ZG9UuZpHnU9J5nCyPkcpwCATq1Id7m4KaWpD3va8k2bx5rSf2ZuZj8s2O71Xp6JNA-ppL5oNOweG0eDZ1bGooMQYqOgVoofeEnw-mBQYO-8e-K1JGRhFmOlqLmieg82gzx4k","e":"AQAB","d":"OUfHdnbvUzaQ5XuYE2atLEYPsforw33HMe4_YbpjYivLdm2qbGqc49EM7ne7v8oE8i1irfMY4slqK2rSupFauWIi3U3QQWxAv7Zi0YQ_RkONQZcHjer58NCK5ddvG80GNNyUsw8LlMI_2rT5swUt-CqTpBAu4dBOWqPY_A1a3jE","p":"7pN1u_9iaVNZlrb-15GbUdUg3GzpHwy50KJ8tnrWgS-GeKj2RZC2DY1m_HDQW8ig8YYKkytnzm_XLCdURvG7gw","q":"2OTL_nuC7mAkHzZVNSPzrBpKv4M4DpSdOfBm0f1B3xmpiBiAQDlwusu-VhZB7tcWJGD5jUvxRQjrXgJ48WoHAw","dp":"SvrTNLuFvV5xuJlYrH1ZmDVod35PIfAI8hYvJdajVcSO-Zr4k1JwtP-sz0fRZBdA5cdfyXMJ0-p4cKsHpKhSaw","dq":"IqxpBDTgmJUcETVRZ95ofRHy8yzaEFKn0_Rfq6BOIIlstcoc7qeAIwyhUAfc4H7YFla-bl0-o-eqIOxKQ2XM2w","qi":"QmoZgDyR1kAZxn73DyGxO__hMqzGZMBxBNDPYFNMLoDMDEAgT715lWnc9DgRsT90QdNrKq_Ig0wZZfH5xQiHuQ","alg":"RS256"};
export default {
  async fetch() {
    const algo = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const priv = await crypto.subtle.importKey('jwk', PRIVATE, algo, true, ['sign']);
    const { d, p, q, dp, dq, qi, ...pubJwk } = PRIVATE;
    const pub = await crypto.subtle.importKey('jwk', pubJwk, algo, true, ['verify']);
    const data = new TextEncoder().encode('conformance');
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', priv, data);
    const exported = await crypto.subtle.exportKey('jwk', priv);
    const pubExported = await crypto.subtle.exportKey('jwk', pub);
    return Response.json({ sig: hex(sig), verify: await crypto.subtle.verify(algo, pub, sig, data),
      sameD: exported.d === PRIVATE.d, jwkKeys: Object.keys(exported).sort(), alg: exported.alg, keyOps: exported.key_ops, ext: exported.ext,
      pub: pubExported, algorithm: { ...priv.algorithm, publicExponent: [...priv.algorithm.publicExponent] },
      spkiLength: (await crypto.subtle.exportKey('spki', pub)).byteLength });
  },
};
