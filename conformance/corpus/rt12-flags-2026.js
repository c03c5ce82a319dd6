// RT-12 compatibility date 2026-11-17 without flags: every flag's state as workerd 1.20261117 reports it (nodejs_compat and its implications on by date since 2026-08-04), and node:* imports work without the flag
// compatibility-date: 2026-11-17
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

export default {
  async fetch() {
    return Response.json({ flags: Cloudflare.compatibilityFlags, buffer: typeof globalThis.Buffer,
      gzip: Buffer.from(gzipSync('2026')).toString('hex') });
  },
};
