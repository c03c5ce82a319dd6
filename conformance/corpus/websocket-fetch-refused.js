// RT-6 outbound WebSocket handshakes that do not end in a 101: the origin's ordinary answer comes back as the response (status, headers, body, no webSocket), a Request carrying the Upgrade header, ws:// URLs and closing from the worker's side
function attempt(fn) {
  try { return fn(); } catch (e) { return e.constructor.name + ': ' + e.message; }
}

async function settle(promise) {
  try { return await promise; } catch (e) { return e.constructor.name + ': ' + e.message; }
}

function next(ws, type) {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

export default {
  async fetch(request, env) {
    const http = env.WS_ORIGIN.replace('ws:', 'http:');
    const refused = await fetch(http + '/nowhere', { headers: { Upgrade: 'websocket' } });
    const seen = {
      refused: {
        status: refused.status,
        webSocket: refused.webSocket,
        type: refused.headers.get('content-type'),
        origin: refused.headers.get('x-origin'),
        body: await refused.text(),
      },
    };
    // A Request that carries the header upgrades the same way.
    const viaRequest = await fetch(new Request(http + '/hello', { headers: { upgrade: 'websocket' } }));
    const ws = viaRequest.webSocket;
    const hello = next(ws, 'message');
    ws.accept();
    seen.viaRequest = { status: viaRequest.status, first: (await hello).data, protocol: ws.protocol };
    // The worker closes: the origin answers with the same code and reason.
    const closed = next(ws, 'close');
    ws.close(4321, 'worker done');
    seen.closingState = ws.readyState;
    seen.sendAfterClose = attempt(() => ws.send('late'));
    const close = await closed;
    seen.close = { code: close.code, reason: close.reason, wasClean: close.wasClean, readyState: ws.readyState };
    seen.closeCodes = [1001, 1011, 1004, 999, 5000].map((code) => {
      const [a] = Object.values(new WebSocketPair());
      a.accept();
      try { a.close(code, 'r'); return 'ok'; } catch (e) { return e.name + ' ' + e.constructor.name + ': ' + e.message; }
    });
    const [c] = Object.values(new WebSocketPair());
    c.accept();
    try { c.close(undefined, 'why'); } catch (e) { seen.reasonWithoutCode = e.name + ': ' + e.message; }
    seen.wsScheme = await settle(fetch(env.WS_ORIGIN + '/echo', { headers: { Upgrade: 'websocket' } }).then((r) => {
      r.webSocket?.accept();
      r.webSocket?.close(1000);
      return { status: r.status, webSocket: r.webSocket !== null };
    }));
    return Response.json(seen);
  },
};
