// RT-12 compatibility date 2026-03-17 with nodejs_compat: the flags nodejs_compat implies by then (module flags, performance classes, process v2, ...) as workerd reports them
// compatibility-date: 2026-03-17
// compatibility-flags: nodejs_compat
export default {
  async fetch() {
    return Response.json(Cloudflare.compatibilityFlags);
  },
};
