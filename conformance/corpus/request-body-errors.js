// RT-6 Request body parsing errors: invalid JSON rejects with SyntaxError; blob() takes the content type
// request: {"method":"POST","path":"/","headers":{"content-type":"text/x-thing"},"body":"{not json"}
export default {
  async fetch(request) {
    const copy = request.clone();
    let json;
    try { await request.json(); json = 'no error'; } catch (e) { json = e.constructor.name; }
    const blob = await copy.blob();
    return Response.json({ json, blob: [blob.type, blob.size, await blob.text()] });
  },
};
