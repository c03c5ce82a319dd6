// RT-6 without nodejs_compat: no Buffer/process/global/setImmediate globals
export default {
  async fetch() {
    return Response.json({ globals: [typeof globalThis.Buffer, typeof globalThis.process, typeof globalThis.global,
      typeof globalThis.setImmediate, typeof globalThis.clearImmediate] });
  },
};
