// RT-6 URL setters on special and non-special URLs: protocol changes, username/password encoding, search/hash clearing
export default {
  fetch() {
    const u = new URL('https://example.com/a?b#c');
    u.protocol = 'http';
    const toFile = new URL('https://example.com/');
    toFile.protocol = 'file';
    u.username = 'us er';
    u.password = 'p@ss';
    u.search = '';
    u.hash = '';
    const ns = new URL('foo://host/path');
    ns.pathname = 'x y';
    const opaque = new URL('mailto:someone@example.com');
    return Response.json({ u: u.href, toFile: toFile.href, ns: ns.href, opaque: [opaque.pathname, opaque.host, opaque.origin] });
  },
};
