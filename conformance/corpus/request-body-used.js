// RT-6 Request body read twice: the second read rejects with TypeError, clone() after use throws
// request: {"method":"PUT","path":"/","body":"payload"}
export default {
  async fetch(request) {
    const text = await request.text();
    let second;
    try { await request.text(); second = 'no error'; } catch (e) { second = e.constructor.name; }
    let clone;
    try { request.clone(); clone = 'no error'; } catch (e) { clone = e.constructor.name; }
    return Response.json({ text, bodyUsed: request.bodyUsed, second, clone });
  },
};
