// RT-11 a fetch() promise that nothing can ever resolve: workerd cancels the request at once with a 500
// (only the status: Outpost, like Cloudflare, answers with its 1101 error page; workerd with a plain body)
// compare: status
// request: {"path":"/plain"}
// request: {"path":"/after-timer"}
// request: {"path":"/after-cleared-timer"}
export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === '/after-timer') await new Promise((resolve) => setTimeout(resolve, 10));
    if (path === '/after-cleared-timer') {
      await new Promise((resolve) => clearTimeout(setTimeout(resolve, 10)));
    }
    return new Promise(() => {});
  },
};
