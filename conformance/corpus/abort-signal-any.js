// RT-6 AbortSignal.any(): follows the first source to abort, with its reason; already-aborted input aborts at once
export default {
  fetch() {
    const a = new AbortController();
    const b = new AbortController();
    const any = AbortSignal.any([a.signal, b.signal]);
    const before = any.aborted;
    b.abort('b went first');
    a.abort('a second');
    const pre = AbortSignal.any([new AbortController().signal, AbortSignal.abort('pre')]);
    return Response.json({ before, after: any.aborted, reason: any.reason, pre: [pre.aborted, pre.reason], empty: AbortSignal.any([]).aborted });
  },
};
