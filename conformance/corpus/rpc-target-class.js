// RT-5 RpcTarget can be subclassed and used locally; WorkerEntrypoint cannot be constructed bare
import { RpcTarget, WorkerEntrypoint } from 'cloudflare:workers';
class Counter extends RpcTarget {
  #n = 0;
  inc() { return ++this.#n; }
}
export default {
  fetch() {
    const c = new Counter();
    c.inc();
    return Response.json({ n: c.inc(), isTarget: c instanceof RpcTarget, entrypointType: typeof WorkerEntrypoint });
  },
};
