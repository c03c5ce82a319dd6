// RT-7 crypto.subtle failures are DOMExceptions with the spec names (NotSupportedError, DataError, InvalidAccessError, SyntaxError)
export default {
  async fetch() {
    const hmac = await crypto.subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const out = {};
    for (const [k, f] of Object.entries({
      unknownDigest: () => crypto.subtle.digest('SHA-999', new Uint8Array(1)),
      badAesLength: () => crypto.subtle.importKey('raw', new Uint8Array(5), 'AES-GCM', false, ['encrypt']),
      wrongUsage: () => crypto.subtle.verify('HMAC', hmac, new Uint8Array(32), new Uint8Array(1)),
      notExtractable: () => crypto.subtle.exportKey('raw', hmac),
      emptyUsages: () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, []),
      badJwk: () => crypto.subtle.importKey('jwk', { kty: 'oct' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    })) {
      try { await f(); out[k] = 'no error'; } catch (e) { out[k] = [e.name, e instanceof DOMException]; }
    }
    return Response.json(out);
  },
};
