// RT-6 AbortSignal.timeout(ms): aborts after the delay with a TimeoutError DOMException
export default {
  async fetch() {
    const s = AbortSignal.timeout(10);
    const before = s.aborted;
    await new Promise((done) => s.addEventListener('abort', done));
    return Response.json({ before, after: s.aborted, name: s.reason.name, code: s.reason.code, isDom: s.reason instanceof DOMException });
  },
};
