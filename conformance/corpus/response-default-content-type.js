// RT-6 content type a Response infers from its body kind (string, URLSearchParams, Blob, bytes, FormData)
export default {
  async fetch() {
    const form = new FormData();
    form.set('a', 'b');
    const kinds = {
      string: new Response('text'),
      params: new Response(new URLSearchParams('a=1&b=2')),
      blob: new Response(new Blob(['x'], { type: 'image/png' })),
      blobUntyped: new Response(new Blob(['x'])),
      bytes: new Response(new Uint8Array([1, 2])),
      buffer: new Response(new ArrayBuffer(3)),
      none: new Response(null),
      explicit: new Response('x', { headers: { 'content-type': 'application/custom' } }),
    };
    const out = {};
    for (const [k, r] of Object.entries(kinds)) out[k] = r.headers.get('content-type');
    out.formData = new Response(form).headers.get('content-type').startsWith('multipart/form-data; boundary=');
    out.paramsBody = await kinds.params.text();
    return Response.json(out);
  },
};
