// RT-6 HTMLRewriter attributes: rewrite link hrefs, set/remove attributes, attribute iteration, tag renaming, self-closing
function html(parts) {
  const enc = new TextEncoder();
  let i = 0;
  return new Response(new ReadableStream({ pull(c) { if (i < parts.length) c.enqueue(enc.encode(parts[i++])); else c.close(); } }),
    { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
export default {
  async fetch() {
    const log = [];
    const res = new HTMLRewriter()
      .on('a[href]', {
        element(e) {
          log.push([...e.attributes].map(([n, v]) => `${n}=${v}`).join('&'));
          e.setAttribute('href', e.getAttribute('href').replace('http:', 'https:'));
          e.setAttribute('rel', 'noopener "x"');
          e.removeAttribute('TARGET');
        },
      })
      .on('img', { element(e) { log.push(`${e.tagName} ${e.hasAttribute('alt')} ${e.getAttribute('alt')} ${e.namespaceURI}`); e.setAttribute('loading', 'lazy'); } })
      .on('b', { element(e) { e.tagName = 'STRONG'; log.push(e.tagName); } })
      .on('svg circle', { element(e) { log.push(`${e.tagName} ${e.namespaceURI}`); e.setAttribute('r', '2'); } })
      .transform(html(['<p><a HREF="http://a.test/x" target=_blank class=\'c\'>A</a> <a href=http://b.test data-x=1>B</a>',
        '<img src="i.png" alt=""><img src=j.png/> <b id=b>bold</b> <svg><circle cx=1 /></svg></p>']));
    const body = await res.text();
    return new Response(`${body}\n${log.join('\n')}\n${res.headers.get('content-type')}`);
  },
};
