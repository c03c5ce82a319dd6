package dev.outpost.runtime;

import org.junit.jupiter.api.Test;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * crypto.subtle behaviours not covered by the workerd comparison (RT-7): key material is unreachable from JS,
 * errors are DOMException instances, wrapKey/unwrapKey, AES-CTR, AES-KW, RSA-OAEP, ECDH, X25519, legacy
 * NODE-ED25519, RSA JWK private keys.
 */
class SubtleCryptoTest {

    private static String run(String body) throws Exception {
        String source = "export default { async fetch() { const s = crypto.subtle; const enc = new TextEncoder();\n"
                + "const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');\n"
                + "try { return new Response(JSON.stringify(await (async () => {" + body + "})())); }\n"
                + "catch (e) { return new Response('ERR ' + e.name + ' ' + (e instanceof DOMException) + ': ' + e.message); } } };";
        try (WorkerEngine engine = WorkerEngine.create();
             LoadedWorker worker = engine.load(single(source), WorkerEnvironment.empty(), RuntimeLimits.defaults())) {
            return body(call(worker, get("http://x/")));
        }
    }

    @Test
    void keyMaterialIsNotReachableFromJs() throws Exception {
        assertEquals("[[],[],[\"constructor\",\"type\",\"extractable\",\"algorithm\",\"usages\"],true]", run(
                "const k = await s.importKey('raw', enc.encode('secret'), {name: 'HMAC', hash: 'SHA-256'}, false, ['sign']);\n"
                        + "let cloned; try { cloned = structuredClone(k); } catch (e) { cloned = e; }\n"
                        + "return [Object.getOwnPropertyNames(k), Object.getOwnPropertySymbols(k),"
                        + " Object.getOwnPropertyNames(Object.getPrototypeOf(k)), !JSON.stringify(k).includes('secret')];"));
    }

    @Test
    void failuresAreDomExceptions() throws Exception {
        assertEquals("ERR DataError true: Imported AES key length must be 128, 192, or 256 bits but provided 8.",
                run("return s.importKey('raw', new Uint8Array(1), 'AES-GCM', false, ['encrypt']);"));
        assertEquals("ERR NotSupportedError true: Unrecognized or unimplemented algorithm \"X448\" requested.",
                run("return s.generateKey({name: 'X448'}, false, ['deriveBits']);"));
        assertEquals("ERR OperationError true: AES-CBC IV must be 16 bytes long (provided 3 bytes).",
                run("const k = await s.importKey('raw', new Uint8Array(16), 'AES-CBC', false, ['encrypt']);"
                        + " return s.encrypt({name: 'AES-CBC', iv: new Uint8Array(3)}, k, new Uint8Array(1));"));
        assertEquals("ERR DataError true: Ed25519 raw keys must be exactly 32-bytes (provided 3).",
                run("return s.importKey('raw', new Uint8Array(3), 'Ed25519', true, ['verify']);"));
    }

    @Test
    void wrapKeyRoundTripsThroughAesGcm() throws Exception {
        assertEquals("[\"6b6579\",\"HMAC\",24]", run(
                "const kek = await s.generateKey({name: 'AES-GCM', length: 256}, false, ['wrapKey', 'unwrapKey']);\n"
                        + "const k = await s.importKey('raw', enc.encode('key'), {name: 'HMAC', hash: 'SHA-256'}, true, ['sign']);\n"
                        + "const iv = new Uint8Array(12);\n"
                        + "const wrapped = await s.wrapKey('jwk', k, kek, {name: 'AES-GCM', iv});\n"
                        + "const back = await s.unwrapKey('jwk', wrapped, kek, {name: 'AES-GCM', iv}, {name: 'HMAC', hash: 'SHA-256'}, true, ['sign']);\n"
                        + "return [hex(await s.exportKey('raw', back)), back.algorithm.name, back.algorithm.length];"));
    }

    @Test
    void aesCtrMatchesNistVector() throws Exception {
        // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt, first block.
        assertEquals("\"874d6191b620e3261bef6864990db6ce\"", run(
                "const h = (x) => new Uint8Array(x.match(/../g).map((b) => parseInt(b, 16)));\n"
                        + "const k = await s.importKey('raw', h('2b7e151628aed2a6abf7158809cf4f3c'), 'AES-CTR', false, ['encrypt']);\n"
                        + "return hex(await s.encrypt({name: 'AES-CTR', counter: h('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64}, k,"
                        + " h('6bc1bee22e409f96e93d7e117393172a')));"));
    }

    @Test
    void legacyNodeEd25519AndRsaJwkPrivateKeysWork() throws Exception {
        assertEquals("[true,\"NODE-ED25519\",true]", run(
                "const alg = {name: 'NODE-ED25519', namedCurve: 'NODE-ED25519'};\n"
                        + "const {publicKey, privateKey} = await s.generateKey(alg, true, ['sign', 'verify']);\n"
                        + "const sig = await s.sign(alg, privateKey, enc.encode('m'));\n"
                        + "const rsa = await s.generateKey({name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024,"
                        + " publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1'}, true, ['sign', 'verify']);\n"
                        + "const jwk = await s.exportKey('jwk', rsa.privateKey);\n"
                        + "const priv = await s.importKey('jwk', jwk, {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1'}, false, ['sign']);\n"
                        + "const rsig = await s.sign('RSASSA-PKCS1-v1_5', priv, enc.encode('m'));\n"
                        + "return [await s.verify(alg, publicKey, sig, enc.encode('m')), publicKey.algorithm.name,"
                        + " await s.verify('RSASSA-PKCS1-v1_5', rsa.publicKey, rsig, enc.encode('m'))];"));
    }

    private static final String HEX_IN = "const h = (x) => new Uint8Array(x.match(/../g).map((b) => parseInt(b, 16)));\n";

    @Test
    void x25519MatchesRfc7748() throws Exception {
        assertEquals("[\"4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742\",[\"deriveBits\"],[]]", run(HEX_IN
                + "const b64u = (b) => btoa(String.fromCharCode(...b)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');\n"
                + "const alice = await s.importKey('jwk', {kty: 'OKP', crv: 'X25519', d: b64u(h('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')),"
                + " x: b64u(h('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'))}, 'X25519', false, ['deriveBits']);\n"
                + "const bob = await s.importKey('raw', h('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'), 'X25519', true, []);\n"
                + "return [hex(await s.deriveBits({name: 'X25519', public: bob}, alice, 256)), alice.usages, bob.usages];"));
    }

    @Test
    void ecdhPartiesDeriveTheSameAesKey() throws Exception {
        assertEquals("[true,\"AES-GCM\",256,32]", run(
                "const alg = {name: 'ECDH', namedCurve: 'P-256'};\n"
                        + "const a = await s.generateKey(alg, false, ['deriveKey', 'deriveBits']);\n"
                        + "const b = await s.generateKey(alg, false, ['deriveKey', 'deriveBits']);\n"
                        + "const ka = await s.deriveKey({name: 'ECDH', public: b.publicKey}, a.privateKey, {name: 'AES-GCM', length: 256}, true, ['encrypt']);\n"
                        + "const kb = await s.deriveBits({name: 'ECDH', public: a.publicKey}, b.privateKey, 256);\n"
                        + "return [hex(await s.exportKey('raw', ka)) === hex(kb), ka.algorithm.name, ka.algorithm.length, kb.byteLength];"));
    }

    @Test
    void rsaOaepRoundTripsWithALabel() throws Exception {
        assertEquals("[\"secret message\",128,\"RSA-OAEP-256\",\"OperationError\"]", run(
                "const {publicKey, privateKey} = await s.generateKey({name: 'RSA-OAEP', modulusLength: 1024,"
                        + " publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'}, true, ['encrypt', 'decrypt']);\n"
                        + "const label = enc.encode('L');\n"
                        + "const ct = await s.encrypt({name: 'RSA-OAEP', label}, publicKey, enc.encode('secret message'));\n"
                        + "const pt = await s.decrypt({name: 'RSA-OAEP', label}, privateKey, ct);\n"
                        + "let wrong; try { await s.decrypt({name: 'RSA-OAEP'}, privateKey, ct); } catch (e) { wrong = e.name; }\n"
                        + "return [new TextDecoder().decode(pt), ct.byteLength, (await s.exportKey('jwk', publicKey)).alg, wrong];"));
    }

    @Test
    void aesKwMatchesRfc3394() throws Exception {
        // RFC 3394 4.1: wrap 128 bits of key data with a 128-bit KEK.
        assertEquals("[\"1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5\",\"00112233445566778899aabbccddeeff\"]", run(HEX_IN
                + "const kek = await s.importKey('raw', h('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false, ['wrapKey', 'unwrapKey']);\n"
                + "const key = await s.importKey('raw', h('00112233445566778899aabbccddeeff'), 'AES-CBC', true, ['encrypt']);\n"
                + "const wrapped = await s.wrapKey('raw', key, kek, 'AES-KW');\n"
                + "const back = await s.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-CBC', true, ['encrypt']);\n"
                + "return [hex(wrapped), hex(await s.exportKey('raw', back))];"));
    }
}
