// TextDecoder encodings besides UTF-8 (RT-6): UTF-16LE/BE and windows-1252 (which the WHATWG Encoding standard
// also uses for the "latin1"/"iso-8859-1"/"ascii" labels). workerd decodes these; the WHATWG label tables below
// map every label of these encodings to its canonical name.

const LABELS = new Map();
for (const l of ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']) LABELS.set(l, 'utf-16le');
for (const l of ['unicodefffe', 'utf-16be']) LABELS.set(l, 'utf-16be');
for (const l of ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']) {
  LABELS.set(l, 'windows-1252');
}

// windows-1252 bytes 0x80..0x9F (the rest map to the same code point)
const CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e,
  0x178];

/** @return the canonical name of a non-UTF-8 encoding label, or undefined */
export function legacyEncoding(label) {
  return LABELS.get(label);
}

/** A stateful decoder for one of the encodings above; decode(bytes, stream) returns the text so far. */
export function legacyDecoder(encoding, fatal, ignoreBOM) {
  if (encoding === 'windows-1252') {
    return {
      decode(bytes) {
        let out = '';
        for (let i = 0; i < bytes.length; i++) {
          const b = bytes[i];
          out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b);
        }
        return out;
      },
    };
  }
  const littleEndian = encoding === 'utf-16le';
  let pending = [];
  let leadSurrogate = null;
  let bomChecked = ignoreBOM;
  const bad = () => {
    if (fatal) throw new TypeError('The encoded data was not valid.');
    return '\ufffd';
  };
  return {
    decode(bytes, stream) {
      const all = pending.concat(Array.from(bytes));
      pending = [];
      let out = '';
      let i = 0;
      for (; i + 1 < all.length; i += 2) {
        const unit = littleEndian ? all[i] | (all[i + 1] << 8) : (all[i] << 8) | all[i + 1];
        if (!bomChecked) {
          bomChecked = true;
          if (unit === 0xfeff) continue;
        }
        if (leadSurrogate !== null) {
          const lead = leadSurrogate;
          leadSurrogate = null;
          if (unit >= 0xdc00 && unit <= 0xdfff) {
            out += String.fromCharCode(lead, unit);
            continue;
          }
          out += bad();
        }
        if (unit >= 0xd800 && unit <= 0xdbff) leadSurrogate = unit;
        else if (unit >= 0xdc00 && unit <= 0xdfff) out += bad();
        else out += String.fromCharCode(unit);
      }
      if (i < all.length) pending = [all[i]];
      if (!stream) {
        if (leadSurrogate !== null || pending.length > 0) out += bad();
        leadSurrogate = null;
        pending = [];
        bomChecked = ignoreBOM;
      }
      return out;
    },
  };
}
