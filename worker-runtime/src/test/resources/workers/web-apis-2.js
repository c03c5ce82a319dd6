// crypto.subtle, events, AbortController, Blob/File, FormData behaviours (RT-6, RT-7), compared in
// WebApiConformanceTest with what workerd answered for the same script. Only deterministic results are printed:
// random keys are checked by round trips.
const enc = new TextEncoder();
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const P256_JWK = {
  kty: 'EC', crv: 'P-256',
  x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4', y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
  d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
};
export default {
  async fetch() {
    const out = {};
    const t = async (k, f) => {
      try { out[k] = await f(); } catch (e) { out[k] = 'ERR ' + e.name + ': ' + e.message; }
    };
    const s = crypto.subtle;
    await t('sha1', async () => hex(await s.digest('SHA-1', enc.encode('abc'))));
    await t('sha256', async () => hex(await s.digest({ name: 'sha-256' }, enc.encode('abc'))));
    await t('sha384', async () => hex(await s.digest('SHA-384', enc.encode(''))));
    await t('sha512', async () => hex(await s.digest('SHA-512', enc.encode('abc').buffer)));
    await t('md5', async () => hex(await s.digest('MD5', enc.encode('abc'))));
    await t('digestBad', async () => s.digest('SHA-3', enc.encode('abc')));
    await t('hmac', async () => {
      const k = await s.importKey('raw', enc.encode('key'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
      const sig = await s.sign('HMAC', k, enc.encode('The quick brown fox jumps over the lazy dog'));
      return [hex(sig), await s.verify('HMAC', k, sig, enc.encode('The quick brown fox jumps over the lazy dog')),
        await s.verify('HMAC', k, sig, enc.encode('x')), k.algorithm.length, k.algorithm.hash.name, k.type,
        JSON.stringify(await s.exportKey('jwk', k))];
    });
    await t('hmacGen', async () => {
      const k = await s.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
      return [k.algorithm.length, (await s.exportKey('raw', k)).byteLength, k.usages];
    });
    await t('hmacJwk', async () => {
      const k = await s.importKey('jwk', { kty: 'oct', k: 'a2V5', alg: 'HS256' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return hex(await s.sign('HMAC', k, enc.encode('abc')));
    });
    await t('usageBad', async () => s.importKey('raw', enc.encode('key'), { name: 'HMAC', hash: 'SHA-256' }, false, ['encrypt']));
    await t('notExtractable', async () => {
      const k = await s.importKey('raw', enc.encode('key'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return s.exportKey('raw', k);
    });
    await t('wrongUsage', async () => {
      const k = await s.importKey('raw', enc.encode('key'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return s.verify('HMAC', k, new Uint8Array(32), enc.encode('x'));
    });
    const aesKey = await s.importKey('raw', new Uint8Array(16).fill(1), 'AES-GCM', true, ['encrypt', 'decrypt']);
    const iv = new Uint8Array(12).fill(2);
    await t('gcm', async () => {
      const ct = await s.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, aesKey, enc.encode('hello gcm'));
      const pt = await s.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, aesKey, ct);
      return [hex(ct), new TextDecoder().decode(pt), aesKey.algorithm.length];
    });
    await t('gcmTamper', async () => {
      const ct = new Uint8Array(await s.encrypt({ name: 'AES-GCM', iv }, aesKey, enc.encode('hello')));
      ct[0] ^= 1;
      return s.decrypt({ name: 'AES-GCM', iv }, aesKey, ct);
    });
    await t('cbc', async () => {
      const k = await s.importKey('raw', new Uint8Array(32).fill(3), { name: 'AES-CBC' }, true, ['encrypt', 'decrypt']);
      const civ = new Uint8Array(16).fill(4);
      const ct = await s.encrypt({ name: 'AES-CBC', iv: civ }, k, enc.encode('hello cbc, a longer message'));
      const pt = await s.decrypt({ name: 'AES-CBC', iv: civ }, k, ct);
      return [hex(ct), new TextDecoder().decode(pt), JSON.stringify(await s.exportKey('jwk', k))];
    });
    await t('aesLenBad', async () => s.importKey('raw', new Uint8Array(10), 'AES-GCM', false, ['encrypt']));
    await t('ecdsa', async () => {
      const priv = await s.importKey('jwk', P256_JWK, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
      const { d, ...pubJwk } = P256_JWK;
      const pub = await s.importKey('jwk', pubJwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      const sig = await s.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv, enc.encode('msg'));
      const raw = await s.exportKey('raw', pub);
      const pub2 = await s.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      const spki = await s.exportKey('spki', pub2);
      const jwk = await s.exportKey('jwk', priv);
      return [sig.byteLength, await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub2, sig, enc.encode('msg')),
        await s.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, enc.encode('other')), hex(raw).slice(0, 20),
        hex(spki).slice(0, 54), jwk.d === P256_JWK.d, jwk.x === P256_JWK.x, jwk.kty, jwk.crv, priv.algorithm.namedCurve,
        pub.type, priv.type];
    });
    await t('ecdsaGen', async () => {
      const { publicKey, privateKey } = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
      const sig = await s.sign({ name: 'ECDSA', hash: 'SHA-384' }, privateKey, enc.encode('m'));
      const pk8 = await s.exportKey('spki', publicKey);
      return [sig.byteLength, await s.verify({ name: 'ECDSA', hash: 'SHA-384' }, publicKey, sig, enc.encode('m')),
        publicKey.extractable, privateKey.extractable, publicKey.usages, privateKey.usages, pk8.byteLength];
    });
    await t('rsa', async () => {
      const alg = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
      const { publicKey, privateKey } = await s.generateKey(alg, true, ['sign', 'verify']);
      const sig = await s.sign('RSASSA-PKCS1-v1_5', privateKey, enc.encode('m'));
      const pkcs8 = await s.exportKey('pkcs8', privateKey);
      const priv2 = await s.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
      const sig2 = await s.sign('RSASSA-PKCS1-v1_5', priv2, enc.encode('m'));
      const jwk = await s.exportKey('jwk', publicKey);
      const pub2 = await s.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
      return [sig.byteLength, hex(sig) === hex(sig2), await s.verify('RSASSA-PKCS1-v1_5', pub2, sig, enc.encode('m')),
        jwk.kty, jwk.alg, jwk.e, publicKey.algorithm.modulusLength, [...publicKey.algorithm.publicExponent],
        publicKey.algorithm.hash.name];
    });
    await t('pss', async () => {
      const alg = { name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
      const { publicKey, privateKey } = await s.generateKey(alg, true, ['sign', 'verify']);
      const sig = await s.sign({ name: 'RSA-PSS', saltLength: 32 }, privateKey, enc.encode('m'));
      return [await s.verify({ name: 'RSA-PSS', saltLength: 32 }, publicKey, sig, enc.encode('m')),
        await s.verify({ name: 'RSA-PSS', saltLength: 32 }, publicKey, sig, enc.encode('n')),
        (await s.exportKey('jwk', privateKey)).alg];
    });
    await t('ed25519', async () => {
      // RFC 8032 test 1
      const d = new Uint8Array('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'.match(/../g).map((h) => parseInt(h, 16)));
      const x = new Uint8Array('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'.match(/../g).map((h) => parseInt(h, 16)));
      const b64u = (b) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const priv = await s.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d: b64u(d), x: b64u(x) }, 'Ed25519', true, ['sign']);
      const pub = await s.importKey('raw', x, { name: 'Ed25519' }, true, ['verify']);
      const sig = await s.sign('Ed25519', priv, new Uint8Array(0));
      return [hex(sig), await s.verify('Ed25519', pub, sig, new Uint8Array(0)), hex(await s.exportKey('spki', pub)),
        hex(await s.exportKey('pkcs8', priv)), JSON.stringify(await s.exportKey('jwk', pub))];
    });
    await t('edGen', async () => {
      const { publicKey, privateKey } = await s.generateKey('Ed25519', true, ['sign', 'verify']);
      const sig = await s.sign('Ed25519', privateKey, enc.encode('m'));
      return [await s.verify('Ed25519', publicKey, sig, enc.encode('m')), (await s.exportKey('raw', publicKey)).byteLength];
    });
    await t('pbkdf2', async () => {
      const k = await s.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits']);
      return hex(await s.deriveBits({ name: 'PBKDF2', salt: enc.encode('salt'), iterations: 2, hash: 'SHA-1' }, k, 160));
    });
    await t('hkdf', async () => {
      const k = await s.importKey('raw', new Uint8Array(22).fill(0x0b), 'HKDF', false, ['deriveBits']);
      const salt = new Uint8Array(13).map((_, i) => i);
      const info = new Uint8Array(10).map((_, i) => 0xf0 + i);
      return hex(await s.deriveBits({ name: 'HKDF', salt, info, hash: 'SHA-256' }, k, 336));
    });
    await t('tse', () => [s.timingSafeEqual(enc.encode('abc'), enc.encode('abc')), s.timingSafeEqual(enc.encode('abc'), enc.encode('abd'))]);
    await t('tseLen', () => s.timingSafeEqual(enc.encode('abc'), enc.encode('ab')));
    await t('cryptoKeyNew', () => new CryptoKey());
    await t('keyTag', async () => Object.prototype.toString.call(aesKey));
    // Events
    await t('event', () => {
      const et = new EventTarget();
      const seen = [];
      et.addEventListener('x', (e) => seen.push('a:' + e.type + ':' + (e.target === et) + ':' + e.eventPhase));
      et.addEventListener('x', { handleEvent: (e) => seen.push('b:' + e.detail) }, { once: true });
      const e = new CustomEvent('x', { detail: 7, cancelable: true });
      et.dispatchEvent(e);
      et.dispatchEvent(new CustomEvent('x', { detail: 8 }));
      return [seen, e.eventPhase, e.currentTarget, e.defaultPrevented, e.cancelable, e.bubbles];
    });
    await t('eventCancel', () => {
      const et = new EventTarget();
      et.addEventListener('y', (e) => e.preventDefault());
      et.addEventListener('y', (e) => e.stopImmediatePropagation());
      let third = false;
      et.addEventListener('y', () => { third = true; });
      return [et.dispatchEvent(new Event('y', { cancelable: true })), third];
    });
    await t('eventNoArg', () => new Event());
    // Abort
    await t('abort', () => {
      const c = new AbortController();
      const seen = [];
      c.signal.addEventListener('abort', () => seen.push('listener'));
      c.signal.onabort = () => seen.push('onabort');
      c.abort();
      c.abort('again');
      return [c.signal.aborted, c.signal.reason.name, c.signal.reason.message, seen];
    });
    await t('abortReason', () => { const c = new AbortController(); c.abort('why'); try { c.signal.throwIfAborted(); } catch (e) { return e; } });
    await t('abortStatic', () => { const sg = AbortSignal.abort(); return [sg.aborted, sg.reason instanceof DOMException, sg.reason.code]; });
    await t('abortNew', () => new AbortSignal());
    await t('abortAny', () => {
      const a = new AbortController();
      const b = new AbortController();
      const any = AbortSignal.any([a.signal, b.signal]);
      const before = any.aborted;
      b.abort('b');
      return [before, any.aborted, any.reason];
    });
    await t('abortTimeout', async () => {
      const sg = AbortSignal.timeout(5);
      await new Promise((r) => sg.addEventListener('abort', r));
      return [sg.aborted, sg.reason.name, sg.reason.message];
    });
    await t('schedulerWait', async () => { await scheduler.wait(1); return typeof scheduler.wait; });
    // Blob / File
    await t('blob', async () => {
      const b = new Blob(['héllo', new Uint8Array([33]), new Blob([' x'])], { type: 'Text/Plain' });
      const sl = b.slice(1, -2, 'a/b');
      return [b.size, b.type, await b.text(), sl.size, sl.type, await sl.text(), [...new Uint8Array(await b.slice(-1).arrayBuffer())],
        Object.prototype.toString.call(b)];
    });
    await t('file', async () => {
      const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
      return [f.name, f.lastModified, f.size, f.type, f instanceof Blob, await f.text()];
    });
    await t('fileArgs', () => new File(['x']));
    // FormData
    await t('formData', () => {
      const fd = new FormData();
      fd.append('a', '1');
      fd.append('a', 2);
      fd.append('f', new Blob(['zz'], { type: 'text/x' }));
      fd.append('g', new Blob(['q']), 'q.bin');
      fd.set('b', 'x');
      const r = [fd.get('a'), fd.getAll('a'), fd.has('b'), fd.get('f').name, fd.get('f').type, fd.get('g').name,
        fd.get('f') instanceof File, fd.get('nope')];
      fd.delete('a');
      return [...r, [...fd.keys()]];
    });
    await t('fdRoundTrip', async () => {
      const fd = new FormData();
      fd.append('name', 'Ünïcode "q"');
      fd.append('file', new File(['file body\r\nline 2'], 'test.txt', { type: 'text/plain' }));
      const req = new Request('http://x/', { method: 'POST', body: fd });
      const ct = req.headers.get('content-type');
      const parsed = await req.formData();
      const f = parsed.get('file');
      return [ct.startsWith('multipart/form-data; boundary='), parsed.get('name'), f.name, f.type, await f.text()];
    });
    await t('fdParseMultipart', async () => {
      const body = '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue a\r\n--XyZ\r\nContent-Disposition: form-data; name="up"; filename="u.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\x01\x02\r\n--XyZ--\r\n';
      const fd = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=XyZ' } }).formData();
      return [fd.get('a'), fd.get('up').name, fd.get('up').size, fd.get('up').type];
    });
    await t('fdParseUrlencoded', async () => {
      const fd = await new Response('a=1&b=x+y&a=%C3%A9', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
      return [...fd];
    });
    await t('fdParseBad', async () => new Response('x', { headers: { 'content-type': 'text/plain' } }).formData());
    await t('respBlob', async () => {
      const r = new Response(new Blob(['data'], { type: 'application/x-y' }));
      const b = await r.clone().blob();
      return [r.headers.get('content-type'), b.type, await b.text(), await r.text()];
    });
    await t('globals', () => [typeof Event, typeof EventTarget, typeof CustomEvent, typeof AbortController, typeof Blob,
      typeof File, typeof FormData, typeof CryptoKey, typeof scheduler, typeof queueMicrotask]);
    return new Response(JSON.stringify(out), { headers: { 'content-type': 'application/json' } });
  },
};
