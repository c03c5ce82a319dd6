// RT-6 HTMLRewriter inserting content: append a script to head, prepend/append/before/after, setInnerContent, replace, escaping vs {html:true}
export default {
  async fetch() {
    const page = '<!doctype html><html><head><title>T &amp; t</title></head><body><h1>Hi</h1><ul><li>1</li><li>2</li></ul><div id=r>old <b>x</b></div><br></body></html>';
    const res = new HTMLRewriter()
      .on('head', { element(e) { e.append('<script src="/a.js"></script>', { html: true }); e.prepend('<meta charset="utf-8">', { html: true }); } })
      .on('h1', { element(e) { e.before('<hr>'); e.after('<hr>', { html: true }); e.prepend('1 & 2 > 0 "q" \''); e.append('!', { html: false }); } })
      .on('li', { element(e) { e.setInnerContent('<i>item</i>', { html: true }); } })
      .on('ul', { element(e) { e.append('<li>3</li>', { html: true }); e.append('<li>4</li>', { html: true }); e.prepend('A'); e.prepend('B'); } })
      .on('div#r', { element(e) { e.replace('<p>new</p>', { html: true }); e.before('[b]'); e.after('[a1]'); e.after('[a2]'); } })
      .on('br', { element(e) { e.replace('<br/>'); } })
      .transform(new Response(page, { headers: { 'content-type': 'text/html' } }));
    return res;
  },
};
