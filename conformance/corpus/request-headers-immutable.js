// RT-6 the incoming request's headers are immutable (TypeError); a new Request copies them into mutable headers
// request: {"method":"GET","path":"/","headers":{"x-in":"1"}}
export default {
  fetch(request) {
    let set;
    try { request.headers.set('x-new', '1'); set = 'mutable'; } catch (e) { set = e.constructor.name; }
    const copy = new Request(request, { headers: request.headers });
    copy.headers.set('x-new', '2');
    return Response.json({ set, copy: [copy.headers.get('x-in'), copy.headers.get('x-new')], original: request.headers.get('x-new') });
  },
};
