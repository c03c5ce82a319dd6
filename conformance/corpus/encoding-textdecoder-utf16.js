// RT-6 TextDecoder for utf-16le and latin1 (windows-1252) labels
export default {
  fetch() {
    const u16 = new TextDecoder('utf-16le');
    const latin = new TextDecoder('latin1');
    return Response.json({ u16: u16.encoding, text: u16.decode(new Uint8Array([0x68, 0, 0xe9, 0, 0x13, 0x27])),
      latin: latin.encoding, latinText: latin.decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x80])) });
  },
};
