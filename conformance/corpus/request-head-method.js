// RT-6 a HEAD request reaches the worker as HEAD; the body of its response is not sent
// request: {"method":"HEAD","path":"/h"}
// compare-headers: x-method
export default {
  fetch(request) {
    return new Response('body that HEAD drops', { headers: { 'x-method': request.method } });
  },
};
