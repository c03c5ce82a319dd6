// RT-6 Headers names are case-insensitive and iterate lower-cased
export default {
  fetch() {
    const h = new Headers({ 'Content-TYPE': 'text/plain', 'X-MiXeD': 'Value' });
    h.set('x-mixed', 'Replaced');
    h.append('ACCEPT', 'a');
    return Response.json({ keys: [...h.keys()], get: h.get('CONTENT-type'), mixed: h.get('X-MIXED'), has: h.has('accept'),
      valueCase: h.get('x-mixed') });
  },
};
