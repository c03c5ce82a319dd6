// RT-6 WritableStream sink: start/write/close calls, writer.ready, desiredSize, closed promise
export default {
  async fetch() {
    const log = [];
    const ws = new WritableStream({
      start() { log.push('start'); },
      write(chunk) { log.push(`write ${chunk}`); },
      close() { log.push('close'); },
    }, new CountQueuingStrategy({ highWaterMark: 2 }));
    const w = ws.getWriter();
    const desired = w.desiredSize;
    await w.ready;
    await w.write('a');
    await w.write('b');
    await w.close();
    await w.closed;
    return Response.json({ log, desired, locked: ws.locked });
  },
};
