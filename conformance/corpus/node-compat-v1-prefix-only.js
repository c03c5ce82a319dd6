// RT-6 nodejs_compat before 2024-09-23 (no nodejs_compat_v2): node: names import, no Node globals
// compatibility-date: 2024-09-01
// compatibility-flags: nodejs_compat
import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';
import path from 'node:path';

export default {
  async fetch() {
    return Response.json({ globals: [typeof globalThis.Buffer, typeof globalThis.process, typeof globalThis.global,
      typeof globalThis.setImmediate], buffer: Buffer.from('hi').toString('hex'), events: typeof EventEmitter,
      path: path.join('a', 'b'), v2: Cloudflare.compatibilityFlags.nodejs_compat_v2 });
  },
};
