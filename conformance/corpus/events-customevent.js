// RT-6 Event and CustomEvent properties: detail, bubbles, cancelable, defaultPrevented, stopImmediatePropagation
export default {
  fetch() {
    const t = new EventTarget();
    const log = [];
    t.addEventListener('msg', (e) => { log.push(['first', e.detail]); e.stopImmediatePropagation(); });
    t.addEventListener('msg', () => log.push('second'));
    const e = new CustomEvent('msg', { detail: { n: 1 }, cancelable: true });
    t.dispatchEvent(e);
    e.preventDefault();
    const plain = new Event('plain');
    const nc = new Event('nc');
    nc.preventDefault();
    let ctorErr;
    try { new Event(); ctorErr = 'no error'; } catch (err) { ctorErr = err.constructor.name; }
    return Response.json({ log, type: e.type, bubbles: e.bubbles, cancelable: e.cancelable, defaultPrevented: e.defaultPrevented,
      isEvent: e instanceof Event, plainDetail: new CustomEvent('x').detail, plain: [plain.cancelable, plain.defaultPrevented, plain.composed],
      ncPrevented: nc.defaultPrevented, ctorErr, timeStamp: typeof plain.timeStamp });
  },
};
