// RT-6 streamed response from a ReadableStream with a pull() source, produced on demand
export default {
  async fetch() {
    let i = 0;
    const enc = new TextEncoder();
    const stream = new ReadableStream({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 1));
        if (i < 8) c.enqueue(enc.encode('p' + i++ + ';'));
        else c.close();
      },
    });
    return new Response(stream);
  },
};
