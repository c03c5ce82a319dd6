// RT-6 Request.formData() parses multipart/form-data: text fields, repeated names, a file part with name and type
// request: {"method":"POST","path":"/upload","headers":{"content-type":"multipart/form-data; boundary=XyZ"},"body":"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello \u00e9\r\n--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\na\r\n--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nb\r\n--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\nline 2\r\n--XyZ--\r\n"}
export default {
  async fetch(request) {
    const form = await request.formData();
    const doc = form.get('doc');
    return Response.json({ title: form.get('title'), tags: form.getAll('tag'), keys: [...form.keys()],
      doc: { isFile: doc instanceof File, name: doc.name, type: doc.type, size: doc.size, text: await doc.text() } });
  },
};
