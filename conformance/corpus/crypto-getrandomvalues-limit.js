// RT-7 crypto.getRandomValues: fills in place, 65536 bytes allowed, 65537 QuotaExceededError, float arrays TypeMismatchError
export default {
  fetch() {
    const out = {};
    const a = new Uint32Array(4);
    out.same = crypto.getRandomValues(a) === a;
    out.max = crypto.getRandomValues(new Uint8Array(65536)).length;
    for (const [k, f] of Object.entries({
      over: () => crypto.getRandomValues(new Uint8Array(65537)),
      float: () => crypto.getRandomValues(new Float32Array(4)),
      dataView: () => crypto.getRandomValues(new DataView(new ArrayBuffer(4))),
    })) {
      try { f(); out[k] = 'no error'; } catch (e) { out[k] = [e.name, e.constructor.name]; }
    }
    out.bigint = crypto.getRandomValues(new BigUint64Array(2)).length;
    return Response.json(out);
  },
};
