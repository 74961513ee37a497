// The GraphQL-over-HTTP baseline of `make bench`: graphql-js 16.15 (bench/package.json)
// behind a bare Node.js http server, with a document cache (parse and validate once per
// query text, as Apollo Server does), serving schema/chat.graphql with `hello` resolved.
// Without Apollo's or NestJS's layers, it is the fastest the old backend's platform can
// answer `{ hello }`.
//
//   node bench/graphql_js_server.mjs <port>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, parse, validate } from 'graphql';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = buildSchema(readFileSync(join(root, 'schema/chat.graphql'), 'utf8'));
const rootValue = { hello: () => 'hello brah! u mirin? ' };
const documents = new Map();

function prepared(query) {
  let entry = documents.get(query);
  if (entry === undefined) {
    try {
      const document = parse(query);
      entry = { document, errors: validate(schema, document) };
    } catch (error) {
      entry = { errors: [error] };
    }
    if (documents.size < 1024) documents.set(query, entry);
  }
  return entry;
}

function answer(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const port = Number(process.argv[2] ?? 3000);
createServer((req, res) => {
  if (req.url === '/healthz') return answer(res, 200, '{"status":"ok"}');
  if (req.url !== '/graphql' || req.method !== 'POST') return answer(res, 404, '{}');
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, '{"errors":[{"message":"Invalid JSON"}]}');
    }
    const { document, errors } = prepared(String(request.query ?? ''));
    if (errors.length > 0) return answer(res, 400, JSON.stringify({ errors }));
    const result = execute({
      schema,
      document,
      rootValue,
      variableValues: request.variables,
      operationName: request.operationName,
    });
    answer(res, 200, JSON.stringify(result));
  });
}).listen(port, '127.0.0.1');
