// RT-5 a default-export WorkerEntrypoint class: fetch() sees this.env and this.ctx
// vars: {"GREETING":"hi"}
import { WorkerEntrypoint } from 'cloudflare:workers';
export default class extends WorkerEntrypoint {
  async fetch(request) {
    return Response.json({
      greeting: this.env.GREETING,
      hasWaitUntil: typeof this.ctx.waitUntil,
      isEntrypoint: this instanceof WorkerEntrypoint,
      path: new URL(request.url).pathname,
    });
  }
}
