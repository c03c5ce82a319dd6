package dev.outpost.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.outpost.runtime.TestWorkers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * RT-6 HTMLRewriter: workers rewrite HTML responses while they stream. Each test runs a real worker whose fetch
 * handler builds a body (often in many chunks, to cut tags, words and comments at chunk boundaries) and returns
 * {@code new HTMLRewriter()...transform(response)}; the asserted body is what the worker's response streamed out.
 */
class HtmlRewriterTest {

    static WorkerEngine engine;

    @BeforeAll
    static void start() {
        engine = WorkerEngine.create();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Runs a worker with the shared helpers below and the given fetch body; returns the response body. */
    static String run(String fetchBody) throws Exception {
        String source = """
                // a body of the given string chunks, each enqueued on its own pull
                function chunked(parts) {
                  const enc = new TextEncoder();
                  let i = 0;
                  return new Response(new ReadableStream({
                    pull(c) { if (i < parts.length) c.enqueue(enc.encode(parts[i++])); else c.close(); }
                  }), { headers: { 'content-type': 'text/html' } });
                }
                export default {
                  async fetch(request) {
                %s
                  }
                };""".formatted(fetchBody);
        try (LoadedWorker worker = engine.load(single(source), null, null)) {
            WorkerResponse response = call(worker, get("http://127.0.0.1/"));
            String body = body(response);
            assertEquals(200, response.status(), body);
            return body;
        }
    }

    @Test
    void rewritesLinkAttributes() throws Exception {
        String out = run("""
                return new HTMLRewriter().on('a[href^="http://"]', {
                  element(e) { e.setAttribute('href', e.getAttribute('href').replace('http://', 'https://')); }
                }).transform(chunked(['<p><a class=x href="http://a.test/">a</a> <a href=/rel>b</a></p>']));
                """);
        assertEquals("<p><a class=x href=\"https://a.test/\">a</a> <a href=/rel>b</a></p>", out);
    }

    @Test
    void injectsAScriptBeforeTheEndOfHead() throws Exception {
        String out = run("""
                return new HTMLRewriter().on('head', {
                  element(e) { e.append('<script src="/x.js"></script>', { html: true }); }
                }).transform(chunked(['<html><he', 'ad><title>T</title></h', 'ead><body></body></html>']));
                """);
        assertEquals("<html><head><title>T</title><script src=\"/x.js\"></script></head><body></body></html>", out);
    }

    @Test
    void removesElementsWithTheirContentOrKeepsTheContent() throws Exception {
        String out = run("""
                return new HTMLRewriter()
                  .on('div.ad', { element(e) { e.remove(); } })
                  .on('span', { element(e) { e.removeAndKeepContent(); } })
                  .transform(chunked(['<div class="ad"><p>buy</p><img src=x></div><span>kept</span><div>stays</div>']));
                """);
        assertEquals("kept<div>stays</div>", out);
    }

    @Test
    void textHandlerReplacesWordsSplitAcrossChunks() throws Exception {
        String out = run("""
                let buffer = '';
                return new HTMLRewriter().on('p', {
                  text(t) {
                    buffer += t.text;
                    if (t.lastInTextNode) { t.replace(buffer.replaceAll('cloud', 'sky')); buffer = ''; }
                    else t.remove();
                  }
                }).transform(chunked(['<p>the clo', 'ud and the cl', 'oud</p><i>cloud</i>']));
                """);
        assertEquals("<p>the sky and the sky</p><i>cloud</i>", out);
    }

    @Test
    void asyncHandlersAreAwaitedInOrder() throws Exception {
        String out = run("""
                let n = 0;
                return new HTMLRewriter().on('li', {
                  async element(e) {
                    const mine = ++n;
                    await new Promise((r) => setTimeout(r, 5 * (4 - mine)));
                    e.setInnerContent(String(mine));
                  }
                }).transform(chunked(['<ul><li>a</li><li>b', '</li><li>c</li></ul>']));
                """);
        assertEquals("<ul><li>1</li><li>2</li><li>3</li></ul>", out);
    }

    @Test
    void largeBodyStreamsThroughInManyChunks() throws Exception {
        String out = run("""
                const parts = [];
                for (let i = 0; i < 2000; i++) parts.push(`<div id="d${i}">row ${i}</div>`.split(''));
                // cut every tag: one character per chunk for the first rows, whole rows afterwards
                const chunks = parts.slice(0, 20).flat().concat(parts.slice(20).map((p) => p.join('')));
                let count = 0, seen = 0;
                const res = new HTMLRewriter().on('div', { element(e) { count++; e.setAttribute('data-n', String(count)); } })
                  .transform(chunked(chunks));
                const reader = res.body.getReader();
                let chunksOut = 0, text = '';
                const dec = new TextDecoder();
                for (;;) { const { value, done } = await reader.read(); if (done) break; chunksOut++; text += dec.decode(value, { stream: true }); }
                const ok = text.startsWith('<div id="d0" data-n="1">row 0</div>') && text.endsWith('<div id="d1999" data-n="2000">row 1999</div>');
                return new Response(`${count} ${chunksOut > 100} ${ok} ${text.length}`);
                """);
        int expectedLength = 0;
        for (int i = 0; i < 2000; i++) {
            expectedLength += ("<div id=\"d" + i + "\" data-n=\"" + (i + 1) + "\">row " + i + "</div>").length();
        }
        assertEquals("2000 true true " + expectedLength, out);
    }

    @Test
    void everySelectorKindMatches() throws Exception {
        String out = run("""
                const html = '<div id="m"><p class="a b">1</p><p lang="en-US" title="hello world">2</p>'
                  + '<span data-x="abc">3</span><p>4</p></div><section><p>5</p></section>';
                const selectors = ['*', 'p', 'p:nth-child(2)', 'p:first-child', 'p:nth-of-type(2)', 'span:first-of-type',
                  'p:not(.a)', 'p.b', 'div#m', '[data-x]', 'span[data-x="abc"]', '[title~=world]', '[data-x^=ab]',
                  '[data-x$=bc]', '[data-x*=b]', '[lang|=en]', 'div p', 'section > p', 'div > *:nth-child(odd)',
                  'p:nth-child(2n+1)'];
                const hits = {};
                let rw = new HTMLRewriter();
                for (const s of selectors) {
                  hits[s] = [];
                  rw = rw.on(s, { element(e) { hits[s].push(e.tagName + (e.getAttribute('id') ?? '')); } });
                }
                await rw.transform(new Response(html)).text();
                return new Response(selectors.map((s) => `${s}=${hits[s].join(',')}`).join('\\n'));
                """);
        assertEquals(String.join("\n",
                "*=divm,p,p,span,p,section,p",
                "p=p,p,p,p",
                "p:nth-child(2)=p",
                "p:first-child=p,p",
                "p:nth-of-type(2)=p",
                "span:first-of-type=span",
                "p:not(.a)=p,p,p",
                "p.b=p",
                "div#m=divm",
                "[data-x]=span",
                "span[data-x=\"abc\"]=span",
                "[title~=world]=p",
                "[data-x^=ab]=span",
                "[data-x$=bc]=span",
                "[data-x*=b]=span",
                "[lang|=en]=p",
                "div p=p,p,p",
                "section > p=p",
                "div > *:nth-child(odd)=p,span",
                "p:nth-child(2n+1)=p,p"), out);
    }

    @Test
    void unsupportedSelectorsThrowTypeErrorOnOn() throws Exception {
        String out = run("""
                const r = [];
                for (const s of ['a + b', 'a ~ b', 'p:last-child', 'p::before', '', 'p[', 'p:hover']) {
                  try { new HTMLRewriter().on(s, {}); r.push('ok'); } catch (e) { r.push(e instanceof TypeError ? 'TypeError' : e.name); }
                }
                return new Response(r.join(','));
                """);
        assertEquals("TypeError,TypeError,TypeError,TypeError,TypeError,TypeError,TypeError", out);
    }

    @Test
    void commentsDoctypeAndDocumentEnd() throws Exception {
        String out = run("""
                const seen = [];
                return new HTMLRewriter()
                  .onDocument({
                    doctype(d) { seen.push(`${d.name}|${d.publicId}|${d.systemId}`); },
                    comments(c) { if (c.text.includes('secret')) c.remove(); else c.text = c.text.toUpperCase(); },
                    end(e) { e.append(`<!-- ${seen.join(';')} -->`, { html: true }); },
                  })
                  .transform(chunked(['<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
                    '<p><!-- a sec', 'ret --><!-- keep -->x</p>']));
                """);
        assertEquals("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">"
                + "<p><!-- KEEP -->x</p><!-- html|-//W3C//DTD HTML 4.01//EN|http://www.w3.org/TR/html4/strict.dtd -->", out);
    }

    @Test
    void contentIsEscapedUnlessHtml() throws Exception {
        String out = run("""
                return new HTMLRewriter().on('b', {
                  element(e) {
                    e.before('<i>&</i>');
                    e.after('<u>x</u>', { html: true });
                    e.prepend('"q" <');
                    e.setAttribute('title', 'say "hi" & <go>');
                  }
                }).transform(new Response('<b>bold</b>'));
                """);
        assertEquals("&lt;i&gt;&amp;&lt;/i&gt;<b title=\"say &quot;hi&quot; & <go>\">\"q\" &lt;bold</b><u>x</u>", out);
    }

    @Test
    void endTagHandlersAndTagRenaming() throws Exception {
        String out = run("""
                return new HTMLRewriter().on('b', {
                  element(e) {
                    e.tagName = 'strong';
                    e.onEndTag((end) => { end.before('!'); end.after('<hr>', { html: true }); });
                  }
                }).on('img', { element(e) { e.replace('[img]'); } })
                  .transform(new Response('<b>x</b><img src=a>'));
                """);
        assertEquals("<strong>x!</strong><hr>[img]", out);
    }

    @Test
    void rawTextElementsAreNotParsedAsMarkup() throws Exception {
        String out = run("""
                const tags = [];
                return new HTMLRewriter().on('*', { element(e) { tags.push(e.tagName); } })
                  .onDocument({ end(e) { e.append(tags.join(',')); } })
                  .transform(chunked(['<script>if (a <b> c) "</scr', 'ipt x"</script><title><i></title><p>']));
                """);
        assertEquals("<script>if (a <b> c) \"</scr" + "ipt x\"</script><title><i></title><p>script,title,p", out);
    }

    @Test
    void elementShapeVoidSelfClosingAndForeignElements() throws Exception {
        String out = run("""
                const log = [];
                const res = new HTMLRewriter().on('*', {
                  element(e) {
                    log.push(`${e.tagName}:${e.selfClosing}:${e.canHaveContent}:${e.namespaceURI.split('/').pop()}`);
                    if (e.tagName === 'img') {
                      try { e.onEndTag(() => {}); log.push('no error'); } catch (err) { log.push(err.constructor.name); }
                    }
                  }
                }).transform(new Response('<div><img src=a><br/><svg><circle r=1 /><g></g></svg><math></math></div>'));
                const body = await res.text();
                return new Response(body + '|' + log.join(' '));
                """);
        assertEquals("<div><img src=a><br/><svg><circle r=1 /><g></g></svg><math></math></div>|"
                + "div:false:true:xhtml img:false:false:xhtml TypeError br:true:false:xhtml svg:false:true:svg "
                + "circle:true:false:svg g:false:true:svg math:false:true:MathML", out);
    }

    @Test
    void rawTextArrivesInTheChunksLolHtmlProduces() throws Exception {
        String out = run("""
                const chunks = [];
                await new HTMLRewriter().on('script', { text(t) { chunks.push(t.text + (t.lastInTextNode ? '$' : '')); } })
                  .transform(new Response('<script>a < b; "</p>"</script>')).text();
                return new Response(chunks.join('|'));
                """);
        assertEquals("a |<| b; \"|</p|>\"|$", out);
    }
}
