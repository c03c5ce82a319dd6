// RT-6 Headers trims leading/trailing whitespace of values and keeps inner spaces
export default {
  fetch() {
    const h = new Headers();
    h.set('x-a', '  spaced value \t');
    h.append('x-b', ' ');
    return Response.json({ a: h.get('x-a'), b: h.get('x-b'), missing: h.get('x-missing') });
  },
};
