// FormData (RT-6) and its two wire forms: multipart/form-data (built and parsed) and
// application/x-www-form-urlencoded (parsed). Used by Request/Response bodies (body.js).

import { Blob, File, blobBytes } from './blob.js';
import { compatibilityFlag } from './compat.js';
import { utf8Encode, utf8Decode } from './encoding.js';
import { URLSearchParams } from './url.js';

function entryValue(name, value, filename, argc) {
  if (value instanceof Blob) {
    if (value instanceof File && filename === undefined) return value;
    // workerd names a Blob appended without a filename after its field (browsers say "blob").
    name = filename !== undefined ? String(filename) : value instanceof File ? value.name : name;
    // a new File, so a given filename also resets lastModified to now (as in workerd)
    return new File([value], name, { type: value.type });
  }
  if (argc > 2) throw new TypeError("Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'.");
  return String(value);
}

export class FormData {
  #entries = [];

  constructor(form) {
    if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
  }

  append(name, value, filename) {
    this.#entries.push([String(name), entryValue(String(name), value, filename, arguments.length)]);
  }

  set(name, value, filename) {
    name = String(name);
    const entry = [name, entryValue(name, value, filename, arguments.length)];
    const i = this.#entries.findIndex(([n]) => n === name);
    if (i < 0) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[i] = entry;
    this.#entries = this.#entries.filter(([n], j) => j <= i || n !== name);
  }

  get(name) {
    name = String(name);
    const e = this.#entries.find(([n]) => n === name);
    return e === undefined ? null : e[1];
  }

  getAll(name) {
    name = String(name);
    return this.#entries.filter(([n]) => n === name).map(([, v]) => v);
  }

  has(name) {
    name = String(name);
    return this.#entries.some(([n]) => n === name);
  }

  delete(name) {
    name = String(name);
    this.#entries = this.#entries.filter(([n]) => n !== name);
  }

  forEach(callback, thisArg) {
    for (const [n, v] of this.entries()) callback.call(thisArg, v, n, this);
  }

  * entries() {
    for (let i = 0; i < this.#entries.length; i++) yield this.#entries[i].slice();
  }

  * keys() {
    for (const [n] of this.entries()) yield n;
  }

  * values() {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator]() {
    return this.entries();
  }
}

function escapeName(s) {
  return s.replace(/\r\n|\r|\n/g, '\r\n').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** Serializes as multipart/form-data: {bytes, contentType}. */
export function encodeMultipart(form) {
  let boundary = '----OutpostFormBoundary';
  for (let i = 0; i < 16; i++) boundary += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)];
  const chunks = [];
  for (const [name, value] of form) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (typeof value === 'string') {
      chunks.push(utf8Encode(`${head}\r\n\r\n${value.replace(/\r\n|\r|\n/g, '\r\n')}\r\n`));
    } else {
      head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
      chunks.push(utf8Encode(head), blobBytes(value), utf8Encode('\r\n'));
    }
  }
  chunks.push(utf8Encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return { bytes: out, contentType: `multipart/form-data; boundary=${boundary}` };
}

function indexOf(bytes, pattern, from) {
  outer: for (let i = from; i <= bytes.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function param(header, name) {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  return m === null ? undefined : (m[1] ?? m[2]).replace(/\\(.)/g, '$1');
}

const BAD_MULTIPART = 'Failed to parse body as FormData.';

function parseMultipart(bytes, boundary) {
  const form = new FormData();
  const delimiter = utf8Encode(`--${boundary}`);
  let pos = indexOf(bytes, delimiter, 0);
  if (pos < 0) throw new TypeError(BAD_MULTIPART);
  for (;;) {
    pos += delimiter.length;
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return form;
    if (bytes[pos] === 0x0d) pos++;
    if (bytes[pos] === 0x0a) pos++;
    const headerEnd = indexOf(bytes, utf8Encode('\r\n\r\n'), pos);
    if (headerEnd < 0) throw new TypeError(BAD_MULTIPART);
    const headers = utf8Decode(bytes.subarray(pos, headerEnd)).split('\r\n');
    const next = indexOf(bytes, utf8Encode(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) throw new TypeError(BAD_MULTIPART);
    const content = bytes.subarray(headerEnd + 4, next);
    let disposition = '';
    let type = '';
    for (const h of headers) {
      const colon = h.indexOf(':');
      const name = h.slice(0, colon).trim().toLowerCase();
      if (name === 'content-disposition') disposition = h.slice(colon + 1);
      else if (name === 'content-type') type = h.slice(colon + 1).trim();
    }
    const name = param(disposition, 'name');
    if (name === undefined) throw new TypeError(BAD_MULTIPART);
    const filename = param(disposition, 'filename');
    // RT-12: before formdata_parser_supports_files (2021-11-03) workerd turned file parts into strings
    if (filename !== undefined && compatibilityFlag('formdata_parser_supports_files')) {
      form.append(name, new File([content], filename, { type }));
    } else {
      form.append(name, utf8Decode(content));
    }
    pos = next + 2;
  }
}

/** Parses a body for Request/Response.formData() according to its Content-Type. */
export function parseFormData(bytes, contentType) {
  const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (essence === 'multipart/form-data') {
    const boundary = param(contentType, 'boundary');
    if (!boundary) throw new TypeError('No boundary string in Content-Type header. The multipart/form-data MIME type requires a boundary parameter.');
    return parseMultipart(bytes, boundary);
  }
  if (essence === 'application/x-www-form-urlencoded') {
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(utf8Decode(bytes))) form.append(k, v);
    return form;
  }
  throw new TypeError('Unrecognized Content-Type header value. FormData can only parse the following MIME types: '
    + 'multipart/form-data, application/x-www-form-urlencoded');
}
