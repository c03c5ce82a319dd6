// RT-6 HTMLRewriter document handlers: doctype fields, comments (read, set text, remove, replace), document end append
export default {
  async fetch() {
    const log = [];
    const page = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
      + '<html><!-- one --><body><!--secret--><p>x<!-- three --></p><!----></body></html>';
    const res = new HTMLRewriter()
      .onDocument({
        doctype(d) { log.push(`doctype ${d.name} ${d.publicId} ${d.systemId}`); },
        comments(c) {
          log.push(`comment [${c.text}]`);
          if (c.text === 'secret') c.remove();
          else if (c.text === ' three ') c.replace('<b>3</b>', { html: true });
          else c.text = c.text.toUpperCase();
        },
        end(e) { e.append('<!-- end -->', { html: true }); e.append('<&>'); },
      })
      .on('p', { comments(c) { c.before('[p]'); } })
      .transform(new Response(page));
    const body = await res.text();
    const simple = await new HTMLRewriter().onDocument({ doctype(d) { log.push(`simple ${d.name} ${d.publicId} ${d.systemId}`); } })
      .transform(new Response('<!doctype html><p>')).text();
    return new Response(`${body}\n${simple}\n${log.join('\n')}`);
  },
};
