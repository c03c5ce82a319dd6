// RT-6 CountQueuingStrategy / ByteLengthQueuingStrategy sizes and the controller's desiredSize under backpressure
export default {
  async fetch() {
    const count = new CountQueuingStrategy({ highWaterMark: 3 });
    const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
    let controller;
    const rs = new ReadableStream({ start(c) { controller = c; } }, count);
    const sizes = [controller.desiredSize];
    controller.enqueue('a');
    controller.enqueue('b');
    sizes.push(controller.desiredSize);
    const rb = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(10)); sizes.push(c.desiredSize); } }, bytes);
    return Response.json({ count: [count.highWaterMark, count.size('x')], bytes: [bytes.highWaterMark, bytes.size(new Uint8Array(7))], sizes,
      locked: [rs.locked, rb.locked] });
  },
};
