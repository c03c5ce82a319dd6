// RT-6 new WebSocket(url, protocols): argument errors, CONNECTING then the open event, url, protocol and extensions, frames both ways, the worker's close, and a handshake the origin refuses (error then close 1006)
function attempt(fn) {
  try { fn(); return 'ok'; } catch (e) { return e.name + ': ' + e.message; }
}

function next(ws, type) {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

export default {
  async fetch(request, env) {
    const echo = env.WS_ORIGIN + '/echo';
    const seen = {
      errors: {
        http: attempt(() => new WebSocket(env.WS_ORIGIN.replace('ws:', 'http:') + '/echo')),
        invalid: attempt(() => new WebSocket('not a url')),
        fragment: attempt(() => new WebSocket(echo + '#frag')),
        badToken: attempt(() => new WebSocket(echo, 'a b')),
        badTokenInArray: attempt(() => new WebSocket(echo, ['chat', 'x,y'])),
        empty: attempt(() => new WebSocket(echo, [])),
        repeated: attempt(() => new WebSocket(echo, ['chat', 'chat'])),
      },
    };
    const ws = new WebSocket(echo, ['superchat', 'chat']);
    seen.connecting = {
      readyState: ws.readyState, url: ws.url, protocol: ws.protocol, extensions: ws.extensions,
      binaryType: ws.binaryType,
      accept: attempt(() => ws.accept()),
      send: attempt(() => ws.send('early')),
    };
    const events = [];
    ws.onopen = (e) => events.push('onopen ' + e.type);
    const opened = next(ws, 'open');
    await opened;
    seen.open = { readyState: ws.readyState, protocol: ws.protocol, extensions: ws.extensions, accept: attempt(() => ws.accept()) };
    let message = next(ws, 'message');
    ws.send('headers');
    seen.requestHeaders = JSON.parse((await message).data);
    message = next(ws, 'message');
    ws.send(new Uint8Array([5, 6, 7]).buffer);
    const data = (await message).data;
    seen.binary = [data instanceof ArrayBuffer, [...new Uint8Array(data)]];
    const closed = next(ws, 'close');
    ws.close(1000, 'bye');
    seen.closing = ws.readyState;
    const close = await closed;
    seen.close = { code: close.code, reason: close.reason, wasClean: close.wasClean, readyState: ws.readyState };
    seen.events = events;

    const refused = new WebSocket(env.WS_ORIGIN + '/nowhere');
    const order = [];
    const done = new Promise((resolve) => {
      refused.addEventListener('open', () => order.push('open'));
      refused.addEventListener('error', (e) => order.push(['error', e.constructor.name, e.message]));
      refused.addEventListener('close', (e) => { order.push(['close', e.code, e.reason, e.wasClean]); resolve(); });
    });
    await done;
    seen.refused = { order, readyState: refused.readyState };

    const early = new WebSocket(echo);
    const earlyOrder = [];
    early.addEventListener('open', () => earlyOrder.push('open'));
    early.addEventListener('error', (e) => earlyOrder.push(['error', e.message]));
    early.addEventListener('close', (e) => earlyOrder.push(['close', e.code, e.reason, e.wasClean]));
    early.close();
    seen.closeWhileConnecting = { readyState: early.readyState };
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen.closeWhileConnecting.events = earlyOrder;
    seen.closeWhileConnecting.after = early.readyState;
    return Response.json(seen);
  },
};
