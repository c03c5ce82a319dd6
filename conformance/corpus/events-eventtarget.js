// RT-6 EventTarget: listener order, once, duplicates ignored, removeEventListener, handleEvent objects, dispatch return value
export default {
  fetch() {
    const t = new EventTarget();
    const log = [];
    const f = (e) => { log.push(['f', e.type, e.target === t, e.currentTarget === t, e.eventPhase]); };
    t.addEventListener('x', f);
    t.addEventListener('x', f);
    t.addEventListener('x', () => { log.push('once'); }, { once: true });
    t.addEventListener('x', { handleEvent: (e) => { log.push(['obj', e.type]); } });
    const r1 = t.dispatchEvent(new Event('x'));
    t.removeEventListener('x', f);
    t.dispatchEvent(new Event('x'));
    t.addEventListener('c', (e) => e.preventDefault());
    const cancelled = t.dispatchEvent(new Event('c', { cancelable: true }));
    const notCancelable = t.dispatchEvent(new Event('c'));
    return Response.json({ log, r1, cancelled, notCancelable });
  },
};
