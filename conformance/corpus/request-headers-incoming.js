// RT-6 incoming request headers: lower-case names, custom headers, method and path
// request: {"method":"DELETE","path":"/items/42?force=true","headers":{"X-Custom-Header":"Value One","Accept":"text/plain"}}
export default {
  async fetch(request) {
    const url = new URL(request.url);
    return Response.json({ method: request.method, path: url.pathname, force: url.searchParams.get('force'),
      custom: request.headers.get('x-custom-header'), CUSTOM: request.headers.get('X-CUSTOM-HEADER'),
      accept: request.headers.get('accept'), has: request.headers.has('X-Custom-Header') });
  },
};
