// RT-6 HTMLRewriter removal: remove(), removeAndKeepContent(), removed flag, end tag handlers (before/after/remove/name)
export default {
  async fetch() {
    const log = [];
    const page = '<div class="ad"><p>buy <b>now</b></p></div><section><span>keep me</span></section><p class=x>end</p><em>e</em>';
    const res = new HTMLRewriter()
      .on('.ad', { element(e) { e.remove(); log.push(`ad removed=${e.removed}`); } })
      .on('.ad b', { element(e) { log.push(`inside removed: ${e.tagName}`); } })
      .on('section', { element(e) { e.removeAndKeepContent(); log.push(`section removed=${e.removed}`); } })
      .on('p.x', {
        element(e) {
          e.onEndTag((end) => { log.push(`end ${end.name}`); end.before('<!--b-->', { html: true }); end.after('&after'); });
        },
      })
      .on('em', { element(e) { e.onEndTag((end) => { end.name = 'i'; }); e.tagName = 'i'; } })
      .transform(new Response(page));
    const body = await res.text();
    return new Response(`${body}\n${log.join('\n')}`);
  },
};
