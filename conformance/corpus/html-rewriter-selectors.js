// RT-6 HTMLRewriter selectors: each kind lol-html supports, and a TypeError from on() for unsupported ones
export default {
  async fetch() {
    const page = '<div id="m"><p class="a b">1</p><p lang="en-US" title="hello world">2</p>'
      + '<span data-x="abc">3</span><p>4</p><ul><li>i</li><li>ii</li><li>iii</li><li>iv</li></ul></div><section><p>5</p></section>';
    const selectors = ['*', 'p', 'p:nth-child(2)', 'p:first-child', 'p:nth-of-type(2)', 'span:first-of-type', 'p:not(.a)', 'p.b',
      'div#m', '#m', '.a.b', '[data-x]', 'span[data-x="abc"]', '[title~=world]', '[data-x^=ab]', '[data-x$=bc]', '[data-x*=b]',
      '[lang|=en]', '[data-x="ABC" i]', 'div p', 'section > p', 'div > *:nth-child(odd)', 'li:nth-child(2n+1)', 'li:nth-child(-n+2)',
      'li:nth-of-type(even)', 'div *', 'ul > li:not(:first-child)'];
    const hits = {};
    let rw = new HTMLRewriter();
    for (const s of selectors) {
      hits[s] = [];
      rw = rw.on(s, { element(e) { hits[s].push(`${e.tagName}`); } });
    }
    const body = await rw.transform(new Response(page)).text();
    const errors = [];
    for (const s of ['a + b', 'a ~ b', 'p:last-child', 'p::before', 'p:hover', 'p[']) {
      try { new HTMLRewriter().on(s, {}); errors.push(`${s}: ok`); } catch (e) { errors.push(`${s}: ${e.constructor.name}`); }
    }
    return new Response(`${body}\n${selectors.map((s) => `${s} => ${hits[s].join(',')}`).join('\n')}\n${errors.join('\n')}`);
  },
};
