// RT-6 btoa/atob over every Latin-1 code unit round trip; atob output code units stay below 256
export default {
  fetch() {
    let all = '';
    for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
    const b64 = btoa(all);
    const back = atob(b64);
    return Response.json({ b64, same: back === all, max: Math.max(...[...back].map((c) => c.charCodeAt(0))), digestInput: typeof crypto.subtle.digest });
  },
};
