// HMAC-SHA256 of the path with a key imported once per isolate.
const encoder = new TextEncoder();
let keyPromise;

function key() {
  keyPromise ??= crypto.subtle.importKey('raw', encoder.encode('outpost-bench-secret'),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return keyPromise;
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key(), encoder.encode(path)));
    let hex = '';
    for (const b of mac) hex += b.toString(16).padStart(2, '0');
    return new Response(hex);
  },
};
