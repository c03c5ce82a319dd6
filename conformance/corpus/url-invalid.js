// RT-6 invalid URLs throw TypeError; URL.canParse reports without throwing
export default {
  fetch() {
    const out = {};
    for (const s of ['not a url', 'http://', 'https://exa mple.com/', '/relative', 'http://[::1]/', 'http://300.1.1.1/']) {
      try { out[s] = new URL(s).href; } catch (e) { out[s] = e.constructor.name; }
    }
    out.canParse = [URL.canParse('https://a.b/'), URL.canParse('nope'), URL.canParse('/x', 'https://a.b')];
    return Response.json(out);
  },
};
