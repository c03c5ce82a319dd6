// RT-6 TextDecoderStream with fatal: invalid bytes error the stream (TypeError); a split 4-byte sequence decodes
export default {
  async fetch() {
    const read = async (chunks, opts) => {
      const rs = new ReadableStream({ start(c) { for (const ch of chunks) c.enqueue(new Uint8Array(ch)); c.close(); } });
      let out = '';
      try {
        const reader = rs.pipeThrough(new TextDecoderStream('utf-8', opts)).getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
        return out;
      } catch (e) { return [out, e.constructor.name]; }
    };
    return Response.json({ split: await read([[0xf0, 0x9f], [0x98], [0x80, 0x21]]), fatal: await read([[0x61, 0xff]], { fatal: true }),
      lenient: await read([[0x61, 0xff]]), truncated: await read([[0x61, 0xe2, 0x9c]]) });
  },
};
