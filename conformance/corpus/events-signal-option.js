// RT-6 addEventListener with { signal }: aborting the signal removes the listener; subclassing EventTarget works
class Emitter extends EventTarget {
  emit(type) { return this.dispatchEvent(new Event(type)); }
}
export default {
  fetch() {
    const e = new Emitter();
    const c = new AbortController();
    const log = [];
    e.addEventListener('tick', () => { log.push('listener'); }, { signal: c.signal });
    e.emit('tick');
    c.abort();
    e.emit('tick');
    e.addEventListener('tick', () => { log.push('after abort'); }, { signal: c.signal });
    e.emit('tick');
    return Response.json({ log, isTarget: e instanceof EventTarget });
  },
};
