// RT-6 an Event can be dispatched again after its dispatch ended; dispatching it from inside its own listener throws InvalidStateError
export default {
  fetch() {
    const t = new EventTarget();
    const e = new Event('x');
    const log = [];
    t.addEventListener('x', (ev) => {
      log.push(ev.eventPhase);
      if (log.length === 1) {
        try { t.dispatchEvent(ev); log.push('nested ok'); } catch (err) { log.push(err.name); }
      }
    });
    t.dispatchEvent(e);
    t.dispatchEvent(e);
    return Response.json({ log, phaseAfter: e.eventPhase });
  },
};
