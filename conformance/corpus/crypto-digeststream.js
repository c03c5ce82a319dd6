// RT-7 crypto.DigestStream: bytes written to it produce the same digest as crypto.subtle.digest
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export default {
  async fetch() {
    const ds = new crypto.DigestStream('SHA-256');
    const w = ds.getWriter();
    await w.write(new TextEncoder().encode('conf'));
    await w.write(new TextEncoder().encode('ormance'));
    await w.close();
    const streamed = hex(await ds.digest);
    const direct = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('conformance')));
    return Response.json({ streamed, same: streamed === direct, isWritable: ds instanceof WritableStream });
  },
};
