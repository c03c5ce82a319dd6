// RT-8 returning a fetched response directly streams the origin's status and body through
// compare-headers: x-origin
// request: {"path":"/status/404"}
// request: {"path":"/echo"}
// request: {"path":"/chunks"}
export default {
  async fetch(request, env) {
    return fetch(env.ORIGIN + new URL(request.url).pathname);
  },
};
