// RT-7 RSA-PSS verify of a fixed signature and RSA-OAEP decrypt of a fixed ciphertext (SHA-256)
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const PRIVATE = {"kty":"RSA","n":"yiGkx5KwPyhck0btZ7HvKzd3l5jAudUHxTBffx1ZG9UuZpHnU9J5nCyPkcpwCATq1Id7m4KaWpD3va8k2bx5rSf2ZuZj8s2O71Xp6JNA-ppL5oNOweG0eDZ1bGooMQYqOgVoofeEnw-mBQYO-8e-K1JGRhFmOlqLmieg82gzx4k","e":"AQAB","d":"OUfHdnbvUzaQ5XuYE2atLEYPsforw33HMe4_YbpjYivLdm2qbGqc49EM7ne7v8oE8i1irfMY4slqK2rSupFauWIi3U3QQWxAv7Zi0YQ_RkONQZcHjer58NCK5ddvG80GNNyUsw8LlMI_2rT5swUt-CqTpBAu4dBOWqPY_A1a3jE","p":"7pN1u_9iaVNZlrb-15GbUdUg3GzpHwy50KJ8tnrWgS-GeKj2RZC2DY1m_HDQW8ig8YYKkytnzm_XLCdURvG7gw","q":"2OTL_nuC7mAkHzZVNSPzrBpKv4M4DpSdOfBm0f1B3xmpiBiAQDlwusu-VhZB7tcWJGD5jUvxRQjrXgJ48WoHAw","dp":"SvrTNLuFvV5xuJlYrH1ZmDVod35PIfAI8hYvJdajVcSO-Zr4k1JwtP-sz0fRZBdA5cdfyXMJ0-p4cKsHpKhSaw","dq":"IqxpBDTgmJUcETVRZ95ofRHy8yzaEFKn0_Rfq6BOIIlstcoc7qeAIwyhUAfc4H7YFla-bl0-o-eqIOxKQ2XM2w","qi":"QmoZgDyR1kAZxn73DyGxO__hMqzGZMBxBNDPYFNMLoDMDEAgT715lWnc9DgRsT90QdNrKq_Ig0wZZfH5xQiHuQ","alg":"RS256"};
const PSS_SIGNATURE = '53ebef1e9adabf7ea8281679e76693a27a8d26965f554a3ee83da4c06b1617279a018c05c72d8c91aeef0d339021b706ca18b49f1e944de83e7e518d4fbbf9467a1200ff9d309ba488ce991bfcc1c4b31b5974587ea127270b56137aa2a100aab0aaeb24d89f09a9a0519344b133bd3f48b913e238a02c80d6573ace50a69912';
const OAEP_CIPHERTEXT = '2e8eee4958ed0b8eb75cb030e6e0889c9e03c6c66703fce596f423998fe791e6538f8f89929fe1acb0883725752cf9ece479fb87a673fa794124a8661cec4c43e02af101b2a8993c26eb51cfdf36266b308091be00f14fa7b2e5826f7d249dfff8fa6d6fe6e1a480a23cc55099e95bc0eebc5ae390cee0ee813602eb3a2f8846';
export default {
  async fetch() {
    const { d, p, q, dp, dq, qi, alg, ...pubJwk } = PRIVATE;
    const pss = await crypto.subtle.importKey('jwk', pubJwk, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
    const data = new TextEncoder().encode('conformance');
    const { alg: _a, ...privNoAlg } = PRIVATE;
    const oaep = await crypto.subtle.importKey('jwk', privNoAlg, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
    return Response.json({
      pss: await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pss, bytes(PSS_SIGNATURE), data),
      pssWrongSalt: await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 20 }, pss, bytes(PSS_SIGNATURE), data),
      oaep: new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, oaep, bytes(OAEP_CIPHERTEXT))),
    });
  },
};
