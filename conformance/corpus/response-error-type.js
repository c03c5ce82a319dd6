// RT-6 Response.error() and the default type/url of a constructed response
export default {
  fetch() {
    const e = Response.error();
    return Response.json({ type: e.type, status: e.status, ok: e.ok, basic: new Response('x').type });
  },
};
