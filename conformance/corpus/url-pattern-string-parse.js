// RT-6 URLPattern constructor strings: components split from full patterns, default ports, search and hash parts
const patterns = ['https://example.com:443/a?x=:y#:h', 'http://user\\:pass@*.example.org:8080/*', 'https://example.com/foo?*',
  '*://*/*', 'data\\:text/plain,:rest', 'https://{:sub.}?example.com/'];
export default {
  fetch() {
    const out = {};
    for (const s of patterns) {
      try {
        const p = new URLPattern(s);
        out[s] = [p.protocol, p.username, p.password, p.hostname, p.port, p.pathname, p.search, p.hash];
      } catch (e) {
        out[s] = e.constructor.name;
      }
    }
    const m = new URLPattern('https://{:sub.}?example.com/').exec('https://www.example.com/');
    out.sub = m && m.hostname.groups;
    out.q = new URLPattern('https://example.com/a?x=:y#:h').exec('https://example.com/a?x=1#top');
    return Response.json(out);
  },
};
