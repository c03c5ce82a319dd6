// RT-6 request.body read with a getReader() loop: chunk bytes add up to the request body
// request: {"method":"POST","path":"/","body":"0123456789abcdefghij","headers":{"content-type":"text/plain"}}
export default {
  async fetch(request) {
    const reader = request.body.getReader();
    const parts = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(new TextDecoder().decode(value));
    }
    return Response.json({ text: parts.join(''), used: request.bodyUsed });
  },
};
