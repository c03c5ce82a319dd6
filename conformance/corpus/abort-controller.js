// RT-6 AbortController: abort event fires once, reason default AbortError, custom reason, throwIfAborted
export default {
  fetch() {
    const c = new AbortController();
    const events = [];
    c.signal.addEventListener('abort', (e) => events.push([e.type, e.isTrusted, c.signal.aborted]));
    c.signal.onabort = () => events.push('onabort');
    const before = c.signal.aborted;
    c.abort();
    c.abort('second');
    const reason = c.signal.reason;
    let thrown;
    try { c.signal.throwIfAborted(); thrown = 'no'; } catch (e) { thrown = e === reason; }
    const c2 = new AbortController();
    c2.abort('custom reason');
    return Response.json({ before, events, reason: [reason.name, reason.code, reason instanceof DOMException], thrown,
      custom: c2.signal.reason, aborted: AbortSignal.abort().aborted, abortReason: AbortSignal.abort(42).reason });
  },
};
