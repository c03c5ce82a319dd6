// RT-6 console methods exist and accept any values without throwing (output goes to the log, not the response)
export default {
  fetch() {
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir', 'time', 'timeEnd', 'count', 'group', 'groupEnd', 'assert'];
    const kinds = Object.fromEntries(methods.map((m) => [m, typeof console[m]]));
    const cyc = {};
    cyc.cyc = cyc;
    console.log('conformance', 1, { a: [1, 2] }, cyc, new Map([[1, 2]]), Symbol('s'), 10n, new Error('logged'));
    console.assert(false, 'assertion message');
    return Response.json(kinds);
  },
};
