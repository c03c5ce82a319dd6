// RT-6 URLPattern from a URLPatternInit with several components, baseURL inheritance and exec() of an init input
export default {
  fetch() {
    const p = new URLPattern({ protocol: 'http{s}?', hostname: ':sub.example.com', pathname: '/users/:id(\\d+)' });
    const m = p.exec('https://api.example.com/users/42?x=1');
    const b = new URLPattern({ pathname: '/a/:b', baseURL: 'https://base.example/x/y?q#h' });
    const init = new URLPattern({ pathname: '/items/*' }).exec({ pathname: '/items/a/b', hostname: 'anything' });
    return Response.json({
      props: [p.protocol, p.hostname, p.pathname, p.port, p.search, p.hash, p.username, p.password],
      m: m && { protocol: m.protocol, hostname: m.hostname.groups, pathname: m.pathname.groups, search: m.search, inputs: m.inputs },
      notDigits: p.test('https://api.example.com/users/abc'),
      base: [b.protocol, b.hostname, b.port, b.pathname, b.search, b.hash],
      init: init && { pathname: init.pathname, hostname: init.hostname, inputs: init.inputs },
    });
  },
};
