// RT-6 HTMLRewriter async handlers awaited in order (timers), and a large body streamed through in many chunks
export default {
  async fetch() {
    const enc = new TextEncoder();
    let i = 0;
    const rows = 3000;
    const source = new Response(new ReadableStream({
      pull(c) {
        if (i === rows) { c.enqueue(enc.encode('</body>')); c.close(); return; }
        const row = `<div class="r" id="d${i}">row ${i} of <b>${rows}</b></div>`;
        // cut each row in the middle of its tag
        c.enqueue(enc.encode(row.slice(0, 7)));
        c.enqueue(enc.encode(row.slice(7)));
        i++;
      },
    }));
    let order = 0;
    const res = new HTMLRewriter()
      .on('div.r', { element(e) { e.setAttribute('data-n', String(++order)); } })
      .on('div#d1, div#d2, div#d3', {
        async element(e) {
          const mine = order;
          await new Promise((r) => setTimeout(r, 4 - mine));
          e.prepend(`[${mine}]`);
        },
      })
      .on('b', { element(e) { e.removeAndKeepContent(); } })
      .transform(source);
    return res;
  },
};
