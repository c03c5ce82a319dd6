// RT-7 ECDH P-256 and X25519 deriveBits from fixed key pairs: deterministic shared secrets
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
const EC_PRIVATE = {"kty":"EC","x":"avBl0C0_UJSqanu4nWkPbIIPlx4BlosKkSqY4rnXBz4","y":"AeRcGDpqeBvX5Dg3_X7Js0_PpCVnuAdqVifXVeNTcNY","crv":"P-256","d":"TniLeSPTSpBS342EQJJOFP63hjhzs1Z_-rBd-IM17jE"};
const EC_PEER = {"kty":"EC","x":"Fa3Ion9vwbpFYIJovVrSvUqOGer6wBwBDuxPSC2U9cQ","y":"oSCNy_GH1t5obx3doo_u1Ue4W7qV7lKhVm_L7dul-l4","crv":"P-256"};
const X_PRIVATE = {"crv":"X25519","d":"-HGrBI-OAlPuG6AC7zZkZT_Yf78N-xYOdJ58QQ_ZL3o","x":"-tickNqCdoqcD599CR2FOvi8v6w_c4Qsy_cChwxgfxA","kty":"OKP"};
const X_PEER = {"crv":"X25519","x":"OsEOnUaichMuObXy1oj3uFwbFXqzs4RPFoMiyxrma0M","kty":"OKP"};
export default {
  async fetch() {
    const ecPriv = await crypto.subtle.importKey('jwk', EC_PRIVATE, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const ecPeer = await crypto.subtle.importKey('jwk', EC_PEER, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const xPriv = await crypto.subtle.importKey('jwk', X_PRIVATE, { name: 'X25519' }, false, ['deriveBits']);
    const xPeer = await crypto.subtle.importKey('jwk', X_PEER, { name: 'X25519' }, false, []);
    return Response.json({
      ecdh: hex(await crypto.subtle.deriveBits({ name: 'ECDH', public: ecPeer }, ecPriv, 256)),
      x25519: hex(await crypto.subtle.deriveBits({ name: 'X25519', public: xPeer }, xPriv, 256)),
      peerUsages: ecPeer.usages,
    });
  },
};
