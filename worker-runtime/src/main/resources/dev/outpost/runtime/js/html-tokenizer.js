// An incremental HTML tokenizer for HTMLRewriter (RT-6). It is fed decoded text as body chunks arrive and hands out
// tokens as soon as they are complete: a tag or comment cut by a chunk boundary waits for the next chunk, text is
// handed out as it comes, in the pieces lol-html produces (up to a '<'; a '<' that starts no tag alone). Values stay raw: neither
// text nor attribute values are entity-decoded, so that an untouched token is written back byte for byte.

const SPACE = /[\t\n\f\r ]/;
const NAME_END = /[\t\n\f\r />]/;
const ATTR_NAME_END = /[\t\n\f\r />=]/;
const UNQUOTED_END = /[\t\n\f\r >]/;
const LETTER = /[A-Za-z]/;

// Elements whose content is raw text up to their own end tag (script data, RCDATA and RAWTEXT states).
export const RAW_TEXT_ELEMENTS = new Set([
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes',
]);

export class HtmlTokenizer {
  #buf = '';
  #rawName = null; // the raw text element whose end tag ends raw text
  #plaintext = false;

  /** Appends decoded input. */
  push(text) {
    this.#buf += text;
  }

  /** After a start tag of a raw text element: what follows is text up to its end tag. */
  enterRawText(name) {
    if (name === 'plaintext') {
      this.#plaintext = true;
      return;
    }
    this.#rawName = name;
  }

  /**
   * The next complete token, or null when more input is needed (or, with final, when the input is exhausted).
   * Tokens: {type:'text', raw}, {type:'comment', raw, text}, {type:'doctype', raw, name, publicId, systemId},
   * {type:'start', raw, name, attrs:[{name, value, raw}], selfClosing}, {type:'end', raw, name}.
   */
  next(final) {
    const buf = this.#buf;
    if (buf.length === 0) return null;
    if (this.#plaintext) return this.#take(buf.length, { type: 'text' });
    if (this.#rawName !== null) return this.#rawText(final);
    if (buf[0] !== '<') {
      const lt = buf.indexOf('<');
      return this.#take(lt === -1 ? buf.length : lt, { type: 'text' });
    }
    if (buf.length < 2) return final ? this.#take(1, { type: 'text' }) : null;
    const c = buf[1];
    if (c === '!') return this.#markupDeclaration(final);
    if (c === '?') return this.#bogusComment(1, final);
    if (c === '/') {
      if (buf.length < 3) return final ? this.#take(buf.length, { type: 'text' }) : null;
      if (buf[2] === '>') return this.#take(3, { type: 'text' }); // "</>" is dropped by browsers; keep it verbatim
      if (!LETTER.test(buf[2])) return this.#bogusComment(2, final);
      return this.#tag(true, final);
    }
    if (LETTER.test(c)) return this.#tag(false, final);
    return this.#take(1, { type: 'text' });
  }

  #take(length, token) {
    token.raw = this.#buf.slice(0, length);
    this.#buf = this.#buf.slice(length);
    return token;
  }

  // Raw text is handed out in the pieces lol-html produces: text up to a '<', then the '<' alone, or a "</name"
  // that is not the closing end tag; text handlers see the same chunks as on workerd.
  #rawText(final) {
    const buf = this.#buf;
    const n = buf.length;
    const lt = buf.indexOf('<');
    if (lt > 0) return this.#take(lt, { type: 'text', piece: true });
    if (lt === -1) return this.#take(n, { type: 'text', piece: true });
    if (n < 2) return final ? this.#take(1, { type: 'text', piece: true }) : null;
    if (buf[1] !== '/') return this.#take(1, { type: 'text', piece: true });
    let k = 2;
    while (k < n && LETTER.test(buf[k])) k++;
    if (k === n && !final) return null;
    if (k < n && buf.slice(2, k).toLowerCase() === this.#rawName && NAME_END.test(buf[k])) {
      this.#rawName = null;
      return this.#tag(true, final);
    }
    return this.#take(k, { type: 'text', piece: true });
  }

  #markupDeclaration(final) {
    const buf = this.#buf;
    if (buf.startsWith('<!--')) {
      // "<!-->" and "<!--->" are empty comments
      if (buf.startsWith('<!-->')) return this.#take(5, { type: 'comment', text: '' });
      if (buf.startsWith('<!--->')) return this.#take(6, { type: 'comment', text: '' });
      const end = buf.indexOf('-->', 4);
      if (end === -1) return final ? this.#take(buf.length, { type: 'comment', text: buf.slice(4) }) : null;
      return this.#take(end + 3, { type: 'comment', text: buf.slice(4, end) });
    }
    if (buf.length < 9 && !final && ('<!--'.startsWith(buf) || '<!doctype'.startsWith(buf.toLowerCase()))) {
      return null;
    }
    if (buf.slice(0, 9).toLowerCase() === '<!doctype') {
      const end = buf.indexOf('>', 9);
      if (end === -1) return final ? this.#take(buf.length, { type: 'text' }) : null;
      return this.#take(end + 1, doctype(buf.slice(9, end)));
    }
    return this.#bogusComment(2, final);
  }

  #bogusComment(start, final) {
    const buf = this.#buf;
    const end = buf.indexOf('>', start);
    if (end === -1) return final ? this.#take(buf.length, { type: 'comment', text: buf.slice(start) }) : null;
    return this.#take(end + 1, { type: 'comment', text: buf.slice(start, end), bogus: true });
  }

  #tag(isEnd, final) {
    const buf = this.#buf;
    const n = buf.length;
    let i = isEnd ? 2 : 1;
    const nameStart = i;
    while (i < n && !NAME_END.test(buf[i])) i++;
    const sourceName = buf.slice(nameStart, i);
    const name = sourceName.toLowerCase();
    const attrs = [];
    let selfClosing = false;
    for (;;) {
      while (i < n && SPACE.test(buf[i])) i++;
      if (i >= n) break;
      const c = buf[i];
      if (c === '>') {
        const token = isEnd ? { type: 'end', name } : { type: 'start', name, sourceName, attrs, selfClosing };
        return this.#take(i + 1, token);
      }
      if (c === '/') {
        selfClosing = buf[i + 1] === '>';
        i++;
        continue;
      }
      selfClosing = false;
      const attrStart = i;
      i++; // a leading '=' belongs to the name
      while (i < n && !ATTR_NAME_END.test(buf[i])) i++;
      const attrSource = buf.slice(attrStart, i);
      const attrName = attrSource.toLowerCase();
      let j = i;
      while (j < n && SPACE.test(buf[j])) j++;
      let value = '';
      if (j < n && buf[j] === '=') {
        j++;
        while (j < n && SPACE.test(buf[j])) j++;
        if (j >= n) break;
        const q = buf[j];
        if (q === '"' || q === "'") {
          const close = buf.indexOf(q, j + 1);
          if (close === -1) break;
          value = buf.slice(j + 1, close);
          i = close + 1;
        } else {
          let k = j;
          while (k < n && !UNQUOTED_END.test(buf[k])) k++;
          value = buf.slice(j, k);
          i = k;
        }
      } else if (j >= n) {
        break;
      }
      attrs.push({ name: attrName, source: attrSource, value, raw: buf.slice(attrStart, i) });
    }
    // the tag is not complete yet
    if (final) return this.#take(n, { type: 'text' });
    return null;
  }
}

const QUOTED = /^\s*(?:"([^"]*)"|'([^']*)')/;

function doctype(body) {
  const token = { type: 'doctype', name: null, publicId: null, systemId: null };
  const rest = body.replace(/^[\t\n\f\r ]+/, '');
  const m = /^[^\t\n\f\r ]+/.exec(rest);
  if (m === null) return token;
  token.name = m[0].toLowerCase();
  let tail = rest.slice(m[0].length).replace(/^[\t\n\f\r ]+/, '');
  const keyword = tail.slice(0, 6).toLowerCase();
  if (keyword === 'public' || keyword === 'system') {
    tail = tail.slice(6);
    const first = QUOTED.exec(tail);
    if (first !== null) {
      const id = first[1] ?? first[2];
      if (keyword === 'public') {
        token.publicId = id;
        const second = QUOTED.exec(tail.slice(first[0].length));
        if (second !== null) token.systemId = second[1] ?? second[2];
      } else {
        token.systemId = id;
      }
    }
  }
  return token;
}
