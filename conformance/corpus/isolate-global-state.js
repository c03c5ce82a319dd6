// RT-11 module globals persist across requests served by the same isolate
// request: {"method":"GET","path":"/first"}
// request: {"method":"GET","path":"/second"}
let count = 0;
const started = new Map();
export default {
  fetch(request) {
    count += 1;
    started.set(new URL(request.url).pathname, count);
    return Response.json({ count, seen: [...started.keys()] });
  },
};
