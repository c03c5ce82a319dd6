// RT-6 URL hosts of special schemes: forbidden code points rejected, empty hosts rejected, ports out of range rejected
export default {
  fetch() {
    const out = {};
    for (const s of ['http://exa<mple.com/', 'http:///nohost', 'https://example.com:65536/', 'https://example.com:65535/', 'http://a b/',
      'http://example.com:8080abc/', 'ws://example.com:80/', 'wss://example.com:443/x', 'http://%41.com/', 'http://xn--nxasmq6b.com/']) {
      try { out[s] = new URL(s).href; } catch (e) { out[s] = e.constructor.name; }
    }
    return Response.json(out);
  },
};
