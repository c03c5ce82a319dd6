// RT-6 Request.clone(): both copies read the same body independently
// request: {"method":"POST","path":"/c","body":"cloned body"}
export default {
  async fetch(request) {
    const copy = request.clone();
    const a = await request.text();
    const b = await copy.text();
    return Response.json({ a, b, sameUrl: copy.url === request.url, method: copy.method, used: [request.bodyUsed, copy.bodyUsed] });
  },
};
