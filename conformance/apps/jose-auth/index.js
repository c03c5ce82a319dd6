// An auth service built on jose 6 (WebCrypto): issues and verifies JWTs with HS256, RS256, PS256, ES256 and
// EdDSA keys, serves a JWKS, encrypts/decrypts JWE (dir + A256GCM, RSA-OAEP-256, PBES2), and maps jose's errors.
import * as jose from 'jose';
import { RSA_PKCS8, RSA_SPKI, EC_JWK, ED_JWK } from './keys.js';

const HS_SECRET = new TextEncoder().encode('jose-hs256-secret-with-enough-bytes!');
const ISSUER = 'https://issuer.example';
const CLAIMS = { sub: 'user-42', scope: 'read write', 'https://example.com/roles': ['admin'] };

let keysPromise;
function keys() {
  keysPromise ??= (async () => {
    const rsPriv = await jose.importPKCS8(RSA_PKCS8, 'RS256');
    const rsPub = await jose.importSPKI(RSA_SPKI, 'RS256');
    const psPriv = await jose.importPKCS8(RSA_PKCS8, 'PS256');
    const ecPriv = await jose.importJWK(EC_JWK, 'ES256');
    const { d: _ecd, ...ecPubJwk } = EC_JWK;
    const edPriv = await jose.importJWK(ED_JWK, 'EdDSA');
    const { d: _edd, ...edPubJwk } = ED_JWK;
    const rsPubJwk = await jose.exportJWK(rsPub);
    const jwks = { keys: [
      { ...rsPubJwk, kid: await jose.calculateJwkThumbprint(rsPubJwk), alg: 'RS256', use: 'sig' },
      { ...ecPubJwk, kid: await jose.calculateJwkThumbprint(ecPubJwk, 'sha256'), alg: 'ES256', use: 'sig' },
      { ...edPubJwk, kid: await jose.calculateJwkThumbprint(edPubJwk, 'sha512'), alg: 'EdDSA', use: 'sig' },
    ] };
    return { rsPriv, psPriv, ecPriv, edPriv, jwks };
  })();
  return keysPromise;
}

const json = (body, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

async function issue(alg, key, kid) {
  return new jose.SignJWT(CLAIMS).setProtectedHeader({ alg, kid, typ: 'JWT' }).setIssuer(ISSUER)
    .setAudience('outpost').setIssuedAt(1700000000).setNotBefore(1700000000).setExpirationTime(4102444800)
    .setJti('fixed-jti').sign(key);
}

async function verifyWith(token, jwks, options = {}) {
  try {
    const { payload, protectedHeader } = await jose.jwtVerify(token, jose.createLocalJWKSet(jwks),
      { issuer: ISSUER, audience: 'outpost', ...options });
    return { ok: true, alg: protectedHeader.alg, sub: payload.sub, roles: payload['https://example.com/roles'] };
  } catch (e) {
    return { ok: false, code: e.code, name: e.name, message: e.message, claim: e.claim, reason: e.reason };
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const k = await keys();
    switch (url.pathname) {
      case '/.well-known/jwks.json':
        return json(k.jwks);
      case '/sign/hs256': {
        const token = await issue('HS256', HS_SECRET);
        const { payload } = await jose.jwtVerify(token, HS_SECRET, { algorithms: ['HS256'] });
        return json({ token, payload, header: jose.decodeProtectedHeader(token) });
      }
      case '/sign/deterministic': {
        // RS256 and EdDSA signatures are deterministic: the tokens themselves must match byte for byte
        const rs = await issue('RS256', k.rsPriv, k.jwks.keys[0].kid);
        const ed = await issue('EdDSA', k.edPriv, k.jwks.keys[2].kid);
        return json({ rs, ed, rsVerified: await verifyWith(rs, k.jwks), edVerified: await verifyWith(ed, k.jwks) });
      }
      case '/sign/randomized': {
        // PS256 and ES256 signatures are randomized: compare what verification says, not the tokens
        const ps = await new jose.SignJWT(CLAIMS).setProtectedHeader({ alg: 'PS256' }).setIssuer(ISSUER)
          .setAudience('outpost').sign(k.psPriv);
        const es = await issue('ES256', k.ecPriv, k.jwks.keys[1].kid);
        const psPub = await jose.importSPKI(RSA_SPKI, 'PS256');
        const psResult = await jose.jwtVerify(ps, psPub, { issuer: ISSUER, audience: 'outpost' });
        return json({ esLength: es.split('.')[2].length, es: await verifyWith(es, k.jwks),
          ps: { alg: psResult.protectedHeader.alg, sub: psResult.payload.sub } });
      }
      case '/verify': {
        const token = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
        const result = await verifyWith(token, k.jwks, { maxTokenAge: url.searchParams.get('maxAge') ?? undefined,
          currentDate: new Date(Date.UTC(2025, 0, 1)) });
        return json(result, result.ok ? 200 : 401);
      }
      case '/verify/errors': {
        const good = await issue('HS256', HS_SECRET);
        const [h, p, s] = good.split('.');
        const cases = {
          tampered: `${h}.${jose.base64url.encode(JSON.stringify({ ...CLAIMS, sub: 'evil' }))}.${s}`,
          truncated: `${h}.${p}`,
          garbage: 'not-a-jwt',
          expired: await new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(1000).sign(HS_SECRET),
          wrongIssuer: await new jose.SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('x').sign(HS_SECRET),
          none: `${jose.base64url.encode('{"alg":"none"}')}.${p}.`,
        };
        const out = {};
        for (const [name, token] of Object.entries(cases)) {
          try {
            await jose.jwtVerify(token, HS_SECRET, { issuer: ISSUER });
            out[name] = 'accepted';
          } catch (e) {
            out[name] = `${e.code}: ${e.message}`;
          }
        }
        return json(out);
      }
      case '/jwe': {
        const dirKey = new Uint8Array(32).map((_, i) => i * 7);
        const jwe = await new jose.CompactEncrypt(new TextEncoder().encode('secret message ✓'))
          .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(dirKey);
        const { plaintext, protectedHeader } = await jose.compactDecrypt(jwe, dirKey);
        const rsaPub = await jose.importSPKI(RSA_SPKI, 'RSA-OAEP-256');
        const rsaPriv = await jose.importPKCS8(RSA_PKCS8, 'RSA-OAEP-256');
        const encJwt = await new jose.EncryptJWT({ sub: 'enc' }).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' })
          .setIssuedAt(1700000000).encrypt(rsaPub);
        const dec = await jose.jwtDecrypt(encJwt, rsaPriv);
        const pw = new TextEncoder().encode('correct horse');
        const pbes = await new jose.FlattenedEncrypt(new TextEncoder().encode('pbes2'))
          .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1000 }).encrypt(pw);
        const pbesOut = await jose.flattenedDecrypt(pbes, pw, { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] });
        return json({ segments: jwe.split('.').length, plaintext: new TextDecoder().decode(plaintext), protectedHeader,
          jwt: dec.payload, jwtHeader: dec.protectedHeader, pbes2: new TextDecoder().decode(pbesOut.plaintext) });
      }
      case '/jws/general': {
        const jws = await new jose.GeneralSign(new TextEncoder().encode('multi-signed'))
          .addSignature(k.rsPriv).setProtectedHeader({ alg: 'RS256' })
          .addSignature(HS_SECRET).setProtectedHeader({ alg: 'HS256' }).sign();
        const r = await jose.generalVerify(jws, HS_SECRET);
        return json({ signatures: jws.signatures.map((s) => s.protected), payload: new TextDecoder().decode(r.payload),
          first: jws.signatures[0].signature });
      }
      case '/keys/export': {
        const pub = await jose.importSPKI(RSA_SPKI, 'RS256', { extractable: true });
        const ecKey = await jose.importJWK(EC_JWK, 'ES256');
        return json({ rsaJwk: await jose.exportJWK(pub), spki: await jose.exportSPKI(pub),
          ecType: ecKey.type, ecAlg: ecKey.algorithm, ecUsages: ecKey.usages,
          thumbprintUri: await jose.calculateJwkThumbprintUri(k.jwks.keys[1]) });
      }
      case '/decode':
        try {
          return json({ payload: jose.decodeJwt(url.searchParams.get('t') ?? '') });
        } catch (e) {
          return json({ code: e.code, message: e.message }, 400);
        }
      default:
        return json({ error: 'not found' }, 404);
    }
  },
};
