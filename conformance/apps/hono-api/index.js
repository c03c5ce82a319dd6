// A typical Hono JSON API: routing with params, grouped routes, middleware, cookies, CORS, validators,
// error handling, ETags, secure headers, basic/bearer auth, JWT (HS256 via WebCrypto).
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { prettyJSON } from 'hono/pretty-json';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { validator } from 'hono/validator';
import { HTTPException } from 'hono/http-exception';
import { sign, verify, decode } from 'hono/jwt';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';

const app = new Hono();

app.use('*', async (c, next) => {
  await next();
  c.header('x-handled-by', 'hono');
});
app.use('/api/*', cors({ origin: ['https://app.example.com'], allowHeaders: ['X-Custom', 'Content-Type'],
  allowMethods: ['GET', 'POST', 'PUT'], exposeHeaders: ['X-Total'], maxAge: 600, credentials: true }));
app.use('/api/*', prettyJSON());
app.use('/secure/*', secureHeaders());
app.use('/etag/*', etag());
app.use('/admin/*', basicAuth({ username: 'admin', password: 's3cret' }));
app.use('/bearer/*', bearerAuth({ token: 'tok-123' }));
app.use('/slash/*', trimTrailingSlash());

const todos = [{ id: 1, title: 'write tests', done: false }, { id: 2, title: 'ship', done: true }];

app.get('/', (c) => c.text('hello hono'));
app.get('/api/todos', (c) => {
  const done = c.req.query('done');
  const list = done === undefined ? todos : todos.filter((t) => String(t.done) === done);
  c.header('X-Total', String(list.length));
  return c.json(list);
});
app.get('/api/todos/:id{[0-9]+}', (c) => {
  const todo = todos.find((t) => t.id === Number(c.req.param('id')));
  return todo ? c.json(todo) : c.json({ error: 'not found' }, 404);
});
const TodoSchema = z.object({ title: z.string().min(1).max(50), done: z.boolean().default(false),
  tags: z.array(z.string()).optional() });
app.post('/api/todos', zValidator('json', TodoSchema), (c) => {
  const body = c.req.valid('json');
  return c.json({ id: 3, ...body }, 201, { Location: '/api/todos/3' });
});
app.put('/api/todos/:id', validator('form', (value, c) => {
  if (typeof value.title !== 'string' || value.title.length === 0) {
    return c.json({ error: 'title required', got: value }, 400);
  }
  return { title: value.title, tags: value.tag };
}), (c) => c.json({ id: Number(c.req.param('id')), ...c.req.valid('form') }));
app.get('/search', zValidator('query', z.object({ q: z.string(), page: z.coerce.number().int().positive().default(1) })),
  (c) => c.json(c.req.valid('query')));

app.get('/cookies/set', async (c) => {
  setCookie(c, 'session', 'abc 123', { path: '/', httpOnly: true, secure: true, sameSite: 'Lax',
    expires: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) });
  setCookie(c, 'theme', 'dark', { maxAge: 3600 });
  await setSignedCookie(c, 'signed', 'value-1', 'cookie-secret', { path: '/' });
  deleteCookie(c, 'old', { path: '/' });
  return c.text('set');
});
app.get('/cookies/read', async (c) => c.json({ all: getCookie(c), theme: getCookie(c, 'theme') ?? null,
  signed: await getSignedCookie(c, 'cookie-secret', 'signed') }));

app.get('/etag/doc', (c) => c.text('an entity body for the etag middleware'));
app.get('/secure/page', (c) => c.html('<p>secure</p>'));
app.get('/admin/panel', (c) => c.text('welcome admin'));
app.get('/bearer/data', (c) => c.json({ ok: true }));
app.get('/slash/about', (c) => c.text('about'));
app.post('/upload', bodyLimit({ maxSize: 16, onError: (c) => c.text('too big', 413) }), async (c) =>
  c.text('got ' + (await c.req.text()).length));

const JWT_SECRET = 'a-very-secret-key-for-hs256';
app.get('/jwt/sign', async (c) => {
  const token = await sign({ sub: 'user-1', role: 'admin', iat: 1700000000, exp: 4102444800 }, JWT_SECRET);
  return c.json({ token, decoded: decode(token) });
});
app.get('/jwt/verify', async (c) => {
  const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
  try {
    return c.json({ payload: await verify(token, JWT_SECRET, 'HS256') });
  } catch (e) {
    return c.json({ error: e.name, message: e.message }, 401);
  }
});

app.get('/jwt/roundtrip', async (c) => {
  const token = await sign({ sub: 'user-2', nbf: 1600000000, exp: 4102444800 }, JWT_SECRET, 'HS512');
  const payload = await verify(token, JWT_SECRET, 'HS512');
  let wrongAlg;
  try {
    await verify(token, JWT_SECRET, 'HS256');
  } catch (e) {
    wrongAlg = e.name;
  }
  let expired;
  try {
    await verify(await sign({ exp: 1000 }, JWT_SECRET), JWT_SECRET, 'HS256');
  } catch (e) {
    expired = e.name;
  }
  return c.json({ token, payload, wrongAlg, expired });
});

const users = new Hono().basePath('/users');
users.get('/', (c) => c.json(['ann', 'bob']));
users.get('/:name/posts/:post?', (c) => c.json({ params: c.req.param(), url: c.req.url, path: c.req.path,
  routePath: c.req.routePath, queries: c.req.queries('tag') ?? null }));
app.route('/v1', users);

app.get('/headers', (c) => c.json({ ua: c.req.header('user-agent') ?? null, accept: c.req.header('Accept') ?? null,
  method: c.req.method }));
app.all('/any', (c) => c.text(c.req.method));
app.get('/redirect', (c) => c.redirect('/api/todos', 301));
app.get('/throw', () => { throw new HTTPException(418, { message: 'I am a teapot' }); });
app.get('/boom', () => { throw new TypeError('kaboom'); });
app.get('/raw', (c) => c.body(new Uint8Array([104, 105, 0, 255]), 202, { 'content-type': 'application/octet-stream' }));
app.notFound((c) => c.json({ message: 'no route', path: c.req.path }, 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  return c.json({ message: err.message, name: err.name }, 500);
});

export default app;
