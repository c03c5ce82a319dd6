// RT-6 HTMLRewriter text handlers: words split across chunks buffered and replaced, raw text in script/style/textarea/title
function html(parts) {
  const enc = new TextEncoder();
  let i = 0;
  return new Response(new ReadableStream({ pull(c) { if (i < parts.length) c.enqueue(enc.encode(parts[i++])); else c.close(); } }));
}
export default {
  async fetch() {
    let buffer = '';
    const raw = [];
    const res = new HTMLRewriter()
      .on('p', {
        text(t) {
          buffer += t.text;
          if (t.lastInTextNode) { t.replace(buffer.replaceAll('cloud', 'sky').replaceAll('<', '')); buffer = ''; } else t.remove();
        },
      })
      .on('script, style, textarea, title', { text(t) { if (t.text !== '') raw.push(t.text); } })
      .transform(html(['<title>a <b> c</title><p>the clo', 'ud is a cl', 'oud &amp; ', 'more</p><p>clo', 'ud</p>',
        '<script>if (a < b && c > d) { x = "</p>"; }</script><style>p > a {}</style><textarea><p>t</p></textarea>']));
    const body = await res.text();
    return new Response(`${body}\n${raw.join('|')}`);
  },
};
