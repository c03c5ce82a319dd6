// RT-14 fetch returning a non-Response gives a 500 error page
// compare: status
// request: {"path":"/string"}
// request: {"path":"/object"}
// request: {"path":"/undefined"}
export default {
  async fetch(request) {
    const p = new URL(request.url).pathname;
    if (p === '/string') return 'not a response';
    if (p === '/object') return { status: 200, body: 'x' };
    return undefined;
  },
};
