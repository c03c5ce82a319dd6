// RT-14 a rejected promise from fetch gives a 500 error page (1101)
// compare: status
export default {
  async fetch() {
    await new Promise((r) => setTimeout(r, 1));
    throw new TypeError('async boom');
  },
};
