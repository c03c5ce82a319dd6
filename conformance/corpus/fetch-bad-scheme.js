// RT-8 outbound fetch of a non-http(s) scheme rejects with a TypeError
export default {
  async fetch(request, env) {
    const out = {};
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd']) {
      try {
        await fetch(url);
        out[url] = 'resolved';
      } catch (e) {
        out[url] = { name: e.name, message: e.message };
      }
    }
    return Response.json(out);
  },
};
