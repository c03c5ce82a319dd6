// RT-6 scheduler.wait(ms) resolves after the delay, ordered with setTimeout
export default {
  async fetch() {
    const log = [];
    const a = scheduler.wait(20).then(() => log.push('wait 20'));
    const b = new Promise((r) => setTimeout(() => { log.push('timeout 5'); r(); }, 5));
    await Promise.all([a, b]);
    return Response.json({ log, type: typeof scheduler.wait });
  },
};
