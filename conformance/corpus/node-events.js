// RT-6 node:events under nodejs_compat: EventEmitter on/once/off/prepend/emit order, errors, listenerCount, once()
// compatibility-flags: nodejs_compat
import { EventEmitter, once } from 'node:events';
import EE from 'events';

export default {
  async fetch() {
    const log = [];
    const e = new EventEmitter();
    const a = (x) => log.push(`a${x}`);
    const b = (x) => log.push(`b${x}`);
    e.on('newListener', (name) => log.push(`new:${String(name)}`));
    e.on('x', a);
    e.prependListener('x', b);
    e.once('x', (x) => log.push(`once${x}`));
    log.push(e.listenerCount('x'));
    log.push(e.emit('x', 1));
    log.push(e.emit('x', 2));
    e.off('x', a);
    log.push(e.emit('x', 3));
    log.push(e.emit('nothing'));
    log.push(e.eventNames().map(String).join(','));
    e.removeAllListeners('x');
    log.push(e.listenerCount('x'));
    let err;
    try {
      e.emit('error', new Error('boom'));
    } catch (x) {
      err = x.message;
    }
    let err2;
    try {
      e.emit('error', 'text');
    } catch (x) {
      err2 = [x.message, x.code];
    }
    const waiter = once(e, 'ready');
    e.emit('ready', 1, 2);
    const args = await waiter;
    const failing = once(e, 'done');
    e.emit('error', new Error('nope'));
    const rejected = await failing.then(() => 'resolved', (x) => x.message);
    class Sub extends EE {}
    const s = new Sub();
    let self;
    s.on('me', function () { self = this === s; });
    s.emit('me');
    return Response.json({ log, err, err2, args, rejected, self, same: EE === EventEmitter, max: e.getMaxListeners(),
      listeners: e.listeners('newListener').length, raw: (() => { const t = new EventEmitter(); const f = () => {}; t.once('z', f);
        return [t.listeners('z')[0] === f, t.rawListeners('z')[0] === f]; })() });
  },
};
