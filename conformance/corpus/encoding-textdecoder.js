// RT-6 TextDecoder: BOM handling, replacement characters, fatal mode errors, streaming decode, labels
export default {
  fetch() {
    const d = new TextDecoder();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
    let fatal;
    try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); fatal = 'no error'; } catch (e) { fatal = e.constructor.name; }
    const s = new TextDecoder();
    const streamed = s.decode(new Uint8Array([0xe2, 0x9c]), { stream: true }) + s.decode(new Uint8Array([0x93]));
    let badLabel;
    try { new TextDecoder('no-such-encoding'); badLabel = 'no error'; } catch (e) { badLabel = e.constructor.name; }
    return Response.json({ encoding: d.encoding, fatalFlag: d.fatal, ignoreBOM: d.ignoreBOM, bom: d.decode(bom),
      keepBom: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom).length, replaced: d.decode(new Uint8Array([0x61, 0xff, 0x62])),
      fatal, streamed, badLabel, label: new TextDecoder('UTF8').encoding, empty: d.decode() });
  },
};
