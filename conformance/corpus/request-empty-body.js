// RT-6 an incoming request framed with Content-Length: 0 (the test client sends it even on GET) has an empty, non-null body
// request: {"method":"GET","path":"/"}
// request: {"method":"POST","path":"/","body":""}
export default {
  async fetch(request) {
    return Response.json({ nullBody: request.body === null, text: await request.text(), bodyUsed: request.bodyUsed, method: request.method });
  },
};
