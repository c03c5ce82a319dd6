// RT-6 Request.formData() on an application/x-www-form-urlencoded body
// request: {"method":"POST","path":"/f","headers":{"content-type":"application/x-www-form-urlencoded"},"body":"a=1&b=two+words&a=%C3%A9&empty="}
export default {
  async fetch(request) {
    const form = await request.formData();
    return Response.json({ entries: [...form.entries()], all: form.getAll('a'), has: form.has('empty'), missing: form.get('zzz') });
  },
};
