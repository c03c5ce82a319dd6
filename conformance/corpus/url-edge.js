// RT-6 URL edge cases: IPv6 compression, backslashes in special URLs, file URLs, percent-encoded hosts, tabs and newlines stripped
export default {
  fetch() {
    const inputs = ['http://[2001:db8:0:0:0:0:0:1]/', 'https:\\\\example.com\\a\\b', 'file:///C:/dir/../file.txt', 'http://ex%41mple.com/',
      'https://exa\tmple.com/p\nath', 'http://example.com:/', 'HTTP://EXAMPLE.COM/%7e', 'https://example.com/?%zz', 'blob:https://a.b/uuid',
      'http://1.2.3/', 'http://[::ffff:192.168.0.1]/'];
    const out = {};
    for (const s of inputs) { try { out[s] = new URL(s).href; } catch (e) { out[s] = e.constructor.name; } }
    out.blobOrigin = new URL('blob:https://a.b/uuid').origin;
    return Response.json(out);
  },
};
