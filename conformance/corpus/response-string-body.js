// RT-6 plain new Response(string): default content type and UTF-8 body on the wire
export default {
  fetch() {
    return new Response('h\u00e9llo w\u00f6rld \u2713');
  },
};
