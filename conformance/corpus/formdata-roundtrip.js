// RT-6 FormData serialised by Response and parsed back by formData() (multipart build + parse)
export default {
  async fetch() {
    const f = new FormData();
    f.append('field', 'value with \u00e9');
    f.append('file', new File(['file data'], 'data.txt', { type: 'text/plain' }));
    const r = new Response(f);
    const parsed = await r.formData();
    const file = parsed.get('file');
    return Response.json({ field: parsed.get('field'), name: file.name, type: file.type, text: await file.text() });
  },
};
