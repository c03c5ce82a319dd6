// RT-11 timeouts with equal delays run in FIFO order; a timeout scheduled inside one runs after those already due
export default {
  async fetch() {
    const log = [];
    await new Promise((done) => {
      setTimeout(() => log.push('timeout a'), 0);
      setTimeout(() => { log.push('timeout b'); setTimeout(() => { log.push('nested'); done(); }, 0); }, 0);
      setTimeout(() => log.push('timeout c'), 0);
    });
    return Response.json(log);
  },
};
