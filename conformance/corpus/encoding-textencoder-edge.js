// RT-6 TextEncoder.encodeInto() stops before a character that does not fit, on a surrogate pair boundary, and with offsets
export default {
  fetch() {
    const enc = new TextEncoder();
    const d1 = new Uint8Array(3);
    const r1 = enc.encodeInto('a\ud83d\ude00', d1);
    const d2 = new Uint8Array(10);
    const r2 = enc.encodeInto('\u00e9\u00e9\u00e9', d2.subarray(2, 6));
    const r3 = enc.encodeInto('', new Uint8Array(0));
    return Response.json({ r1, d1: [...d1], r2, d2: [...d2], r3, encodeNum: [...enc.encode(12)], encodeNull: [...enc.encode(null)] });
  },
};
