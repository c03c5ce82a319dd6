// RT-6 the proxy pattern: a WebSocketPair end piped to an outbound WebSocket in both directions (text, binary, the close code and reason passed on), exercised from a local client end
function next(ws, type) {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

/** Pipes frames and closes between two accepted sockets, as a proxying worker does. */
function pipe(a, b) {
  a.addEventListener('message', (e) => b.send(e.data));
  a.addEventListener('close', (e) => b.close(e.code, e.reason));
}

export default {
  async fetch(request, env) {
    const upstream = await fetch(env.WS_ORIGIN.replace('ws:', 'http:') + '/hello', { headers: { Upgrade: 'websocket' } });
    const origin = upstream.webSocket;
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    origin.accept();
    pipe(server, origin);
    pipe(origin, server);
    client.accept();
    const seen = [];
    const got = () => next(client, 'message').then((e) => typeof e.data === 'string' ? e.data : [...new Uint8Array(e.data)]);
    seen.push(await got());
    let reply = got();
    client.send('through the proxy');
    seen.push(await reply);
    reply = got();
    client.send(new Uint8Array([1, 2, 3]));
    seen.push(await reply);
    const closed = next(client, 'close');
    client.send('close 1001 going away');
    const close = await closed;
    seen.push([close.code, close.reason, close.wasClean]);
    client.close(close.code, close.reason);
    return Response.json({ status: upstream.status, seen, pairEnd: [client.url, client.protocol, client.extensions] });
  },
};
