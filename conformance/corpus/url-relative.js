// RT-6 URL resolution against a base, and setters that change components
export default {
  fetch() {
    const base = 'https://example.com/dir/page?q=1';
    const out = ['../up', './same', '/root', '?only=query', '#hash', '//other.org/x', 'https://abs.example/'].map((r) => new URL(r, base).href);
    const u = new URL('https://example.com/path');
    u.pathname = '/new path';
    u.search = 'a=b c';
    u.hash = 'h';
    u.port = '8080';
    u.hostname = 'host.example';
    return Response.json({ out, set: u.href });
  },
};
