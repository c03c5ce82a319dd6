// RT-7 crypto.getRandomValues accepts every integer view (incl. Uint8ClampedArray, BigInt64Array), rejects ArrayBuffer and non-views
export default {
  fetch() {
    const out = {};
    for (const [k, f] of Object.entries({
      clamped: () => crypto.getRandomValues(new Uint8ClampedArray(4)).length,
      int16: () => crypto.getRandomValues(new Int16Array(4)).length,
      big64: () => crypto.getRandomValues(new BigInt64Array(1)).length,
      empty: () => crypto.getRandomValues(new Uint8Array(0)).length,
      buffer: () => crypto.getRandomValues(new ArrayBuffer(4)),
      plain: () => crypto.getRandomValues([1, 2, 3]),
      float64: () => crypto.getRandomValues(new Float64Array(1)),
    })) {
      try { out[k] = f(); if (typeof out[k] !== 'number') out[k] = 'no error'; } catch (e) { out[k] = e.name; }
    }
    return Response.json(out);
  },
};
