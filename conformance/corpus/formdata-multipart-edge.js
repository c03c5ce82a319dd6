// RT-6 multipart parsing edge cases: file part without content type, empty file name, quoted names, preamble text
// request: {"method":"POST","path":"/","headers":{"content-type":"multipart/form-data; boundary=\"b-1\""},"body":"preamble\r\n--b-1\r\nContent-Disposition: form-data; name=\"f\"; filename=\"raw.bin\"\r\n\r\n\u0001\u0002\r\n--b-1\r\nContent-Disposition: form-data; name=\"with space\"\r\n\r\nv\r\n--b-1--\r\nepilogue"}
export default {
  async fetch(request) {
    const form = await request.formData();
    const f = form.get('f');
    return Response.json({ keys: [...form.keys()], file: [f.name, f.type, f.size], space: form.get('with space') });
  },
};
