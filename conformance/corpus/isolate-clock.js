// RT-11 clocks: Date.now() advances across a timer, Date/performance API shapes (values themselves are not compared)
export default {
  async fetch() {
    const a = Date.now();
    const p0 = performance.now();
    await new Promise((r) => setTimeout(r, 15));
    return Response.json({ advanced: Date.now() - a >= 15, perfAdvanced: performance.now() >= p0, call: typeof Date(),
      parse: Date.parse('2020-01-01T00:00:00Z'), utc: Date.UTC(2020, 0, 1), fixed: new Date(0).toISOString(),
      instance: new Date() instanceof Date, proto: Object.getPrototypeOf(new Date()) === Date.prototype });
  },
};
