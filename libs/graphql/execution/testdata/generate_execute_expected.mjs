import { readFileSync, writeFileSync } from 'fs';
import { buildSchema, graphqlSync, GraphQLError } from 'graphql';
const schema = buildSchema(readFileSync('schema.graphql','utf8'));
const root = JSON.parse(readFileSync('root.json','utf8'));
root.echo = (args) => JSON.stringify(args);
root.failing = () => { throw new GraphQLError('boom'); };
root.failingNonNull = () => { throw new GraphQLError('boom'); };
const cases = JSON.parse(readFileSync('cases.json','utf8'));
const out = {};
for (const [name, q, vars] of cases) {
  out[name] = JSON.parse(JSON.stringify(graphqlSync({schema, source: q, rootValue: root, variableValues: vars})));
}
writeFileSync('expected.json', JSON.stringify(out, null, 1));
for (const [k,v] of Object.entries(out)) console.log(k, JSON.stringify(v));
