// graphql-js 16.15 (npm `graphql`, bench/package.json), the reference chatd's engine is
// held to, timed on the same operations as bench/graphql_engine_bench.cpp: lexing, parsing,
// validating and executing the full introspection query over schema/chat.graphql,
// `{ hello }`, and the 50-message query of bench/data/messages_query.graphql.
//
//   node bench/graphql_js_bench.mjs [--time-ms 1000]
//
// Prints one JSON object: { graphql, node, results: { <name>: microseconds per op } }.
// Each operation is warmed up, then timed in 5 rounds of at least `time-ms / 5`; the
// median round counts. graphql-js has no document cache: "execute" runs a document parsed
// and validated once (what a cache would leave), "parse+validate+execute" does it all.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  Lexer,
  Source,
  TokenKind,
  buildSchema,
  execute,
  getIntrospectionQuery,
  parse,
  validate,
  version,
} from 'graphql';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const timeArg = process.argv.indexOf('--time-ms');
const timeMs = timeArg > 0 ? Number(process.argv[timeArg + 1]) : 1000;

const schema = buildSchema(readFileSync(join(root, 'schema/chat.graphql'), 'utf8'));
const introspectionQuery = readFileSync(
  join(root, 'libs/graphql/execution/testdata/introspection_query.graphql'),
  'utf8',
);
// The same text graphql-js generates (the testdata file was written from it).
if (
  introspectionQuery !==
  getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  })
) {
  throw new Error('introspection_query.graphql differs from getIntrospectionQuery()');
}
const messagesQuery = readFileSync(join(root, 'bench/data/messages_query.graphql'), 'utf8');
const helloQuery = '{ hello }';

// The canned data of graphql_engine_bench.cpp: 50 edges, each message with its author;
// the chatroom comes from a resolver.
const room = { id: 7, name: 'Boca - River', access: 'PUBLIC' };
function cannedPage() {
  const edges = [];
  for (let i = 0; i < 50; ++i) {
    const author = i % 7;
    edges.push({
      cursor: 1000 + i,
      node: {
        id: 1000 + i,
        content: `¡Golazo! Message ${i} about the derby "tonight"`,
        createdAt: `2026-11-27T10:${10 + (i % 50)}:00.000Z`,
        updatedAt: null,
        imageUrl: i % 5 === 0 ? `https://cdn.example.com/m/${i}.jpg` : null,
        user: {
          id: author,
          fullname: `Fan number ${author}`,
          email: `fan${author}@example.com`,
          avatarUrl: author % 2 === 0 ? `https://cdn.example.com/a/${author}.png` : null,
        },
        chatroom: () => room,
      },
    });
  }
  return { totalCount: 1234, pageInfo: { endCursor: 1049, hasNextPage: true }, edges };
}
const page = cannedPage();
const rootValue = {
  hello: () => 'hello brah! u mirin? ',
  getMessagesForChatroom: () => page,
};
const messagesVariables = { chatroomId: 7, take: 50 };

function prepared(text) {
  const document = parse(text);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`invalid: ${errors[0].message}`);
  return document;
}
function run(document, variableValues) {
  const result = execute({ schema, document, rootValue, variableValues });
  if (result.errors) throw new Error(`execution failed: ${result.errors[0].message}`);
  return JSON.stringify(result);
}

const introspectionDoc = prepared(introspectionQuery);
const helloDoc = prepared(helloQuery);
const messagesDoc = prepared(messagesQuery);

let sink = 0;
function time(fn) {
  const roundMs = timeMs / 5;
  const warmEnd = performance.now() + Math.min(500, timeMs / 2);
  while (performance.now() < warmEnd) sink += fn() ? 1 : 0;
  const rounds = [];
  for (let r = 0; r < 5; ++r) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      for (let i = 0; i < 16; ++i) sink += fn() ? 1 : 0;
      n += 16;
      now = performance.now();
    }
    rounds.push(((now - start) * 1000) / n);
  }
  rounds.sort((a, b) => a - b);
  return Number(rounds[2].toFixed(3));
}

const results = {
  introspection_lex: time(() => {
    const lexer = new Lexer(new Source(introspectionQuery));
    let n = 0;
    while (lexer.advance().kind !== TokenKind.EOF) ++n;
    return n;
  }),
  introspection_parse: time(() => parse(introspectionQuery)),
  introspection_validate: time(() => validate(schema, introspectionDoc)),
  introspection_execute: time(() => run(introspectionDoc)),
  introspection_parse_validate_execute: time(() => run(prepared(introspectionQuery))),
  hello_execute: time(() => run(helloDoc)),
  hello_parse_validate_execute: time(() => run(prepared(helloQuery))),
  messages_execute: time(() => run(messagesDoc, messagesVariables)),
  messages_parse_validate_execute: time(() => run(prepared(messagesQuery), messagesVariables)),
  baseline_json_parse_serialize: (() => {
    const body = run(introspectionDoc);
    return time(() => JSON.stringify(JSON.parse(body)));
  })(),
};

console.log(
  JSON.stringify({ graphql: version, node: process.version, results, sink: sink > 0 }, null, 2),
);
