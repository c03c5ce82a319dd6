// Outbound HTTP through the client libraries workers use: ky 2 (prefix, JSON, hooks, retries, HTTPError),
// ofetch ($fetch with query, JSON parsing, FetchError) and plain fetch with Request objects, against the
// test's origin server (env.ORIGIN): /echo answers what it received, /status/N, /redirect/N, /gzip.
import ky, { HTTPError } from 'ky';
import { ofetch, FetchError } from 'ofetch';

export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    const api = ky.create({ prefix: env.ORIGIN, headers: { 'x-client': 'ky' }, retry: { limit: 1, delay: () => 1 } });
    switch (path) {
      case '/ky/json':
        return Response.json(await api.post('echo', { json: { a: 1, list: ['x'] }, searchParams: { q: 'v w', n: 2 } }).json());
      case '/ky/hooks': {
        const seen = [];
        const hooked = api.extend({ hooks: {
          beforeRequest: [({ request: req }) => { req.headers.set('x-hook', 'before'); seen.push('before ' + req.method); }],
          afterResponse: [({ response }) => { seen.push('after ' + response.status); }],
        } });
        const body = await hooked.get('echo').json();
        return Response.json({ seen, headers: body.headers });
      }
      case '/ky/error': {
        const attempts = [];
        try {
          await api.get('status/503', { hooks: { beforeRetry: [({ retryCount }) => attempts.push(retryCount)] } });
          return new Response('no error');
        } catch (e) {
          return Response.json({ isHttpError: e instanceof HTTPError, name: e.name, message: e.message,
            status: e.response.status, data: e.data, bodyUsed: e.response.bodyUsed, attempts });
        }
      }
      case '/ky/redirect': {
        const res = await api.get('redirect/2');
        return Response.json({ status: res.status, redirected: res.redirected, url: res.url.replace(env.ORIGIN, ''),
          body: await res.json() });
      }
      case '/ky/gzip':
        return new Response(await api.get('gzip').text());
      case '/ofetch': {
        const echoed = await ofetch('/echo', { baseURL: env.ORIGIN, method: 'PUT', body: { hello: 'world' },
          query: { a: 1, b: [2, 3] }, headers: { 'x-client': 'ofetch' } });
        let error;
        try {
          await ofetch(`${env.ORIGIN}/status/404`, { retry: 0 });
        } catch (e) {
          error = { isFetchError: e instanceof FetchError, name: e.name, message: e.message.replace(env.ORIGIN, 'ORIGIN'),
            status: e.status, statusText: e.statusText, data: e.data };
        }
        const raw = await ofetch.raw(`${env.ORIGIN}/status/201`, { responseType: 'text' });
        return Response.json({ echoed, error, raw: { status: raw.status, data: raw._data } });
      }
      case '/native': {
        const req = new Request(`${env.ORIGIN}/echo?native=1`, { method: 'POST', headers: { 'content-type': 'text/plain',
          'x-native': 'yes' }, body: 'native body' });
        const res = await fetch(req.clone());
        const manual = await fetch(`${env.ORIGIN}/redirect/0`, { redirect: 'manual' });
        return Response.json({ status: res.status, type: res.headers.get('content-type'), body: await res.json(),
          manual: { status: manual.status, location: manual.headers.get('location') }, bodyUsed: req.bodyUsed });
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
