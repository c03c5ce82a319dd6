// RT-5 a WorkerEntrypoint class with helper methods and fields called from fetch()
import { WorkerEntrypoint } from 'cloudflare:workers';
export class Other extends WorkerEntrypoint {
  fetch() { return new Response('other'); }
}
export default class Main extends WorkerEntrypoint {
  count = 0;
  add(n) { this.count += n; return this.count; }
  async fetch() {
    this.add(2);
    return Response.json({ count: this.add(3), name: this.constructor.name, otherIsClass: typeof Other });
  }
}
