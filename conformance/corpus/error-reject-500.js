// RT-1 a rejected fetch() promise becomes a 500 response
// compare: status
export default {
  async fetch() {
    await Promise.resolve();
    throw new TypeError('deliberate async failure');
  },
};
