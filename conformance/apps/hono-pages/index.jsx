// A Hono site: JSX pages through the jsx-renderer middleware, the html helper, streaming text, SSE,
// JSX streaming with Suspense, content negotiation, method override, request bodies of every kind.
import { Hono } from 'hono';
import { jsx, Fragment } from 'hono/jsx';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import { Suspense, renderToReadableStream } from 'hono/jsx/streaming';
import { html, raw } from 'hono/html';
import { stream, streamText, streamSSE } from 'hono/streaming';
import { methodOverride } from 'hono/method-override';
import { timing, startTime, endTime } from 'hono/timing';
import { poweredBy } from 'hono/powered-by';
import { accepts } from 'hono/accepts';
import { requestId } from 'hono/request-id';
import { languageDetector } from 'hono/language';
import { csrf } from 'hono/csrf';

const app = new Hono();
app.use('*', poweredBy());
app.use('/form/*', methodOverride({ app }));
app.use('/csrf/*', csrf({ origin: 'https://site.example.com' }));
app.use('/rid/*', requestId({ generator: () => 'fixed-request-id' }));
app.use('/lang/*', languageDetector({ supportedLanguages: ['en', 'fr', 'de'], fallbackLanguage: 'en',
  order: ['querystring', 'cookie', 'header'] }));

const Layout = ({ children, title }) => (
  <html lang="en">
    <head><meta charset="utf-8" /><title>{title}</title></head>
    <body><main>{children}</main><footer>&copy; example</footer></body>
  </html>
);
app.use('/pages/*', jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, { docType: true }));

const Item = ({ name, price }) => <li class={price > 10 ? 'pricey' : 'cheap'} data-price={price}>{name} — ${price.toFixed(2)}</li>;
const Path = () => <span>{useRequestContext().req.path}</span>;

app.get('/pages/shop', (c) => c.render(
  <>
    <h1>Shop &amp; "quotes" &lt;3</h1>
    <ul>{[{ name: 'tea', price: 4.5 }, { name: 'pot', price: 25 }].map((i) => <Item {...i} />)}</ul>
    <p style={{ color: 'red', fontSize: '12px' }} hidden={false} disabled>{null}{undefined}{false}{0}<Path /></p>
    <div dangerouslySetInnerHTML={{ __html: '<b>raw</b>' }} />
  </>, { title: 'Shop <1>' }));

app.get('/html', (c) => {
  const user = '<script>alert(1)</script>';
  return c.html(html`<!doctype html><h1>Hello ${user}</h1>${raw('<hr>')}<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`);
});

const Slow = async ({ n }) => {
  await new Promise((r) => setTimeout(r, 5));
  return <p>loaded {n}</p>;
};
app.get('/suspense', (c) => {
  const body = renderToReadableStream(
    <html><body><Suspense fallback={<p>loading...</p>}><Slow n={1} /></Suspense></body></html>);
  return c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8', 'Transfer-Encoding': 'chunked' });
});

app.get('/stream/text', (c) => streamText(c, async (s) => {
  for (let i = 0; i < 3; i++) {
    await s.writeln(`line ${i}`);
    await s.sleep(2);
  }
  await s.write('done');
}));
app.get('/stream/bytes', (c) => stream(c, async (s) => {
  s.onAbort(() => {});
  await s.write(new Uint8Array([0x68, 0x69, 0x0a]));
  await s.pipe(new Response('piped body\n').body);
  await s.write('tail');
}));
app.get('/sse', (c) => streamSSE(c, async (s) => {
  let id = 0;
  for (const word of ['alpha', 'beta', 'gamma']) {
    await s.writeSSE({ data: JSON.stringify({ word }), event: 'word', id: String(id++) });
    await s.sleep(1);
  }
  await s.writeSSE({ data: 'multi\nline', retry: 1000 });
}));
app.get('/sse/error', (c) => streamSSE(c, async () => {
  throw new Error('stream failed');
}, async (err, s) => {
  await s.writeSSE({ event: 'error', data: err.message });
}));

app.get('/negotiate', (c) => {
  const type = accepts(c, { header: 'Accept', supports: ['application/json', 'text/html', 'text/plain'],
    default: 'text/plain' });
  if (type === 'application/json') return c.json({ type });
  if (type === 'text/html') return c.html(<b>{type}</b>);
  return c.text(type);
});

app.post('/body/json', async (c) => c.json({ got: await c.req.json() }));
app.post('/body/form', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const out = {};
  for (const [k, v] of Object.entries(form)) {
    out[k] = v instanceof File ? { file: v.name, type: v.type, text: await v.text() } : v;
  }
  return c.json(out);
});
app.post('/body/bytes', async (c) => {
  const buf = new Uint8Array(await c.req.arrayBuffer());
  return c.json({ length: buf.length, first: buf[0], last: buf[buf.length - 1], type: c.req.header('content-type') });
});
app.delete('/form/item', (c) => c.text('deleted via ' + c.req.method));
app.post('/csrf/submit', (c) => c.text('accepted'));
app.get('/rid/who', (c) => c.text(c.get('requestId')));
app.get('/lang/hello', (c) => c.text({ en: 'hello', fr: 'bonjour', de: 'hallo' }[c.get('language')]));
app.get('/timing', async (c) => {
  startTime(c, 'db', 'database');
  endTime(c, 'db');
  return c.text('timed');
});
app.use('/timing', timing({ enabled: false }));

export default app;
