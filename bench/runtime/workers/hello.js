// Plain text, no work: the floor of the request path.
export default {
  fetch() {
    return new Response('Hello World!');
  },
};
