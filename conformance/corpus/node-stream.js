// RT-6 node:stream under nodejs_compat (minimal subset): Writable with write callback/finish, Readable push/data/end, Readable.from, Transform, PassThrough pipe
// compatibility-flags: nodejs_compat
import { Writable, Readable, Transform, PassThrough } from 'node:stream';

export default {
  async fetch() {
    const log = [];
    const chunks = [];
    const w = new Writable({
      write(chunk, encoding, callback) {
        chunks.push([Buffer.isBuffer(chunk), chunk.toString(), encoding]);
        callback();
      },
    });
    await new Promise((resolve) => {
      w.on('finish', () => {
        log.push('finish');
        resolve();
      });
      w.write('a', () => log.push('cb-a'));
      w.write(Buffer.from('b'));
      w.end('c');
    });
    const r = new Readable({ read() {} });
    const got = [];
    const ended = new Promise((resolve) => r.on('end', resolve));
    r.on('data', (d) => got.push(d.toString()));
    r.push('x');
    r.push('y');
    r.push(null);
    await ended;
    const fromItems = [];
    for await (const item of Readable.from(['p', 'q', 'r'])) fromItems.push(item);
    const upper = new Transform({
      transform(chunk, encoding, callback) {
        callback(null, chunk.toString().toUpperCase());
      },
    });
    const out = [];
    const done = new Promise((resolve) => upper.on('end', resolve));
    upper.on('data', (d) => out.push(d.toString()));
    upper.write('hello');
    upper.end('world');
    await done;
    const through = new PassThrough();
    const sink = [];
    const sinkDone = new Promise((resolve) => {
      const target = new Writable({ write(c, e, cb) { sink.push(c.toString()); cb(); } });
      target.on('finish', resolve);
      through.pipe(target);
    });
    through.write('1');
    through.end('2');
    await sinkDone;
    return Response.json({ log, chunks, got, fromItems, out, sink, writable: [w.writable, w.writableEnded] });
  },
};
