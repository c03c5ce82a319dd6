// RT-1 the default export's fetch may be a method using `this` of the exported object
export default {
  prefix: 'from this:',
  async fetch(request) {
    return new Response(`${this.prefix} ${new URL(request.url).pathname}`);
  },
};
