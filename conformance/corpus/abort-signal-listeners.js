// RT-6 AbortSignal event order: listeners then onabort, what a throwing listener does to abort(), any() follows timeout()
export default {
  async fetch() {
    const c = new AbortController();
    const log = [];
    c.signal.addEventListener('abort', () => { log.push('first'); throw new Error('listener failure'); });
    c.signal.addEventListener('abort', () => { log.push('second'); });
    c.signal.onabort = (e) => { log.push(['onabort', e.type]); };
    let thrown;
    try { c.abort(); thrown = 'no error'; } catch (e) { thrown = e.message; }
    const any = AbortSignal.any([AbortSignal.timeout(5), new AbortController().signal]);
    await new Promise((r) => any.addEventListener('abort', r));
    return Response.json({ log, thrown, aborted: c.signal.aborted, anyReason: any.reason.name });
  },
};
