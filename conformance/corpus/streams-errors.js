// RT-6 stream errors: an errored stream rejects reads with its reason, cancel() reaches the source, getReader on a locked stream throws
export default {
  async fetch() {
    const errored = new ReadableStream({ start(c) { c.error(new RangeError('broken')); } });
    let readErr;
    try { await errored.getReader().read(); readErr = 'no error'; } catch (e) { readErr = [e.name, e.message]; }
    let cancelReason;
    const cancellable = new ReadableStream({ cancel(reason) { cancelReason = reason; } });
    await cancellable.cancel('stop');
    const locked = new ReadableStream();
    locked.getReader();
    let lockErr;
    try { locked.getReader(); lockErr = 'no error'; } catch (e) { lockErr = e.constructor.name; }
    return Response.json({ readErr, cancelReason, lockErr });
  },
};
