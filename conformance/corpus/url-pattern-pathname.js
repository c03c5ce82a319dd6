// RT-6 URLPattern with a pathname pattern: named groups, test() and exec()
export default {
  fetch() {
    const p = new URLPattern({ pathname: '/books/:id' });
    const m = p.exec('https://example.com/books/123');
    return Response.json({ test: [p.test('https://example.com/books/123'), p.test('https://example.com/books')],
      groups: m.pathname.groups, input: m.pathname.input, pathname: p.pathname, protocol: p.protocol });
  },
};
