// RT-6 request.body.tee(): both branches read the whole body
// request: {"method":"POST","path":"/","body":"tee me twice","headers":{"content-type":"text/plain"}}
export default {
  async fetch(request) {
    const [a, b] = request.body.tee();
    const [x, y] = await Promise.all([new Response(a).text(), new Response(b).text()]);
    return Response.json({ x, y, locked: request.body.locked });
  },
};
