// RT-11 event loop order: sync, microtasks (promise, queueMicrotask), then timers by delay and insertion order
export default {
  async fetch() {
    const log = [];
    await new Promise((done) => {
      setTimeout(() => log.push('timeout 5'), 5);
      setTimeout(() => log.push('timeout 0 a'), 0);
      setTimeout(() => { log.push('timeout 0 b'); Promise.resolve().then(() => log.push('micro in timer')); }, 0);
      queueMicrotask(() => log.push('queueMicrotask'));
      Promise.resolve().then(() => log.push('promise then'));
      log.push('sync');
      setTimeout(done, 30);
    });
    return Response.json(log);
  },
};
