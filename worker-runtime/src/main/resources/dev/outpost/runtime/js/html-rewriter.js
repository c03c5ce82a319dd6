// HTMLRewriter (RT-6), shaped like Cloudflare's (workerd wraps lol-html): handlers registered with on(selector) and
// onDocument() run while the body streams through; transform() returns a Response whose body is the rewritten
// stream. Input is decoded as UTF-8 (other charsets are not supported). Handlers may be async: each is awaited
// before the next token is processed, so output order follows input order.

import { HtmlTokenizer, RAW_TEXT_ELEMENTS } from './html-tokenizer.js';
import { parseSelector } from './html-selector.js';
import { Response } from './response.js';
import { Headers } from './headers.js';
import { ReadableStream } from './streams.js';
import { TextEncoder, TextDecoder } from './encoding.js';

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function escapeText(s) {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function content(value, options) {
  const s = String(value);
  return options?.html ? s : escapeText(s);
}

/** before/after/replace/remove: what an element, an end tag, a text chunk or a comment collected. */
class Mutations {
  before = [];
  after = [];
  replacement = null;
  removed = false;

  render(original) {
    return this.before.join('') + (this.removed ? (this.replacement ?? '') : original) + this.after.join('');
  }
}

/**
 * before/after/remove, written once for every token that has them; `mutations` is a Mutations or an element's
 * state (which has the same fields).
 */
class Token {
  #m;

  constructor(mutations) {
    this.#m = mutations;
  }

  before(value, options) {
    this.#m.before.push(content(value, options));
    return this;
  }

  after(value, options) {
    this.#m.after.unshift(content(value, options));
    return this;
  }

  remove() {
    this.#m.removed = true;
    this.#m.replacement = null;
    return this;
  }
}

/** A token that can also be replaced and reports whether it was removed: elements, text chunks, comments. */
class ContentToken extends Token {
  #m;

  constructor(mutations) {
    super(mutations);
    this.#m = mutations;
  }

  get removed() {
    return this.#m.removed;
  }

  replace(value, options) {
    this.#m.removed = true;
    this.#m.replacement = content(value, options);
    return this;
  }
}

class Element extends ContentToken {
  #state;

  constructor(state) {
    super(state);
    this.#state = state;
  }

  get tagName() {
    return this.#state.name;
  }

  set tagName(name) {
    // lol-html writes the name as given but reports it lower-cased
    const s = String(name);
    if (s === '' || /[\t\n\f\r />]/.test(s)) throw new TypeError(`Invalid tag name "${name}".`);
    this.#state.name = s.toLowerCase();
    this.#state.outputName = s;
    this.#state.modified = true;
  }

  get namespaceURI() {
    return this.#state.ns;
  }

  get attributes() {
    return this.#state.attrs.map((a) => [a.name, a.value])[Symbol.iterator]();
  }

  get selfClosing() {
    return this.#state.selfClosing;
  }

  get canHaveContent() {
    return this.#state.canHaveContent;
  }

  getAttribute(name) {
    const n = String(name).toLowerCase();
    return this.#state.attrs.find((a) => a.name === n)?.value ?? null;
  }

  hasAttribute(name) {
    return this.getAttribute(name) !== null;
  }

  setAttribute(name, value) {
    const n = String(name).toLowerCase();
    if (n === '' || /[\t\n\f\r />=]/.test(n)) throw new TypeError(`Invalid attribute name "${name}".`);
    const v = String(value);
    const existing = this.#state.attrs.find((a) => a.name === n);
    if (existing) {
      existing.value = v;
      existing.raw = null; // re-serialized, under the name as the source spelled it
    } else {
      this.#state.attrs.push({ name: n, source: n, value: v, raw: null });
    }
    this.#state.modified = true;
    return this;
  }

  removeAttribute(name) {
    const n = String(name).toLowerCase();
    const i = this.#state.attrs.findIndex((a) => a.name === n);
    if (i !== -1) {
      this.#state.attrs.splice(i, 1);
      this.#state.modified = true;
    }
    return this;
  }

  prepend(value, options) {
    if (this.#state.canHaveContent) this.#state.prepend.unshift(content(value, options));
    return this;
  }

  append(value, options) {
    if (this.#state.canHaveContent) this.#state.append.push(content(value, options));
    return this;
  }

  setInnerContent(value, options) {
    if (!this.#state.canHaveContent) return this;
    this.#state.prepend = [content(value, options)];
    this.#state.append = [];
    this.#state.innerRemoved = true;
    return this;
  }

  removeAndKeepContent() {
    this.#state.tagsRemoved = true;
    this.#state.removed = true; // as in workerd, the element reports removed although its content stays
    this.#state.keepContent = true;
    return this;
  }

  onEndTag(handler) {
    if (typeof handler !== 'function') throw new TypeError('Parameter 1 is not of type \'Function\'.');
    if (!this.#state.canHaveContent) throw new TypeError('No end tag.');
    this.#state.endTagHandlers.push(handler);
  }
}

/** An end tag has before/after/remove but no replace() and no removed (as in workerd). */
class EndTag extends Token {
  #name;

  constructor(name, mutations) {
    super(mutations);
    this.#name = name;
  }

  get name() {
    return this.#name.value.toLowerCase();
  }

  set name(value) {
    this.#name.value = String(value);
    this.#name.modified = true;
  }
}

class Text extends ContentToken {
  #text;
  #last;

  constructor(text, last, mutations) {
    super(mutations);
    this.#text = text;
    this.#last = last;
  }

  get text() {
    return this.#text;
  }

  get lastInTextNode() {
    return this.#last;
  }
}

class Comment extends ContentToken {
  #token;

  constructor(token, mutations) {
    super(mutations);
    this.#token = token;
  }

  get text() {
    return this.#token.text;
  }

  set text(value) {
    this.#token.text = String(value);
    this.#token.modified = true;
  }
}

class Doctype {
  #token;
  #m;

  constructor(token, mutations) {
    this.#token = token;
    this.#m = mutations;
  }

  get name() {
    return this.#token.name;
  }

  get publicId() {
    return this.#token.publicId;
  }

  get systemId() {
    return this.#token.systemId;
  }

  get removed() {
    return this.#m.removed;
  }

  remove() {
    this.#m.removed = true;
    return this;
  }
}

class DocumentEnd {
  #out;

  constructor(out) {
    this.#out = out;
  }

  append(value, options) {
    this.#out.push(content(value, options));
    return this;
  }
}

async function call(handler, receiver, arg) {
  const result = handler.call(receiver, arg);
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') await result;
}

/** One run of the rewriter over one document: the open-element stack and the pending output. */
class RewriteRun {
  #ons;
  #docs;
  #tokenizer = new HtmlTokenizer();
  #stack = [];
  #root = { childCount: 0, typeCounts: new Map(), ns: HTML_NS };
  #suppressed = 0; // open elements whose content is being dropped
  #pendingText = null;
  out = [];

  constructor(ons, docs) {
    this.#ons = ons;
    this.#docs = docs;
  }

  #emit(s) {
    if (this.#suppressed === 0 && s !== '') this.out.push(s);
  }

  async feed(text, final) {
    this.#tokenizer.push(text);
    for (;;) {
      const token = this.#tokenizer.next(final);
      if (token === null) break;
      if (token.type === 'text') {
        // each text piece is its own chunk, as lol-html hands them out (a '<' that starts no tag is one alone)
        this.#pendingText = token.raw;
        await this.#flushText();
        continue;
      }
      await this.#flushText(false);
      await this.#endTextNode();
      if (token.type === 'start') await this.#startTag(token);
      else if (token.type === 'end') await this.#endTag(token);
      else if (token.type === 'comment') await this.#comment(token);
      else await this.#doctype(token);
    }
    await this.#flushText(false);
  }

  async finish() {
    await this.#flushText(false);
    await this.#endTextNode();
    while (this.#stack.length > 0) await this.#close(this.#stack.pop(), null);
    const appended = [];
    const end = new DocumentEnd(appended);
    for (const d of this.#docs) if (d.end) await call(d.end, d.receiver, end);
    this.out.push(...appended);
  }

  #inText = false;

  /** A text chunk; lastInTextNode only for the empty chunk closing a text node. */
  async #flushText() {
    if (this.#pendingText === null) return;
    const text = this.#pendingText;
    this.#pendingText = null;
    this.#inText = true;
    await this.#textChunk(text, false);
  }

  async #endTextNode() {
    if (!this.#inText) return;
    this.#inText = false;
    await this.#textChunk('', true);
  }

  async #textChunk(text, last) {
    const m = new Mutations();
    const handlers = this.#contentHandlers('text');
    if (handlers.length > 0) {
      const chunk = new Text(text, last, m);
      for (const h of handlers) await call(h.fn, h.receiver, chunk);
    }
    this.#emit(m.render(text));
  }

  /** Handlers for text or comments: the document's, then those of on() selectors matching an open element. */
  #contentHandlers(kind) {
    const list = [];
    for (const d of this.#docs) if (d[kind]) list.push({ fn: d[kind], receiver: d.receiver });
    for (let i = 0; i < this.#ons.length; i++) {
      const on = this.#ons[i];
      if (on.handlers[kind] && this.#stack.some((e) => e.matched.includes(i))) {
        list.push({ fn: on.handlers[kind], receiver: on.handlers });
      }
    }
    return list;
  }

  async #comment(token) {
    const m = new Mutations();
    const handlers = this.#contentHandlers('comments');
    if (handlers.length > 0) {
      const comment = new Comment(token, m);
      for (const h of handlers) await call(h.fn, h.receiver, comment);
    }
    const raw = token.modified ? (token.bogus ? `<!${token.text}>` : `<!--${token.text}-->`) : token.raw;
    this.#emit(m.render(raw));
  }

  async #doctype(token) {
    const m = new Mutations();
    const doctype = new Doctype(token, m);
    for (const d of this.#docs) if (d.doctype) await call(d.doctype, d.receiver, doctype);
    this.#emit(m.render(token.raw));
  }

  async #startTag(token) {
    const parent = this.#stack.length > 0 ? this.#stack[this.#stack.length - 1] : this.#root;
    const ns = token.name === 'svg' ? SVG_NS : token.name === 'math' ? MATHML_NS
      : parent.ns === SVG_NS && parent.name === 'foreignobject' ? HTML_NS : parent.ns;
    const typeIndex = (parent.typeCounts.get(token.name) ?? 0) + 1;
    parent.typeCounts.set(token.name, typeIndex);
    parent.childCount++;
    const canHaveContent = ns === HTML_NS ? !VOID_ELEMENTS.has(token.name) : !token.selfClosing;
    const state = {
      name: token.name, originalName: token.name, source: token.sourceName, outputName: undefined, keepContent: false, ns, attrs: token.attrs, selfClosing: token.selfClosing,
      canHaveContent, index: parent.childCount, typeIndex, childCount: 0, typeCounts: new Map(), matched: [],
      before: [], after: [], prepend: [], append: [], replacement: null, removed: false, innerRemoved: false,
      tagsRemoved: false, modified: false, endTagHandlers: [], raw: token.raw,
    };
    const chain = [...this.#stack, state];
    for (let i = 0; i < this.#ons.length; i++) if (this.#ons[i].matches(chain)) state.matched.push(i);
    if (state.matched.length > 0) {
      const element = new Element(state);
      for (const i of state.matched) {
        const h = this.#ons[i].handlers;
        if (h.element) await call(h.element, h, element);
      }
    }
    this.#emit(state.before.join(''));
    if (state.removed && !state.keepContent) {
      this.#emit(state.replacement ?? '');
    } else {
      if (!state.tagsRemoved) this.#emit(state.modified ? serializeStartTag(state) : state.raw);
      this.#emit(state.prepend.join(''));
    }
    if (!canHaveContent) {
      this.#emit(state.after.join(''));
      return;
    }
    this.#stack.push(state);
    state.suppressing = (state.removed && !state.keepContent) || state.innerRemoved;
    if (state.suppressing) this.#suppressed++;
    if (ns === HTML_NS && (RAW_TEXT_ELEMENTS.has(token.name) || token.name === 'plaintext')) {
      this.#tokenizer.enterRawText(token.name);
    }
  }

  async #endTag(token) {
    let i = this.#stack.length - 1;
    while (i >= 0 && this.#stack[i].originalName !== token.name) i--;
    if (i === -1) {
      this.#emit(token.raw);
      return;
    }
    // elements left open inside it are closed implicitly, without end tags of their own
    while (this.#stack.length - 1 > i) await this.#close(this.#stack.pop(), null);
    await this.#close(this.#stack.pop(), token);
  }

  async #close(state, token) {
    if (state.suppressing) this.#suppressed--;
    const dropped = state.removed && !state.keepContent;
    if (!dropped) this.#emit(state.append.join(''));
    if (token !== null) {
      const name = { value: state.outputName ?? state.name, modified: state.outputName !== undefined };
      const m = new Mutations();
      if (state.endTagHandlers.length > 0) {
        const endTag = new EndTag(name, m);
        for (const h of state.endTagHandlers) await call(h, undefined, endTag);
      }
      if (!dropped) {
        const tag = state.tagsRemoved ? '' : name.modified ? `</${name.value}>` : token.raw;
        this.#emit(m.render(tag));
      }
    }
    this.#emit(state.after.join(''));
  }
}

function serializeStartTag(state) {
  let s = `<${state.outputName ?? state.source}`;
  if (state.attrs.length > 0) {
    s += ` ${state.attrs.map((a) => a.raw ?? `${a.source}="${a.value.replace(/"/g, '&quot;')}"`).join(' ')}`;
    if (state.selfClosing) s += ' ';
  }
  return s + (state.selfClosing ? '/>' : '>');
}

export class HTMLRewriter {
  #ons = [];
  #docs = [];

  on(selector, handlers) {
    const matches = parseSelector(selector);
    if (handlers === null || typeof handlers !== 'object') {
      throw new TypeError("Failed to execute 'on' on 'HTMLRewriter': parameter 2 is not of type 'ElementContentHandlers'.");
    }
    this.#ons.push({ matches, handlers });
    return this;
  }

  onDocument(handlers) {
    if (handlers === null || typeof handlers !== 'object') {
      throw new TypeError("Failed to execute 'onDocument' on 'HTMLRewriter': parameter 1 is not of type 'DocumentContentHandlers'.");
    }
    this.#docs.push({
      doctype: handlers.doctype, comments: handlers.comments, text: handlers.text, end: handlers.end, receiver: handlers,
    });
    return this;
  }

  transform(response) {
    if (!(response instanceof Response)) {
      throw new TypeError("Failed to execute 'transform' on 'HTMLRewriter': parameter 1 is not of type 'Response'.");
    }
    const run = new RewriteRun(this.#ons.slice(), this.#docs.slice());
    const source = response.body;
    const decoder = new TextDecoder('utf-8');
    const encoder = new TextEncoder();
    let reader = null;
    let done = false;
    const body = new ReadableStream({
      async pull(controller) {
        if (reader === null && source !== null) reader = source.getReader();
        // read until some output is ready, so that each pull yields a chunk (or the end)
        while (!done) {
          const next = reader === null ? { done: true } : await reader.read();
          if (next.done) {
            done = true;
            await run.feed(decoder.decode(), true);
            await run.finish();
          } else {
            await run.feed(decoder.decode(next.value, { stream: true }), false);
          }
          if (run.out.length > 0) {
            const text = run.out.join('');
            run.out = [];
            if (text !== '') {
              controller.enqueue(encoder.encode(text));
              break;
            }
          }
        }
        if (done) controller.close();
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    });
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  }
}
