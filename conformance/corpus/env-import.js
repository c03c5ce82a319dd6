// RT-5 env imported from cloudflare:workers equals the handler's env bindings
// vars: {"NAME":"outpost","CONF":{"n":1}}
import { env } from 'cloudflare:workers';
export default {
  fetch(request, handlerEnv) {
    return Response.json({ name: env.NAME, conf: env.CONF, same: env.NAME === handlerEnv.NAME });
  },
};
