// RT-6 Request.json() parses the incoming body; method, bodyUsed and content-type are visible
// request: {"method":"POST","path":"/submit?x=1","headers":{"content-type":"application/json"},"body":"{\"a\":[1,2,{\"b\":null}],\"s\":\"h\u00e9\"}"}
export default {
  async fetch(request) {
    const before = request.bodyUsed;
    const data = await request.json();
    return Response.json({ method: request.method, before, after: request.bodyUsed, data,
      type: request.headers.get('content-type'), search: new URL(request.url).search });
  },
};
