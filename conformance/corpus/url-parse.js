// RT-6 URL parsing: every component of an absolute URL, plus toString/toJSON
export default {
  fetch() {
    const u = new URL('HTTPS://user:pa%20ss@Example.COM:8443/a/./b/../c%2Fd?x=1&y=%20#Frag');
    const keys = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
    const out = Object.fromEntries(keys.map((k) => [k, u[k]]));
    out.json = u.toJSON();
    out.defaultPort = new URL('http://example.com:80/').port;
    return Response.json(out);
  },
};
