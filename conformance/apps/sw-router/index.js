// A service-worker syntax worker as older projects still ship them: addEventListener('fetch'), bindings as
// globals, itty-router's Router with json/error helpers, event.waitUntil and event.passThroughOnException.
import { Router, json, error, text, withParams } from 'itty-router';

const router = Router({ before: [withParams] });
let waited = 0;

router
  .get('/', () => text(`${GREETING} from a service worker`))
  .get('/config', () => json({ config: CONFIG, type: typeof CONFIG }))
  .get('/items/:id', ({ id, query }) => json({ id, query }))
  .post('/echo', async (request) => json({ body: await request.text(), method: request.method }))
  .get('/waited', () => json({ waited }))
  .get('/throws', () => {
    throw new Error('handler failed');
  })
  .all('*', () => error(404, 'no such route'));

addEventListener('fetch', (event) => {
  event.passThroughOnException();
  event.waitUntil(Promise.resolve().then(() => {
    waited++;
  }));
  event.respondWith(router.fetch(event.request).catch((e) => error(500, e.message)));
});
