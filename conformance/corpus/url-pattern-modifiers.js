// RT-6 URLPattern modifiers (?, +, *), groups {...}, regexp groups, ignoreCase and the generated pattern strings
const cases = [
  ['/a/:x?', ['/a', '/a/1', '/a/1/2']],
  ['/a/:x+', ['/a', '/a/1', '/a/1/2']],
  ['/a/:x*', ['/a', '/a/1/2']],
  ['/post{s}?/:id', ['/post/1', '/posts/1', '/postss/1']],
  ['/file{.:ext}?', ['/file', '/file.txt']],
  ['/(\\d+)/:rest(.*)', ['/12/x/y', '/ab/x']],
  ['/foo/*', ['/foo/', '/foo/bar/baz', '/foo']],
  ['/caf\u00e9/:n', ['/caf%C3%A9/1']],
  ['/:a-:b', ['/x-y']],
  ['/\\:literal', ['/:literal']],
];
export default {
  fetch() {
    const out = cases.map(([pathname, inputs]) => {
      const p = new URLPattern({ pathname });
      return [pathname, p.pathname, inputs.map((i) => { const m = p.exec({ pathname: i }); return m && m.pathname.groups; })];
    });
    const ci = new URLPattern({ pathname: '/Books/:id' }, { ignoreCase: true });
    const errors = {};
    for (const [k, f] of Object.entries({ dup: () => new URLPattern({ pathname: '/:a/:a' }), group: () => new URLPattern({ pathname: '/(a(b))' }),
      relative: () => new URLPattern('/no-base'), badRegexp: () => new URLPattern({ pathname: '/([)' }) })) {
      try { f(); errors[k] = 'no error'; } catch (e) { errors[k] = e.constructor.name; }
    }
    return Response.json({ out, ci: [ci.test({ pathname: '/books/1' }), ci.test({ pathname: '/BOOKS/1' })], errors });
  },
};
