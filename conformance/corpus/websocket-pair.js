// RT-10 WebSockets without an upgrade: WebSocketPair's shape, readyState constants, accept() before send/close,
// close-code checks, a pair talking to itself inside the isolate, and a 101 without a webSocket.
function attempt(fn) {
  try { fn(); return 'ok'; } catch (e) { return e.constructor.name + ': ' + e.message; }
}

export default {
  async fetch() {
    const pair = new WebSocketPair();
    const [client, server] = Object.values(pair);
    const shape = {
      keys: Object.keys(pair),
      ready: [client.readyState, server.readyState],
      constants: [WebSocket.READY_STATE_CONNECTING, WebSocket.READY_STATE_OPEN, WebSocket.READY_STATE_CLOSING,
        WebSocket.READY_STATE_CLOSED],
      isWebSocket: client instanceof WebSocket && server instanceof EventTarget,
      sendBeforeAccept: attempt(() => server.send('x')),
    };
    const [a, b] = Object.values(new WebSocketPair());
    a.accept();
    b.accept();
    const got = new Promise((resolve) => b.addEventListener('message', (e) => resolve([typeof e.data, e.data])));
    const bytes = new Promise((resolve) => a.addEventListener('message', (e) => resolve(
      [e.data instanceof ArrayBuffer, [...new Uint8Array(e.data)]])));
    const closed = new Promise((resolve) => a.addEventListener('close', (e) => resolve([e.code, e.reason, e.wasClean])));
    a.send('ping');
    b.send(new Uint8Array([1, 2, 3]));
    const local = { text: await got, binary: await bytes };
    b.close(3001, 'bye');
    local.close = await closed;
    local.sendAfterClose = attempt(() => b.send('late'));
    local.statesAfterClose = [a.readyState, b.readyState];
    // The documented pattern: the end that received a close answers it with close() (must not throw).
    local.closeReply = attempt(() => a.close(1000, 'reply'));
    local.statesAfterReply = [a.readyState, b.readyState];
    return Response.json({
      shape,
      local,
      status101: attempt(() => new Response(null, { status: 101 })),
      nullWebSocket: new Response('x').webSocket,
    });
  },
};
