// RT-6 Blob.stream() yields the bytes; a Blob body sets the Response content type
export default {
  async fetch() {
    const b = new Blob(['stream me'], { type: 'text/x-custom' });
    const reader = b.stream().getReader();
    const bytes = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes.push(...r.value);
    return new Response(new Blob([JSON.stringify({ streamed: new TextDecoder().decode(new Uint8Array(bytes)) })], { type: 'application/json' }));
  },
};
