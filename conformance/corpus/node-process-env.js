// RT-6 nodejs_compat from 2025-04-01 (nodejs_compat_populate_process_env): text and JSON vars appear in process.env as strings
// compatibility-date: 2025-05-01
// compatibility-flags: nodejs_compat
// vars: {"GREETING":"hello","CONFIG":{"a":1},"COUNT":5}
import process from 'node:process';

export default {
  async fetch(request, env) {
    const e = process.env;
    return Response.json({ keys: Object.keys(e).filter((k) => k !== 'ORIGIN' && k !== 'WS_ORIGIN').sort(),
      greeting: e.GREETING, config: e.CONFIG, count: e.COUNT, types: [typeof e.CONFIG, typeof e.COUNT],
      origin: typeof e.ORIGIN, same: globalThis.process.env === e, envGreeting: env.GREETING });
  },
};
