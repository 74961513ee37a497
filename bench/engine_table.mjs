// Turns one run of bench/graphql_engine_bench (Google Benchmark JSON) and one of
// bench/graphql_js_bench.mjs into the markdown table of docs/benchmarks.md.
//
//   node bench/engine_table.mjs <chatd.json> <graphql-js.json>
import { readFileSync } from 'node:fs';

const [chatdFile, jsFile] = process.argv.slice(2);
const chatd = JSON.parse(readFileSync(chatdFile, 'utf8'));
const js = JSON.parse(readFileSync(jsFile, 'utf8'));

const toMicros = { ns: 1e-3, us: 1, ms: 1e3, s: 1e6 };
// Median of the repetitions when there are several, else the single run; wall time (as
// graphql-js is measured).
const times = {};
for (const b of chatd.benchmarks) {
  const name = b.run_name ?? b.name.replace(/_(mean|median|stddev|cv)$/, '');
  if (b.run_type === 'aggregate' && b.aggregate_name !== 'median') continue;
  if (b.run_type === 'aggregate' || times[name] === undefined) {
    times[name] = b.real_time * toMicros[b.time_unit];
  }
}
const c = (name) => {
  if (times[name] === undefined) throw new Error(`missing ${name} in ${chatdFile}`);
  return times[name];
};
const j = (name) => {
  if (js.results[name] === undefined) throw new Error(`missing ${name} in ${jsFile}`);
  return js.results[name];
};

const us = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + ' µs';
const ratio = (baseline, ours) => `${(baseline / ours).toFixed(baseline / ours >= 10 ? 0 : 1)}× faster`;
const row = (measure, ours, baselineName, baseline, target = '') =>
  `| ${measure} | ${us(ours)} | ${baselineName} ${us(baseline)} | ${ratio(baseline, ours)} | ${target} |`;

const executeCached = c('BM_IntrospectionExecuteCached');
const gjs = `graphql-js ${js.graphql}:`;
const lines = [
  `chatd: Google Benchmark (bench/graphql_engine_bench), median wall time; graphql-js ${js.graphql} on Node.js ${js.node} (bench/graphql_js_bench.mjs), same machine, same run.`,
  '',
  '| measure | chatd | baseline | ratio | target |',
  '|---|---|---|---|---|',
  row('introspection query: lex', c('BM_IntrospectionLex'), gjs, j('introspection_lex')),
  row('introspection query: parse', c('BM_IntrospectionParse'), gjs, j('introspection_parse')),
  row('introspection query: validate', c('BM_IntrospectionValidate'), gjs, j('introspection_validate')),
  row(
    'introspection query: execute a cached document',
    executeCached,
    gjs,
    j('introspection_execute'),
    `< 200 µs ${executeCached < 200 ? '✔' : '✘'}`,
  ),
  row(
    'introspection query: execute a cached document, against producing its bytes',
    executeCached,
    'Boost.JSON parse + serialize of the same response:',
    c('BM_BaselineJsonParseSerialize'),
  ),
  row(
    'introspection query: document cache hit + execute',
    c('BM_IntrospectionDocumentCache'),
    `${gjs} execute (no cache)`,
    j('introspection_execute'),
  ),
  row(
    'introspection query: parse + validate + execute',
    c('BM_IntrospectionUncached'),
    gjs,
    j('introspection_parse_validate_execute'),
  ),
  row('`{ hello }`: document cache hit + execute', c('BM_HelloDocumentCache'), `${gjs} execute`, j('hello_execute')),
  row('`{ hello }`: parse + validate + execute', c('BM_HelloUncached'), gjs, j('hello_parse_validate_execute')),
  row(
    '50 messages (fragments, variables): document cache hit + execute',
    c('BM_MessagesDocumentCache'),
    `${gjs} execute`,
    j('messages_execute'),
  ),
  `| of which the resolver copying its canned page of 50 messages | ${us(c('BM_MessagesResolverCopyOnly'))} | | | |`,
  row(
    '50 messages: parse + validate + execute',
    c('BM_MessagesUncached'),
    gjs,
    j('messages_parse_validate_execute'),
  ),
  row(
    'baseline: JSON parse + serialize of the introspection response',
    c('BM_BaselineJsonParseSerialize'),
    'Node.js JSON.parse + JSON.stringify:',
    j('baseline_json_parse_serialize'),
  ),
];
console.log(lines.join('\n'));
