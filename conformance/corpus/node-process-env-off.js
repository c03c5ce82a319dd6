// RT-6 nodejs_compat before 2025-04-01: process.env stays empty even with vars bound
// compatibility-flags: nodejs_compat
// vars: {"GREETING":"hello"}
import process from 'node:process';

export default {
  async fetch(request, env) {
    return Response.json({ keys: Object.keys(process.env), envGreeting: env.GREETING });
  },
};
