// RT-6 outbound WebSocket by fetch() with Upgrade: websocket: the 101 and its headers, response.webSocket, accept(), text and binary frames both ways, request headers and sub-protocols, the origin's close code and reason
// compare-headers: x-status
function attempt(fn) {
  try { return fn(); } catch (e) { return e.constructor.name + ': ' + e.message; }
}

function next(ws, type) {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

export default {
  async fetch(request, env) {
    const http = env.WS_ORIGIN.replace('ws:', 'http:');
    const response = await fetch(http + '/echo', {
      headers: { Upgrade: 'websocket', 'X-Trace': 'abc', 'Sec-WebSocket-Protocol': 'superchat, chat' },
    });
    const ws = response.webSocket;
    const seen = {
      status: response.status,
      ok: response.ok,
      body: response.body,
      hasWebSocket: ws instanceof WebSocket,
      headers: {
        origin: response.headers.get('x-origin'),
        protocol: response.headers.get('sec-websocket-protocol'),
        upgrade: response.headers.get('upgrade'),
      },
      before: { readyState: ws.readyState, url: ws.url, protocol: ws.protocol, extensions: ws.extensions },
      sendBeforeAccept: attempt(() => ws.send('x')),
    };
    ws.accept();
    seen.acceptedState = ws.readyState;
    let message = next(ws, 'message');
    ws.send('headers');
    seen.requestHeaders = JSON.parse((await message).data);
    message = next(ws, 'message');
    ws.send('héllo');
    const text = (await message).data;
    seen.text = [typeof text, text];
    message = next(ws, 'message');
    ws.send(new Uint8Array([0, 1, 2, 255]));
    const binary = (await message).data;
    seen.binary = [binary instanceof ArrayBuffer, [...new Uint8Array(binary)]];
    message = next(ws, 'message');
    ws.send(new Uint8Array([9, 8, 7, 6]).subarray(1, 3));
    seen.view = [...new Uint8Array((await message).data)];
    const closed = next(ws, 'close');
    ws.send('close 4001 origin says bye');
    const close = await closed;
    seen.close = { code: close.code, reason: close.reason, wasClean: close.wasClean, readyState: ws.readyState };
    seen.reply = attempt(() => ws.close(1000, 'ok') ?? 'ok');
    seen.afterReply = ws.readyState;
    return Response.json(seen, { headers: { 'x-status': String(response.status) } });
  },
};
