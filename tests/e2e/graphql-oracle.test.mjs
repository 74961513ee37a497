// GQL-1 differential tests: chatd's GraphQL engine against graphql-js 16.15 (the
// behavioural reference), over HTTP (HTTP-1, ERR-1).
//
// A corpus of hand-written documents (oracle/corpus.mjs) and seeded mutations of valid
// ones (oracle/generator.mjs; ORACLE_SEED=<n> replays a seed, ORACLE_COUNT=<n> sets
// how many) is POSTed to /graphql in batches of 16 and compared with graphql-js:
//  - chatd accepts a document exactly when graphql-js parses and validates it;
//  - when both reject, the first error's message and locations are graphql-js's;
//  - accepted documents that need no data (hello, __typename, introspection) answer
//    graphql-js `execute`'s data (and errors), key order included;
//  - accepted operations fail variable coercion (or operation selection) exactly when
//    graphql-js `execute` does, with its messages.
// Where chatd answers differently on purpose, the test asserts chatd's own answer: the
// contract's DateTime and Upload scalars (GQL-3; the graphql-js schema gets the same
// input coercion, oracle/scalars.mjs), subscriptions over HTTP (refused: they are served
// on the WebSocket) and an empty `query` (refused by the HTTP layer, as Apollo does).
// The corpus must make every graphql-js specified rule fail alone at least once and
// cover the lexer's edge cases. Documents stay under chatd's GQL-5 limits, which
// graphql-js does not have; separate tests show those limits and their messages.
// Last, introspection over HTTP must rebuild (buildClientSchema) into a schema with
// no breaking or dangerous change from the contract (schema/chat.graphql).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, buildClientSchema, parse, validate, execute, specifiedRules, getIntrospectionQuery,
  findBreakingChanges, findDangerousChanges, printSchema, GraphQLError, Kind,
} from 'graphql';

import { startChatd } from './lib/chatd.mjs';
import { handWritten, seeds, lexicalCategories } from './oracle/corpus.mjs';
import { generateCorpus } from './oracle/generator.mjs';
import { SERVER_LIMITS, withinServerLimits } from './oracle/limits.mjs';
import { buildServedSchema } from './oracle/scalars.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SDL = readFileSync(path.resolve(here, '../../schema/chat.graphql'), 'utf8');
// The public contract as the old backend published it (GQL-2): schema/chat.graphql may
// only grow from it by non-breaking changes (ROOM-5's additions).
const ORIGINAL_SDL = readFileSync(path.resolve(here, '../../schema/contract/original.graphql'), 'utf8');
// `schema` is graphql-js's buildSchema of the contract, as the rule coverage and the
// introspection comparison use it; `served` adds the contract's DateTime and Upload
// input coercion (GQL-3, oracle/scalars.mjs), which the answers are compared against.
const schema = buildSchema(SDL);
const served = buildServedSchema(SDL);
const ROOT_VALUE = { hello: 'hello brah! u mirin? ' };

const SEED = Number(process.env.ORACLE_SEED ?? 20251110);
const GENERATED = Number(process.env.ORACLE_COUNT ?? 320);
const BATCH = 16; // HTTP-1: at most 16 operations per batched request
const IN_FLIGHT = 4; // batches sent at once

/**
 * Documents on which chatd is known to differ from graphql-js because of an execution
 * bug (libs/graphql/execution, owned elsewhere): name → what differs. The corpus test
 * asserts each still differs, so a fix forces its removal from this list.
 */
const KNOWN_EXECUTION_DIFFERENCES = new Map([
]);

/**
 * Documents the HTTP layer answers before the engine sees them (HTTP-1, as Apollo
 * Server 4): sent alone, since such an error refuses a whole batch.
 */
const EMPTY_QUERY_MESSAGE = 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.';
const answeredByHttpLayer = (entry) => entry.query === '';

// ---------------------------------------------------------------------------
// the corpus

const introspectionVariants = [
  ['default', {}],
  ['no-descriptions', { descriptions: false }],
  ['specifiedByUrl', { specifiedByUrl: true }],
  ['directiveIsRepeatable', { directiveIsRepeatable: true }],
  ['schemaDescription', { schemaDescription: true }],
  ['inputValueDeprecation', { inputValueDeprecation: true }],
  ['oneOf', { oneOf: true }],
  ['typeDepth-3', { typeDepth: 3 }],
  ['all-options', {
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
    inputValueDeprecation: true, oneOf: true,
  }],
].map(([label, options]) => ({ name: `introspection/${label}`, query: getIntrospectionQuery(options), operationName: 'IntrospectionQuery' }));

const generated = generateCorpus({ schema, seeds, seed: SEED, count: GENERATED });
const corpus = [...handWritten, ...introspectionVariants, ...generated];

function describe(entry) {
  const parts = [`[seed ${SEED}] ${entry.name}`, `query: ${JSON.stringify(entry.query)}`];
  if (entry.variables !== undefined) parts.push(`variables: ${JSON.stringify(entry.variables)}`);
  if (entry.rawVariables !== undefined) parts.push(`variables (raw JSON): ${entry.rawVariables}`);
  if (entry.operationName !== undefined) parts.push(`operationName: ${entry.operationName}`);
  return parts.join('\n    ');
}

// ---------------------------------------------------------------------------
// graphql-js's answers

/**
 * graphql-js `validate`, where a GraphQLError thrown out of it counts as its only error:
 * SingleFieldSubscriptionsRule collects root fields with no variable values, so a
 * `@skip`/`@include` it cannot evaluate there throws (chatd answers that error alone).
 */
function validateOrThrown(document, rules, against = served) {
  try {
    return validate(against, document, rules);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [error];
  }
}

const references = new WeakMap();

/** parse + validate: { accepted, stage, errors, document } (computed once per entry). */
function reference(entry) {
  if (!references.has(entry)) references.set(entry, computeReference(entry));
  return references.get(entry);
}

function computeReference(entry) {
  let document;
  try {
    document = parse(entry.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { accepted: false, stage: 'parse', errors: [error] };
  }
  const errors = validateOrThrown(document);
  return { accepted: errors.length === 0, stage: 'validation', errors, document };
}

/** The operation graphql-js would run, or undefined. */
function selectedOperation(document, operationName) {
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName === undefined) return ops.length === 1 ? ops[0] : undefined;
  return ops.find((o) => o.name?.value === operationName);
}

const DATA_FREE_ROOT_FIELDS = new Set(['hello', '__typename', '__schema', '__type']);

/** True when the selected query or mutation selects only hello, __typename and introspection. */
function needsNoData(document, operationName) {
  const op = selectedOperation(document, operationName);
  if (!op || op.operation === 'subscription') return false;
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const seen = new Set();
  const onlyDataFree = (set) => set.selections.every((s) => {
    if (s.kind === Kind.FIELD) return DATA_FREE_ROOT_FIELDS.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyDataFree(s.selectionSet);
    if (seen.has(s.name.value)) return true;
    seen.add(s.name.value);
    return onlyDataFree(fragments.get(s.name.value).selectionSet);
  });
  return onlyDataFree(op.selectionSet);
}

/** The variables as graphql-js receives them (JSON.parse of what is sent). */
const variablesOf = (entry) => (entry.rawVariables !== undefined ? JSON.parse(entry.rawVariables) : entry.variables);

/** graphql-js `execute` as JSON (its objects have no prototype). */
function jsExecute(entry, document) {
  const result = execute({
    schema: served, document, rootValue: ROOT_VALUE, variableValues: variablesOf(entry), operationName: entry.operationName,
  });
  assert.ok(typeof result.then !== 'function', 'graphql-js executes these documents synchronously');
  return JSON.parse(JSON.stringify(result));
}

const errorShape = (e) => {
  const shape = { message: e.message };
  if (e.locations !== undefined) shape.locations = e.locations;
  if (e.path !== undefined) shape.path = e.path;
  return shape;
};

// ---------------------------------------------------------------------------
// talking to chatd

let srv;

before(async () => {
  srv = await startChatd({ env: { RATE_LIMITS: 'off' } });
});
after(async () => {
  await srv?.cleanup();
});

/** One operation's JSON text (raw variables are sent exactly as written). */
function operationJson(entry) {
  const parts = [`"query":${JSON.stringify(entry.query)}`];
  if (entry.variables !== undefined) parts.push(`"variables":${JSON.stringify(entry.variables)}`);
  if (entry.rawVariables !== undefined) parts.push(`"variables":${entry.rawVariables}`);
  if (entry.operationName !== undefined) parts.push(`"operationName":${JSON.stringify(entry.operationName)}`);
  return `{${parts.join(',')}}`;
}

/** POST /graphql with a JSON body (a value, or JSON text as it is). */
async function postGraphql(body, accept = 'application/json') {
  const res = await fetch(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`/graphql answered ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, json };
}

/**
 * Every entry's response, through batched POSTs (IN_FLIGHT at a time); entries the HTTP
 * layer answers are sent alone and get { httpStatus, body }.
 */
async function runAll(entries) {
  const results = new Array(entries.length);
  const indexes = entries.map((_, i) => i).filter((i) => !answeredByHttpLayer(entries[i]));
  const batches = [];
  for (let i = 0; i < indexes.length; i += BATCH) batches.push(indexes.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const { status, json } = await postGraphql(`[${batch.map((i) => operationJson(entries[i])).join(',')}]`);
      assert.equal(status, 200, `a batch answers 200: ${JSON.stringify(json).slice(0, 300)}`);
      assert.ok(Array.isArray(json) && json.length === batch.length,
        `a batch of ${batch.length} answers an array of as many results: ${JSON.stringify(json).slice(0, 300)}`);
      json.forEach((r, k) => { results[batch[k]] = r; });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  for (const [i, entry] of entries.entries()) {
    if (!answeredByHttpLayer(entry)) continue;
    const { status, json } = await postGraphql(operationJson(entry));
    results[i] = { httpStatus: status, body: json };
  }
  return results;
}

/** chatd's answer to a subscription over HTTP (its WebSocket serves them). */
const SUBSCRIPTION_OVER_HTTP = 'Subscriptions are not served over HTTP; subscribe over WebSocket at /graphql.';

const REJECTION_CODES = { parse: 'GRAPHQL_PARSE_FAILED', validation: 'GRAPHQL_VALIDATION_FAILED' };

/** chatd refused the document itself (a parse or validation error, no data). */
const serverRejected = (res) => !('data' in res)
  && Array.isArray(res.errors)
  && Object.values(REJECTION_CODES).includes(res.errors[0]?.extensions?.code);

/** Every way `res` (chatd's answer to `entry`) differs from graphql-js; [] when none. */
function compare(entry, res) {
  const problems = [];
  const ref = reference(entry);
  if (answeredByHttpLayer(entry)) {
    // graphql-js would say "Syntax Error: Unexpected <EOF>."; chatd answers as Apollo does.
    assert.equal(ref.accepted, false);
    const e = res.body.errors?.[0];
    if (res.httpStatus !== 400 || e?.message !== EMPTY_QUERY_MESSAGE || e?.extensions?.code !== 'BAD_REQUEST') {
      problems.push(`expected 400 BAD_REQUEST ${JSON.stringify(EMPTY_QUERY_MESSAGE)}, got ${res.httpStatus} ${JSON.stringify(res.body)}`);
    }
    return problems;
  }
  if (serverRejected(res) !== !ref.accepted) {
    problems.push(ref.accepted
      ? `graphql-js accepts, chatd rejects with ${JSON.stringify(res.errors[0])}`
      : `graphql-js rejects (${ref.stage}: ${JSON.stringify(errorShape(ref.errors[0]))}), chatd accepts: ${JSON.stringify(res).slice(0, 300)}`);
    return problems;
  }
  if (!ref.accepted) {
    const expected = ref.errors[0];
    const actual = res.errors[0];
    if (actual.message !== expected.message) {
      problems.push(`first error message: expected ${JSON.stringify(expected.message)}, got ${JSON.stringify(actual.message)}`);
    }
    if (expected.locations !== undefined) {
      try {
        assert.deepStrictEqual(actual.locations, expected.locations.map(({ line, column }) => ({ line, column })));
      } catch {
        problems.push(`first error locations: expected ${JSON.stringify(expected.locations)}, got ${JSON.stringify(actual.locations)}`);
      }
    }
    if (actual.extensions?.code !== REJECTION_CODES[ref.stage]) {
      problems.push(`error code: expected ${REJECTION_CODES[ref.stage]}, got ${actual.extensions?.code}`);
    }
    return problems;
  }

  // Accepted by both: request errors (operation selection, variable coercion) and,
  // for documents that need no data, the whole result. (graphql-js resolves the other
  // root fields to null from ROOT_VALUE; chatd answers NOT_IMPLEMENTED for now.)
  const noData = needsNoData(ref.document, entry.operationName);
  const op = selectedOperation(ref.document, entry.operationName);
  if (op?.operation === 'subscription') {
    // graphql-js `execute` would run it once as a query; chatd refuses it over HTTP.
    const e = res.errors?.[0];
    if ('data' in res || res.errors?.length !== 1 || e.message !== SUBSCRIPTION_OVER_HTTP || e.extensions?.code !== 'BAD_REQUEST') {
      problems.push(`a subscription over HTTP: expected BAD_REQUEST ${JSON.stringify(SUBSCRIPTION_OVER_HTTP)}, got ${JSON.stringify(res)}`);
    }
    return problems;
  }
  const js = jsExecute(entry, ref.document);
  const jsRequestError = !('data' in js);
  const serverRequestError = !('data' in res);
  if (jsRequestError !== serverRequestError) {
    problems.push(`request error: graphql-js ${JSON.stringify(js).slice(0, 300)}, chatd ${JSON.stringify(res).slice(0, 300)}`);
    return problems;
  }
  if (jsRequestError) {
    const expected = js.errors.map(errorShape);
    const actual = (res.errors ?? []).map(errorShape);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`request errors: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
    for (const e of res.errors ?? []) {
      // operation selection is the request's fault; the rest is variable coercion
      const code = /^(Must provide|Unknown operation named)/.test(e.message) ? 'BAD_REQUEST' : 'BAD_USER_INPUT';
      if (e.extensions?.code !== code) problems.push(`code of ${JSON.stringify(e.message)}: expected ${code}, got ${e.extensions?.code}`);
    }
    return problems;
  }
  if (noData) {
    if (JSON.stringify(res.data) !== JSON.stringify(js.data)) {
      problems.push(`data: expected ${JSON.stringify(js.data).slice(0, 2000)}, got ${JSON.stringify(res.data).slice(0, 2000)}`);
    }
    const expected = (js.errors ?? []).map(errorShape);
    const actual = (res.errors ?? []).map(errorShape);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`execution errors: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// the corpus itself

test('GQL-1 oracle: the corpus is large, distinct and within the server limits', () => {
  assert.ok(corpus.length >= 300, `at least 300 documents (have ${corpus.length})`);
  const names = new Set();
  for (const entry of corpus) {
    assert.ok(!names.has(entry.name), `unique name: ${entry.name}`);
    names.add(entry.name);
    assert.ok(withinServerLimits(entry.query), `within chatd's GQL-5 limits ${JSON.stringify(SERVER_LIMITS)}: ${describe(entry)}`);
  }
  for (const name of KNOWN_EXECUTION_DIFFERENCES.keys()) assert.ok(names.has(name), `known difference ${name} is in the corpus`);
  const accepted = corpus.filter((e) => reference(e).accepted).length;
  assert.ok(accepted >= 60 && corpus.length - accepted >= 150,
    `a mix of accepted (${accepted}) and rejected (${corpus.length - accepted}) documents`);
});

test('GQL-1 oracle: every graphql-js specified rule fails alone on some document', () => {
  const parsed = corpus.flatMap((entry) => {
    try {
      return [{ entry, document: parse(entry.query) }];
    } catch {
      return [];
    }
  });
  const missing = [];
  for (const rule of specifiedRules) {
    const alone = parsed.find(({ document }) => {
      if (validateOrThrown(document, [rule], schema).length === 0) return false;
      return specifiedRules.every((other) => other === rule || validateOrThrown(document, [other], schema).length === 0);
    });
    if (!alone) missing.push(rule.name);
  }
  assert.deepEqual(missing, [], `rules no document fails alone (seed ${SEED})`);
});

test('GQL-1 oracle: the fragment-work documents still need the budget shared with SingleFieldSubscriptionsRule', () => {
  const withoutRule = specifiedRules.filter((rule) => rule.name !== 'SingleFieldSubscriptionsRule');
  const shared = corpus.find((e) => e.name === 'engine-limit/fragment-work-shared-by-subscriptions');
  assert.deepEqual(validate(served, parse(shared.query)).map((e) => e.message), ['Validation aborted.']);
  assert.deepEqual(validate(served, parse(shared.query), withoutRule), [], 'the context alone stays within the budget');
  const fits = corpus.find((e) => e.name === 'engine-limit/fragment-work-fits');
  assert.deepEqual(validate(served, parse(fits.query)), []);
});

test('GQL-1 oracle: the corpus covers the lexer edge cases', () => {
  for (const [category, pattern] of Object.entries(lexicalCategories)) {
    assert.ok(corpus.some((e) => pattern.test(e.name)), `a document for ${category}`);
  }
  const parseErrors = corpus.filter((e) => reference(e).stage === 'parse').length;
  assert.ok(parseErrors >= 80, `at least 80 syntax-error documents (have ${parseErrors})`);
});

test(`GQL-1 oracle: chatd answers every corpus document as graphql-js 16.15 does (seed ${SEED})`, { timeout: 60_000 }, async (t) => {
  const started = Date.now();
  const results = await runAll(corpus);
  const failures = [];
  const stillKnown = [];
  let compared = 0;
  let dataCompared = 0;
  corpus.forEach((entry, i) => {
    const problems = compare(entry, results[i]);
    compared += 1;
    const ref = reference(entry);
    if (ref.accepted && needsNoData(ref.document, entry.operationName)) dataCompared += 1;
    if (KNOWN_EXECUTION_DIFFERENCES.has(entry.name)) {
      if (problems.length) stillKnown.push(entry.name);
      else failures.push(`${describe(entry)}\n    listed in KNOWN_EXECUTION_DIFFERENCES but now agrees with graphql-js: remove it from the list`);
      return;
    }
    if (problems.length) failures.push(`${describe(entry)}\n    ${problems.join('\n    ')}`);
  });
  t.diagnostic(`seed ${SEED}: ${compared} documents (${generated.length} generated), ${dataCompared} with data compared, ${stillKnown.length} known execution differences, ${Date.now() - started} ms`);
  assert.ok(dataCompared >= 40, `at least 40 documents compare data (have ${dataCompared})`);
  assert.equal(failures.length, 0, `${failures.length} documents differ from graphql-js (replay with ORACLE_SEED=${SEED}):\n\n${failures.join('\n\n')}`);
});

// ---------------------------------------------------------------------------
// chatd's own limits (GQL-5): graphql-js has none, so the server's messages are asserted

/** A valid query nesting `depth` selection sets: { getChatroomById { messages { chatroom { … { id } } } } }. */
function nestedRooms(depth) {
  let inner = 'id';
  for (let level = depth - 2; level >= 1; --level) inner = `${level % 2 === 1 ? 'messages' : 'chatroom'} { ${inner} }`;
  return `{ getChatroomById(chatroomId: 1) { ${inner} } }`;
}

async function expectLimit(query, message, code = 'GRAPHQL_VALIDATION_FAILED') {
  const { status, json } = await postGraphql({ query });
  assert.equal(status, 200, 'application/json answers GraphQL errors with 200');
  assert.ok(!('data' in json), `no data: ${JSON.stringify(json).slice(0, 300)}`);
  assert.equal(json.errors?.[0]?.message, message, JSON.stringify(json).slice(0, 500));
  assert.equal(json.errors[0].extensions?.code, code);
  const strict = await postGraphql({ query }, 'application/graphql-response+json');
  assert.equal(strict.status, 400, 'application/graphql-response+json answers a rejected document with 400');
  return json;
}

async function expectAcceptedByServer(query) {
  const { json } = await postGraphql({ query });
  assert.ok('data' in json, `accepted: ${JSON.stringify(json).slice(0, 500)}`);
}

test('GQL-5: depth over 12 (outside introspection) is refused with the server\'s message', { timeout: 15_000 }, async () => {
  const deep = nestedRooms(13);
  assert.deepEqual(validate(served, parse(deep)), [], 'graphql-js accepts the document');
  await expectAcceptedByServer(nestedRooms(12));
  const body = await expectLimit(deep, 'Query depth 13 exceeds the maximum of 12.');
  assert.deepEqual(body.errors[0].locations, [{ line: 1, column: 1 }]);
  await expectLimit(`query Deep ${deep.replace('{ getChatroomById', '{ hello getChatroomById')}`, 'Query depth 13 exceeds the maximum of 12.');
  // introspection does not count toward the depth (typeDepth 12 nests far deeper)
  await expectAcceptedByServer(getIntrospectionQuery({ typeDepth: 12 }));
});

test('GQL-5: more than 30 aliases or 20 root fields are refused with the server\'s messages', { timeout: 15_000 }, async () => {
  const aliases = (n) => `{ findAllUsers { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } }`;
  await expectAcceptedByServer(aliases(30));
  assert.deepEqual(validate(served, parse(aliases(31))), []);
  await expectLimit(aliases(31), 'Operation uses 31 aliases, more than the maximum of 30.');
  const roots = (n) => `{ ${'hello '.repeat(n)}}`;
  await expectAcceptedByServer(roots(20));
  assert.deepEqual(validate(served, parse(roots(21))), []);
  await expectLimit(roots(21), 'Operation selects 21 root fields, more than the maximum of 20.');
  await expectLimit(`{ ...F ...F }\nfragment F on Query { ${'__typename '.repeat(11)}}`,
    'Operation selects 22 root fields, more than the maximum of 20.');
});

test('GQL-5: more than 15000 tokens (comments included) and nesting over 256 are refused', { timeout: 15_000 }, async () => {
  // 15 001 tokens: graphql-js with maxTokens 15000 gives the same message and location.
  const many = `{ getChatroomById(chatroomId: [${'1 '.repeat(14_995)}]) { id } }`;
  let jsError;
  try { parse(many, { maxTokens: 15_000 }); } catch (e) { jsError = e; }
  assert.ok(jsError instanceof GraphQLError, 'graphql-js maxTokens refuses it too');
  const body = await expectLimit(many, jsError.message, 'GRAPHQL_PARSE_FAILED');
  assert.deepEqual(body.errors[0].locations, jsError.locations.map(({ line, column }) => ({ line, column })));
  // Comments count on the server (graphql-js's maxTokens skips them).
  const commented = `${'# c\n'.repeat(15_000)}{ hello }`;
  assert.doesNotThrow(() => parse(commented, { maxTokens: 15_000 }));
  await expectLimit(commented, 'Syntax Error: Document contains more that 15000 tokens. Parsing aborted.', 'GRAPHQL_PARSE_FAILED');
  // Nesting: graphql-js parses 300 nested lists; chatd stops at 256 levels.
  const nested = `{ getChatroomById(chatroomId: ${'['.repeat(300)}1${']'.repeat(300)}) { id } }`;
  assert.doesNotThrow(() => parse(nested));
  await expectLimit(nested, 'Syntax Error: Document nesting exceeds 256 levels.', 'GRAPHQL_PARSE_FAILED');
});

// ---------------------------------------------------------------------------
// introspection over HTTP (GQL-1, GQL-2)

test('GQL-1/GQL-2: introspection rebuilds the contract with no breaking or dangerous change', { timeout: 15_000 }, async () => {
  const contract = buildSchema(SDL); // schema/chat.graphql is the project's copy of the contract
  for (const options of [{}, {
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
    inputValueDeprecation: true, oneOf: true,
  }]) {
    const { status, json } = await postGraphql({ query: getIntrospectionQuery(options) });
    assert.equal(status, 200);
    assert.equal(json.errors, undefined, JSON.stringify(json.errors));
    const served = buildClientSchema(json.data);
    assert.deepEqual(findBreakingChanges(contract, served), [], `no breaking change (${JSON.stringify(options)})`);
    assert.deepEqual(findDangerousChanges(contract, served), [], `no dangerous change (${JSON.stringify(options)})`);
    assert.equal(printSchema(served), printSchema(contract), 'the served schema prints as the contract');
    const original = buildSchema(ORIGINAL_SDL);
    assert.deepEqual(findBreakingChanges(original, served), [], 'GQL-2: no breaking change from the original contract');
    assert.deepEqual(findDangerousChanges(original, served), [], 'GQL-2: no dangerous change from the original contract');
  }
});
