// Server-side rendering and query libraries: mustache templates, Handlebars (whose compile() generates code
// with new Function, which Workers refuse: the error a user sees must be the same), and a GraphQL schema
// executed with graphql-js (queries, variables, fragments, errors, introspection).
import Mustache from 'mustache';
import Handlebars from 'handlebars';
import { graphql, buildSchema, parse, validate, printSchema, GraphQLError } from 'graphql';

const schema = buildSchema(`
  "A book in the catalogue"
  type Book { id: ID!, title: String!, year: Int, author: Author! }
  type Author { name: String!, books: [Book!]! }
  enum Order { ASC DESC }
  input BookInput { title: String!, year: Int }
  type Query { books(order: Order = ASC, first: Int): [Book!]!, book(id: ID!): Book, fail: String }
  type Mutation { addBook(input: BookInput!): Book! }
`);
const authors = { ann: { name: 'Ann' } };
const books = [
  { id: '1', title: 'Workers', year: 2019, author: 'ann' },
  { id: '2', title: 'Isolates', year: 2021, author: 'ann' },
  { id: '3', title: 'Edges', year: null, author: 'ann' },
];
const withAuthor = (b) => ({ ...b, author: () => ({ ...authors[b.author], books: () => books.map(withAuthor) }) });
const root = {
  books: ({ order, first }) => {
    const list = order === 'DESC' ? [...books].reverse() : books;
    return list.slice(0, first ?? list.length).map(withAuthor);
  },
  book: ({ id }) => {
    const b = books.find((x) => x.id === id);
    return b ? withAuthor(b) : null;
  },
  fail: () => {
    throw new GraphQLError('resolver failed', { extensions: { code: 'BROKEN' } });
  },
  addBook: ({ input }) => withAuthor({ id: String(books.length + 1), ...input, author: 'ann' }),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/mustache': {
        const view = { name: 'Ann & <Bob>', items: [{ n: 'a', v: 1 }, { n: 'b', v: 2 }], empty: [], flag: true,
          upper: () => (text, render) => render(text).toUpperCase() };
        const out = Mustache.render('Hi {{name}} / {{{name}}}\n{{#items}}- {{n}}={{v}}\n{{/items}}{{^empty}}none{{/empty}}'
          + ' {{#flag}}on{{/flag}} {{#upper}}x{{name}}{{/upper}} {{> part}}', view, { part: '[{{items.length}}]' });
        return new Response(out, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      }
      case '/handlebars': {
        try {
          const template = Handlebars.compile('Hello {{name}}!');
          return new Response(template({ name: 'world' }));
        } catch (e) {
          return Response.json({ name: e.name, message: e.message, isEvalError: e instanceof EvalError });
        }
      }
      case '/graphql': {
        const { query, variables, operationName } = request.method === 'POST' ? await request.json()
          : { query: url.searchParams.get('query'), variables: JSON.parse(url.searchParams.get('variables') ?? 'null') };
        const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables, operationName });
        return Response.json(result, { status: result.errors && !result.data ? 400 : 200 });
      }
      case '/graphql/validate': {
        const errors = validate(schema, parse('{ books { nope } book { title } }'));
        return Response.json(errors.map((e) => ({ message: e.message, locations: e.locations })));
      }
      case '/graphql/schema':
        return new Response(printSchema(schema));
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
