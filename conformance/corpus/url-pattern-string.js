// RT-6 URLPattern from a full string pattern with wildcards, optional groups and a base URL
export default {
  fetch() {
    const p = new URLPattern('https://*.example.com/api/:version/*');
    const m = p.exec('https://shop.example.com/api/v2/items/9');
    const q = new URLPattern('/files/:name.:ext?', 'https://example.com');
    const n = q.exec('https://example.com/files/readme');
    return Response.json({ host: m.hostname.groups, path: m.pathname.groups, q: n && n.pathname.groups,
      qTest: q.test('https://other.com/files/a.txt'), hostname: p.hostname });
  },
};
