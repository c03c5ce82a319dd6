// An itty-router v5 API (AutoRouter, cors, withContent, withCookies, StatusError, typed responses) whose
// auth uses @tsndr/cloudflare-worker-jwt, with a nested router and a scheduled-style env read.
import { AutoRouter, Router, IttyRouter, cors, error, json, text, html, status, withContent, withCookies,
  withParams, StatusError, createResponse } from 'itty-router';
import jwt from '@tsndr/cloudflare-worker-jwt';

const { preflight, corsify } = cors({ origin: ['https://a.example', 'https://b.example'], credentials: true,
  allowMethods: 'GET, POST, DELETE', exposeHeaders: ['x-count'], maxAge: 84400 });
const csv = createResponse('text/csv; charset=utf-8');
const SECRET = 'itty-jwt-secret';

const withAuth = async (request, env) => {
  const token = request.headers.get('authorization')?.split(' ')[1];
  if (!token || !(await jwt.verify(token, env.JWT_SECRET ?? SECRET, { throwError: false }))) {
    return error(401, 'invalid token');
  }
  request.user = jwt.decode(token).payload;
};

const admin = IttyRouter({ base: '/admin' });
admin
  .get('/whoami', withAuth, (request) => json({ user: request.user }))
  .all('*', () => error(404, { message: 'admin route missing' }));

const legacy = Router({ base: '/legacy', before: [withParams], catch: (e) => error(e), finally: [json] });
legacy.get('/items/:id', ({ id }) => ({ id, legacy: true }));

const router = AutoRouter({ before: [preflight], finally: [corsify],
  missing: () => error(404, 'nothing here') });

router
  .get('/', () => 'itty home')
  .get('/json', () => ({ a: 1, nested: { list: [1, 'two', null] } }))
  .get('/items/:id/:sub?', ({ params, query }) => ({ params, query }))
  .get('/files/:name.:ext', ({ params }) => params)
  .get('/wild/*', (request) => ({ route: request.route, url: request.url }))
  .post('/echo', withContent, ({ content, headers }) => ({ content, type: headers.get('content-type') }))
  .get('/cookies', withCookies, ({ cookies }) => cookies)
  .get('/csv', () => csv('a,b\n1,2\n'))
  .get('/html', () => html('<h1>itty</h1>'))
  .get('/text', () => text('plain text', { status: 203, headers: { 'x-count': '7' } }))
  .get('/status', () => status(204))
  .get('/teapot', () => { throw new StatusError(418, { message: 'short and stout', detail: 42 }); })
  .get('/crash', () => { throw new Error('unexpected'); })
  .get('/env', (request, env) => ({ greeting: env.GREETING, config: env.CONFIG }))
  .get('/token', async () => {
    const token = await jwt.sign({ sub: 'u1', name: 'Ann', iat: 1700000000, exp: 4102444800 }, SECRET);
    const rs = await jwt.sign({ sub: 'u1', exp: 4102444800 }, SECRET, { algorithm: 'HS512' });
    return { token, decoded: jwt.decode(token), hs512: rs, valid: await jwt.verify(rs, SECRET, { algorithm: 'HS512' }),
      wrongSecret: await jwt.verify(token, 'nope'), expired: await jwt.verify(await jwt.sign({ exp: 1 }, SECRET), SECRET) };
  })
  .all('/admin/*', admin.fetch)
  .all('/legacy/*', legacy.fetch);

export default { ...router };
