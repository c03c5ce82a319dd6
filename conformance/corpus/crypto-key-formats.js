// RT-7 key format conversions with fixed keys: EC and RSA private keys from JWK exported as pkcs8, spki and re-imported
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const EC_PRIVATE = {"kty":"EC","x":"avBl0C0_UJSqanu4nWkPbIIPlx4BlosKkSqY4rnXBz4","y":"AeRcGDpqeBvX5Dg3_X7Js0_PpCVnuAdqVifXVeNTcNY","crv":"P-256","d":"TniLeSPTSpBS342EQJJOFP63hjhzs1Z_-rBd-IM17jE"};
const RSA_PRIVATE = {"kty":"RSA","n":"yiGkx5KwPyhck0btZ7HvKzd3l5jAudUHxTBffx1ZG9UuZpHnU9J5nCyPkcpwCATq1Id7m4KaWpD3va8k2bx5rSf2ZuZj8s2O71Xp6JNA-ppL5oNOweG0eDZ1bGooMQYqOgVoofeEnw-mBQYO-8e-K1JGRhFmOlqLmieg82gzx4k","e":"AQAB","d":"OUfHdnbvUzaQ5XuYE2atLEYPsforw33HMe4_YbpjYivLdm2qbGqc49EM7ne7v8oE8i1irfMY4slqK2rSupFauWIi3U3QQWxAv7Zi0YQ_RkONQZcHjer58NCK5ddvG80GNNyUsw8LlMI_2rT5swUt-CqTpBAu4dBOWqPY_A1a3jE","p":"7pN1u_9iaVNZlrb-15GbUdUg3GzpHwy50KJ8tnrWgS-GeKj2RZC2DY1m_HDQW8ig8YYKkytnzm_XLCdURvG7gw","q":"2OTL_nuC7mAkHzZVNSPzrBpKv4M4DpSdOfBm0f1B3xmpiBiAQDlwusu-VhZB7tcWJGD5jUvxRQjrXgJ48WoHAw","dp":"SvrTNLuFvV5xuJlYrH1ZmDVod35PIfAI8hYvJdajVcSO-Zr4k1JwtP-sz0fRZBdA5cdfyXMJ0-p4cKsHpKhSaw","dq":"IqxpBDTgmJUcETVRZ95ofRHy8yzaEFKn0_Rfq6BOIIlstcoc7qeAIwyhUAfc4H7YFla-bl0-o-eqIOxKQ2XM2w","qi":"QmoZgDyR1kAZxn73DyGxO__hMqzGZMBxBNDPYFNMLoDMDEAgT715lWnc9DgRsT90QdNrKq_Ig0wZZfH5xQiHuQ","alg":"RS256"};
export default {
  async fetch() {
    const ec = await crypto.subtle.importKey('jwk', { ...EC_PRIVATE, key_ops: ['sign'] }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const ecPkcs8 = await crypto.subtle.exportKey('pkcs8', ec);
    const ecBack = await crypto.subtle.importKey('pkcs8', ecPkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const rsa = await crypto.subtle.importKey('jwk', RSA_PRIVATE, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
    const rsaPkcs8 = await crypto.subtle.exportKey('pkcs8', rsa);
    const { d, p, q, dp, dq, qi, ...rsaPublic } = RSA_PRIVATE;
    const rsaPub = await crypto.subtle.importKey('jwk', rsaPublic, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    const spki = await crypto.subtle.exportKey('spki', rsaPub);
    const spkiBack = await crypto.subtle.importKey('spki', spki, { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
    return Response.json({ ecPkcs8: hex(ecPkcs8), ecBackD: (await crypto.subtle.exportKey('jwk', ecBack)).d === EC_PRIVATE.d,
      rsaPkcs8: hex(rsaPkcs8), spki: hex(spki), spkiBack: spkiBack.algorithm.hash, spkiBackJwkAlg: (await crypto.subtle.exportKey('jwk', spkiBack)).alg });
  },
};
