// RT-7 non-standard crypto.subtle.timingSafeEqual: equal, different, and different lengths (TypeError)
export default {
  fetch() {
    const a = new Uint8Array([1, 2, 3]);
    let lengths;
    try { crypto.subtle.timingSafeEqual(a, new Uint8Array(2)); lengths = 'no error'; } catch (e) { lengths = e.constructor.name; }
    return Response.json({ equal: crypto.subtle.timingSafeEqual(a, new Uint8Array([1, 2, 3])),
      differ: crypto.subtle.timingSafeEqual(a.buffer, new Uint8Array([1, 2, 4]).buffer), lengths });
  },
};
