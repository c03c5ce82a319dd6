// RT-6 queueMicrotask runs FIFO with promise reactions, nested microtasks run before the next timer; non-function TypeError
export default {
  async fetch() {
    const log = [];
    let err;
    try { queueMicrotask('nope'); err = 'no error'; } catch (e) { err = e.constructor.name; }
    await new Promise((done) => {
      setTimeout(() => { log.push('timer'); done(); }, 0);
      queueMicrotask(() => { log.push('m1'); queueMicrotask(() => log.push('m1-nested')); });
      Promise.resolve().then(() => log.push('p1')).then(() => log.push('p1-then'));
      queueMicrotask(() => log.push('m2'));
    });
    return Response.json({ log, err });
  },
};
