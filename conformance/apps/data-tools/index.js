// Data plumbing a worker does around an API: JSON Schema validation with @cfworker/json-schema (built for
// Workers) and Ajv (whose compile() generates code with new Function: the EvalError must be the same), SQL
// built with drizzle-orm's SQLite query builder (no database: toSQL()), and an LLM-style SSE stream re-parsed
// with eventsource-parser's EventSourceParserStream through TextDecoderStream.
import { Validator } from '@cfworker/json-schema';
import Ajv from 'ajv';
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { eq, and, gt, like, desc, sql, count, inArray } from 'drizzle-orm';
import { EventSourceParserStream } from 'eventsource-parser/stream';

const userSchema = {
  type: 'object',
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', minLength: 2 },
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0, maximum: 150 },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    address: { $ref: '#/$defs/address' },
  },
  additionalProperties: false,
  $defs: { address: { type: 'object', properties: { zip: { type: 'string', pattern: '^[0-9]{5}$' } } } },
};

const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  age: integer('age'),
});
const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id').references(() => users.id),
  title: text('title'),
});
// a proxy driver that is never called: only the SQL text is wanted
const db = drizzle(async () => ({ rows: [] }));

export default {
  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/validate': {
        const input = await request.json();
        const result = new Validator(userSchema, '2020-12', false).validate(input);
        return Response.json({ valid: result.valid, errors: result.errors.map((e) => ({ keyword: e.keyword,
          location: e.instanceLocation, error: e.error })) });
      }
      case '/ajv': {
        try {
          const validate = new Ajv({ allErrors: true }).compile(userSchema);
          return Response.json({ compiled: typeof validate });
        } catch (e) {
          return Response.json({ name: e.name, message: e.message, isEvalError: e instanceof EvalError });
        }
      }
      case '/sql': {
        const queries = [
          db.select().from(users).where(and(eq(users.name, 'ann'), gt(users.age, 18))).orderBy(desc(users.age)).limit(10),
          db.select({ name: users.name, n: count(posts.id) }).from(users).leftJoin(posts, eq(posts.authorId, users.id))
            .where(like(users.email, '%@example.com')).groupBy(users.name),
          db.insert(users).values([{ name: 'a', email: 'a@x' }, { name: 'b', email: 'b@x', age: 3 }]).returning({ id: users.id }),
          db.update(users).set({ age: sql`${users.age} + 1` }).where(inArray(users.id, [1, 2, 3])),
          db.delete(posts).where(eq(posts.authorId, 7)),
        ];
        return Response.json(queries.map((q) => q.toSQL()));
      }
      case '/sse': {
        const upstream = new ReadableStream({
          start(controller) {
            const enc = new TextEncoder();
            for (const part of ['data: {"delta":"Hel', 'lo"}\n\n', 'event: usage\nid: 7\ndata: {"tokens":3}\n\n',
              ': comment\n', 'data: line1\ndata: line2\n\n', 'data: [DONE]\n\n']) {
              controller.enqueue(enc.encode(part));
            }
            controller.close();
          },
        });
        const events = [];
        const reader = upstream.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          events.push({ event: r.value.event ?? null, id: r.value.id ?? null, data: r.value.data });
        }
        return Response.json(events);
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
