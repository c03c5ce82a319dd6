// RT-6 TextEncoder: encode() of multi-byte text, lone surrogates, encodeInto() read/written counts
export default {
  fetch() {
    const enc = new TextEncoder();
    const dest = new Uint8Array(5);
    const into = enc.encodeInto('a\u00e9\u2713z', dest);
    return Response.json({ encoding: enc.encoding, bytes: [...enc.encode('h\u00e9\u2713\ud83d\ude00')],
      lone: [...enc.encode('\ud800x')], empty: enc.encode().length, into, dest: [...dest] });
  },
};
