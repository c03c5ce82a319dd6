// RT-6 Headers carried by Request/Response constructors: init forms (record, pairs, Headers), later mutation independent
export default {
  fetch() {
    const base = new Headers({ 'x-a': '1' });
    const req = new Request('https://example.com/', { headers: base });
    const res = new Response('x', { headers: [['x-b', '2'], ['x-b', '3']] });
    base.set('x-a', 'changed');
    const copy = new Response(res.body, res);
    copy.headers.set('x-b', 'copy');
    return Response.json({ req: req.headers.get('x-a'), res: res.headers.get('x-b'), copy: copy.headers.get('x-b'),
      copyStatus: copy.status, sameObject: copy.headers === res.headers });
  },
};
