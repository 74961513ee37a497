import { readFileSync, writeFileSync } from 'fs';
import { buildSchema, graphqlSync, getIntrospectionQuery } from 'graphql';
const sdl = readFileSync('/work/main/schema/contract/original.graphql', 'utf8');
const schema = buildSchema(sdl);
const q = getIntrospectionQuery({descriptions:true, specifiedByUrl:true, directiveIsRepeatable:true, schemaDescription:true, inputValueDeprecation:true});
writeFileSync('/tmp/gqljs-exec/introspection_query.graphql', q);
const r = graphqlSync({schema, source: q});
writeFileSync('/tmp/gqljs-exec/chat_introspection.json', JSON.stringify(r, null, 2) + '\n');
console.log(Object.keys(r), r.errors);
