// The small libraries workers lean on, each in a route: uuid (v1/v3/v5/v6/v7 with fixed inputs), nanoid
// (customRandom with a fixed source), marked (markdown), yaml, fast-xml-parser, date-fns, valibot, superjson,
// qs, cookie, @noble/hashes, bcryptjs (fixed salt). Random sources are fixed so both runtimes answer the same.
import { v1, v3, v5, v6, v7, validate, version, parse, stringify, NIL, MAX } from 'uuid';
import { customRandom, customAlphabet, urlAlphabet } from 'nanoid';
import { marked } from 'marked';
import YAML from 'yaml';
import { XMLParser, XMLBuilder, XMLValidator } from 'fast-xml-parser';
import { format, addDays, differenceInCalendarDays, parseISO, formatISO, startOfWeek, isWeekend, intervalToDuration,
  formatDistanceStrict, eachDayOfInterval } from 'date-fns';
import * as v from 'valibot';
import superjson from 'superjson';
import qs from 'qs';
import { parseCookie, stringifySetCookie, parseSetCookie } from 'cookie';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { blake3 } from '@noble/hashes/blake3.js';
import { hmac } from '@noble/hashes/hmac.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import bcrypt from 'bcryptjs';

const FIXED = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));

function seeded(seed) {
  let s = seed >>> 0;
  return (size) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  };
}

const routes = {
  '/uuid': () => {
    const random = seeded(7)(16);
    const ns = v5('outpost.example', v5.DNS);
    const v7id = v7({ msecs: FIXED.getTime(), random, seq: 5 });
    return {
      v1: v1({ msecs: FIXED.getTime(), nsecs: 42, clockseq: 0x1234, node: Uint8Array.of(1, 2, 3, 4, 5, 6) }),
      v3: v3('hello', v3.URL), v5: ns, v5url: v5('https://x.example/a', v5.URL),
      v6: v6({ msecs: FIXED.getTime(), nsecs: 1, clockseq: 1, node: Uint8Array.of(6, 5, 4, 3, 2, 1) }),
      v7: v7id, version: version(v7id), valid: [validate(ns), validate('nope'), validate(NIL), validate(MAX)],
      roundtrip: stringify(parse(ns)) === ns, bytes: Array.from(parse(v7id).slice(0, 6)),
    };
  },
  '/nanoid': () => {
    const id = customRandom(urlAlphabet, 21, seeded(99));
    const hex = customRandom('0123456789abcdef', 12, seeded(3));
    return { ids: [id(), id(), id()], hex: hex(), alphabetIsFn: typeof customAlphabet('ab', 4) };
  },
  '/markdown': async () => {
    const md = '# Title\n\nSome *emphasis*, **strong**, `code` and a [link](https://example.com "t").\n\n'
      + '- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quote\n\n```js\nconst x = 1 < 2;\n```\n\n'
      + '| a | b |\n|---|:-:|\n| 1 | 2 |\n\n<div>html</div>\n\nline  \nbreak ~~strike~~ http://auto.link\n';
    return new Response(await marked.parse(md, { gfm: true }), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  },
  '/yaml': () => {
    const doc = YAML.parse('name: app\nversion: 1.2\nlist:\n  - a\n  - { b: 2, c: [true, null, ~] }\ndate: 2024-01-02\n'
      + 'multi: |\n  line one\n  line two\nanchors:\n  base: &base { x: 1 }\n  derived: { <<: *base, y: 2 }\n', { merge: true });
    return new Response(JSON.stringify(doc) + '\n---\n' + YAML.stringify({ ...doc, extra: { 'key with: colon': 'v', n: -0.5 } }),
      { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  },
  '/xml': () => {
    const xml = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">T &amp; co</title>'
      + '<entry id="1"><name>first</name><n>1.50</n></entry><entry id="2"><name><![CDATA[<second>]]></name><n>2</n></entry></feed>';
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: true });
    const obj = parser.parse(xml);
    const built = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true }).build(obj);
    return { obj, built, valid: XMLValidator.validate(xml), invalid: XMLValidator.validate('<a><b></a>') };
  },
  '/dates': () => ({
    formatted: format(FIXED, "yyyy-MM-dd'T'HH:mm:ss.SSS EEEE do MMMM Q"),
    plus30: formatISO(addDays(parseISO('2024-02-29T00:00:00Z'), 30), { representation: 'date' }),
    diff: differenceInCalendarDays(parseISO('2025-01-01'), parseISO('2024-02-29')),
    weekStart: format(startOfWeek(parseISO('2024-03-06'), { weekStartsOn: 1 }), 'yyyy-MM-dd'),
    weekend: isWeekend(parseISO('2024-03-09')),
    duration: intervalToDuration({ start: 0, end: 93784005 }),
    distance: formatDistanceStrict(parseISO('2024-01-01'), parseISO('2024-03-15')),
    days: eachDayOfInterval({ start: parseISO('2024-12-30'), end: parseISO('2025-01-02') }).map((d) => format(d, 'EEE d')),
  }),
  '/valibot': async (request) => {
    const Schema = v.object({
      email: v.pipe(v.string(), v.trim(), v.email()),
      age: v.pipe(v.number(), v.integer(), v.minValue(18)),
      tags: v.optional(v.array(v.pipe(v.string(), v.maxLength(5))), []),
      role: v.picklist(['user', 'admin']),
    });
    const result = v.safeParse(Schema, await request.json());
    return result.success ? { output: result.output }
      : { issues: result.issues.map((i) => ({ path: v.getDotPath(i), message: i.message })), flat: v.flatten(result.issues) };
  },
  '/superjson': () => {
    const value = { date: FIXED, big: 12345678901234567890n, set: new Set([1, 2]), map: new Map([['k', { d: new Date(0) }]]),
      re: /ab+c/gi, undef: undefined, nan: NaN, inf: -Infinity, url: new URL('https://e.example/p?q=1'), err: new Error('e') };
    const { json, meta } = superjson.serialize(value);
    const back = superjson.parse(superjson.stringify(value));
    return { json, meta, back: { date: back.date.toISOString(), big: String(back.big), set: [...back.set], re: back.re.source,
      map: back.map.get('k').d.getTime(), url: back.url.href } };
  },
  '/qs': (request) => {
    const query = new URL(request.url).search.slice(1);
    const parsed = qs.parse(query, { allowDots: true, comma: true });
    return { parsed, stringified: qs.stringify({ a: [1, 2], b: { c: 'd e', f: null }, g: '' }, { arrayFormat: 'brackets' }),
      indices: qs.stringify({ x: ['y', 'z'] }, { encodeValuesOnly: true }) };
  },
  '/cookie': (request) => {
    const parsed = parseCookie(request.headers.get('cookie') ?? '');
    const headers = new Headers({ 'content-type': 'application/json' });
    const sid = stringifySetCookie({ name: 'sid', value: 'a b;c', httpOnly: true, sameSite: 'strict', path: '/',
      expires: FIXED, secure: true, partitioned: true, priority: 'high' });
    headers.append('set-cookie', sid);
    headers.append('set-cookie', stringifySetCookie({ name: 'pref', value: 'x', maxAge: 60, domain: 'example.com' }));
    return new Response(JSON.stringify({ parsed, back: parseSetCookie(sid) }), { headers });
  },
  '/hashes': () => {
    const msg = utf8ToBytes('The quick brown fox jumps over the lazy dog');
    return { sha256: bytesToHex(sha256(msg)), sha512: bytesToHex(sha512(msg)).slice(0, 32), sha3: bytesToHex(sha3_256(msg)),
      blake3: bytesToHex(blake3(msg)), hmac: bytesToHex(hmac(sha256, utf8ToBytes('key'), msg)),
      pbkdf2: bytesToHex(pbkdf2(sha256, 'password', 'salt', { c: 1000, dkLen: 16 })) };
  },
  '/bcrypt': async () => {
    const salt = '$2b$04$abcdefghijklmnopqrstuu';
    const hash = bcrypt.hashSync('hunter2', salt);
    return { hash, ok: await bcrypt.compare('hunter2', hash), bad: bcrypt.compareSync('hunter3', hash),
      rounds: bcrypt.getRounds(hash), salt: bcrypt.getSalt(hash) };
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) {
      return new Response('not found', { status: 404 });
    }
    try {
      const out = await route(request);
      return out instanceof Response ? out : Response.json(out);
    } catch (e) {
      return Response.json({ error: e.name, message: e.message }, { status: 500 });
    }
  },
};
