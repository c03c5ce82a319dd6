// RT-6 global surface details as in workerd: performance.timeOrigin 0 (now() reads Date.now()), Response.cf from init, URL.createObjectURL/revokeObjectURL unimplemented, DOMException's retired legacy constants, console's inspector-only methods, origin/reportError globals, no WeakRef before enable_weak_ref, workerd's error messages (TextDecoder label, queueMicrotask, atob)
async function t(f) { try { return await f(); } catch (e) { return `${e.name}: ${e.message}`; } }
export default { async fetch() {
  const out = {};
  out.perf = [performance.timeOrigin, Math.abs(performance.now() - Date.now()) < 5];
  out.respCf = await t(() => { const a = new Response('x', { cf: { a: 1 } }); const b = new Response('y', a); return [new Response('x').cf, a.cf.a, b.cf?.a, a.clone().cf?.a, 'cf' in Response.prototype]; });
  out.objURL = await t(() => URL.createObjectURL(new Blob(['x'])));
  out.revokeURL = await t(() => URL.revokeObjectURL('blob:x'));
  out.domexLegacy = [DOMException.VALIDATION_ERR, DOMException.INUSE_ATTRIBUTE_ERR, DOMException.NO_DATA_ALLOWED_ERR, DOMException.DOMSTRING_SIZE_ERR, new DOMException('m').VALIDATION_ERR];
  out.console = ['clear', 'profile', 'profileEnd', 'timeStamp', 'context'].map((m) => typeof console[m]);
  out.tdBad = await t(() => new TextDecoder('nope'));
  out.qm = await t(() => queueMicrotask('x'));
  out.atobBad = await t(() => atob('a'));
  out.globals = [typeof origin, origin, typeof reportError, typeof WeakRef, typeof FinalizationRegistry];
  out.reportError = await t(() => reportError(new Error('reported')));
  return Response.json(out);
}};
