// RT-6 HTMLRewriter text chunks in data state: chunk boundaries, '<' not starting a tag, entities, lastInTextNode
function html(parts) {
  const enc = new TextEncoder();
  let i = 0;
  return new Response(new ReadableStream({ pull(c) { if (i < parts.length) c.enqueue(enc.encode(parts[i++])); else c.close(); } }));
}
export default {
  async fetch() {
    const seen = [];
    const body = await new HTMLRewriter()
      .onDocument({ text(t) { seen.push(`${JSON.stringify(t.text)}${t.lastInTextNode ? '$' : ''}`); } })
      .transform(html(['<p>a < b &amp; c', ' and d</p>\n<div>x<', 'y>z</div>', '<p>1 <3 2</p>tail']))
      .text();
    return new Response(`${body}\n${seen.join(' ')}`);
  },
};
