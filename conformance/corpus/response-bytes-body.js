// RT-6 a binary Response body (Uint8Array) arrives unchanged with no content type
export default {
  fetch() {
    return new Response(new Uint8Array([0, 1, 2, 250, 255, 128]));
  },
};
