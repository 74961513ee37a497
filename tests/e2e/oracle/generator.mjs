// Seeded generator of the differential corpus (graphql-oracle.test.mjs): mutates valid
// documents (oracle/corpus.mjs `seeds`) into mostly invalid ones. The same seed always
// gives the same documents, so a failure names its seed and can be replayed with
// ORACLE_SEED=<seed>.
//
// Mutations work on graphql-js's AST (drop, duplicate, rename, alias fields; unknown,
// duplicate, missing and wrongly typed arguments; broken, cyclic and misplaced
// fragments; directives in wrong places; unused, undefined and retyped variables;
// extra operations; nested fragments) and on the printed text (invalid literals,
// deleted, inserted and swapped characters, truncation). Only graphql-js is used here;
// what the server answers is compared in the test file.

import { parse, print, stripIgnoredCharacters, visit, TypeInfo, visitWithTypeInfo, Kind } from 'graphql';

import { withinServerLimits } from './limits.mjs';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------
// AST helpers (the AST is a plain JSON copy: no `loc`, freely mutable)

const clone = (v) => JSON.parse(JSON.stringify(v));
const name = (value) => ({ kind: Kind.NAME, value });

/** Every node of `root` with its parent array/object slot: [{ node, parent, key }]. */
function collect(root, pred) {
  const out = [];
  const walk = (node, parent, key) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, node, i));
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (typeof node.kind === 'string' && pred(node)) out.push({ node, parent, key });
    for (const [k, v] of Object.entries(node)) {
      if (k !== 'loc' && v && typeof v === 'object') walk(v, node, k);
    }
  };
  walk(root, null, null);
  return out;
}

const ofKind = (...kinds) => (n) => kinds.includes(n.kind);

/** Parent type name of each SelectionSet (by identity), from graphql-js TypeInfo. */
function selectionSetTypes(schema, doc) {
  const types = new Map();
  const typeInfo = new TypeInfo(schema);
  visit(doc, visitWithTypeInfo(typeInfo, {
    SelectionSet(node) {
      const t = typeInfo.getParentType();
      if (t) types.set(node, t.name);
    },
  }));
  return types;
}

/** Random literal of any kind, including ones that fit few positions. */
function randomValue(rng, { allowVariables = true, varNames = [] } = {}) {
  const choices = [
    () => ({ kind: Kind.INT, value: rng.pick(['0', '1', '-7', '42', '2147483647', '2147483648', '-2147483649']) }),
    () => ({ kind: Kind.FLOAT, value: rng.pick(['1.5', '0.0', '-2.25e3', '1e10', '3.0']) }),
    () => ({ kind: Kind.STRING, value: rng.pick(['', 'x', 'Query', '1', 'PUBLIC', 'ünï☃de', ...DATE_TIMES]), block: rng.chance(0.2) }),
    () => ({ kind: Kind.BOOLEAN, value: rng.chance(0.5) }),
    () => ({ kind: Kind.NULL }),
    () => ({ kind: Kind.ENUM, value: rng.pick(['PUBLIC', 'PRIVATE', 'RED', 'TRUE']) }),
    () => ({ kind: Kind.LIST, values: Array.from({ length: rng.int(3) }, () => randomValue(rng, { allowVariables: false })) }),
    () => ({
      kind: Kind.OBJECT,
      fields: Array.from({ length: rng.int(3) }, () => ({
        kind: Kind.OBJECT_FIELD,
        name: name(rng.pick(['email', 'password', 'name', 'access', 'userIds', 'x'])),
        value: randomValue(rng, { allowVariables: false }),
      })),
    }),
  ];
  if (allowVariables) {
    choices.push(() => ({ kind: Kind.VARIABLE, name: name(varNames.length && rng.chance(0.6) ? rng.pick(varNames) : rng.pick(['nope', 'id', 'x'])) }));
  }
  return rng.pick(choices)();
}

/** Strings for DateTime positions (GQL-3): valid, invalid and edge RFC 3339 date-times. */
const DATE_TIMES = [
  '2025-11-10T20:00:00.000Z', '2025-11-10T21:00:00+01:00', '2024-02-29T00:00:00z', '2025-02-29T00:00:00Z',
  '2025-11-10 20:00:00Z', '2025-11-10T20:00:60Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999-00:01',
];

const TYPE_REFS = [
  'Int', 'Int!', 'Float', 'Float!', 'String', 'String!', 'Boolean', 'Boolean!', 'ID', '[Int]', '[Float!]!',
  '[[String]]', 'LogInInput', 'LogInInput!', 'CreateChatroomInput', 'Upload', 'DateTime', 'ChatroomAccess',
  'UserEntity', 'Query', 'Nope', '[Nope!]',
];

function parseTypeRef(text) {
  // graphql-js parses a type reference through a variable definition.
  const doc = parse(`query ($v: ${text}) { __typename }`);
  return clone(doc.definitions[0].variableDefinitions[0].type);
}

function directive(rng, varNames) {
  const pick = rng.int(11);
  const arg = (n, value) => ({ kind: Kind.ARGUMENT, name: name(n), value });
  switch (pick) {
    case 0: return { kind: Kind.DIRECTIVE, name: name('skip'), arguments: [arg('if', { kind: Kind.BOOLEAN, value: true })] };
    case 1: return { kind: Kind.DIRECTIVE, name: name('include'), arguments: [arg('if', { kind: Kind.BOOLEAN, value: false })] };
    case 2: return { kind: Kind.DIRECTIVE, name: name('include'), arguments: [] };
    case 3: return { kind: Kind.DIRECTIVE, name: name('deprecated'), arguments: [] };
    case 4: return { kind: Kind.DIRECTIVE, name: name('deprecated'), arguments: [arg('reason', { kind: Kind.STRING, value: 'old' })] };
    case 5: return { kind: Kind.DIRECTIVE, name: name('specifiedBy'), arguments: [arg('url', { kind: Kind.STRING, value: 'https://x' })] };
    case 6: return { kind: Kind.DIRECTIVE, name: name('oneOf'), arguments: [] };
    case 7: return { kind: Kind.DIRECTIVE, name: name(rng.pick(['foo', 'skipp', 'Include'])), arguments: [] };
    case 8: return { kind: Kind.DIRECTIVE, name: name('skip'), arguments: [arg('if', randomValue(rng, { varNames }))] };
    case 9: return { kind: Kind.DIRECTIVE, name: name('include'), arguments: [arg('if', { kind: Kind.BOOLEAN, value: true }), arg(rng.pick(['if', 'unless']), { kind: Kind.BOOLEAN, value: true })] };
    default: return { kind: Kind.DIRECTIVE, name: name('skip'), arguments: [arg('if', { kind: Kind.VARIABLE, name: name(varNames.length ? rng.pick(varNames) : 'flag') })] };
  }
}

function typo(rng, word) {
  if (word.length < 2) return word + 'x';
  const i = rng.int(word.length - 1);
  switch (rng.int(5)) {
    case 0: return word.slice(0, i) + word.slice(i + 1); // drop
    case 1: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
    case 2: return word.slice(0, i) + word[i].toUpperCase() + word.slice(i + 1);
    case 3: return `${word}s`;
    default: return word.slice(0, i) + word[i] + word.slice(i); // doubled letter
  }
}

const FIELD_NAMES = [
  'id', 'name', 'email', 'fullname', 'hello', 'users', 'messages', 'user', 'node', 'edges', 'cursor', 'content',
  'chatroom', 'totalCount', 'pageInfo', 'access', 'findAllUsers', 'logout', '__typename', '__schema', 'kind',
  'fields', 'type', 'ofType', 'createdAt',
];

// ---------------------------------------------------------------------------
// AST mutations: (doc, rng, ctx) → short description, or null when not applicable

const astMutations = {
  dropSelection(doc, rng) {
    const sets = collect(doc, ofKind(Kind.SELECTION_SET)).filter(({ node }) => node.selections.length > 0);
    if (!sets.length) return null;
    const { node } = rng.pick(sets);
    node.selections.splice(rng.int(node.selections.length), 1);
    return 'drop selection';
  },
  duplicateSelection(doc, rng) {
    const sets = collect(doc, ofKind(Kind.SELECTION_SET)).filter(({ node }) => node.selections.length > 0);
    if (!sets.length) return null;
    const { node } = rng.pick(sets);
    const i = rng.int(node.selections.length);
    const copy = clone(node.selections[i]);
    if (copy.kind === Kind.FIELD && copy.arguments?.length && rng.chance(0.5)) {
      copy.arguments[0].value = randomValue(rng, { allowVariables: false });
    }
    node.selections.splice(i + 1, 0, copy);
    return 'duplicate selection';
  },
  renameField(doc, rng) {
    const fields = collect(doc, ofKind(Kind.FIELD));
    if (!fields.length) return null;
    const { node } = rng.pick(fields);
    node.name = name(rng.chance(0.6) ? typo(rng, node.name.value) : rng.pick(FIELD_NAMES));
    return 'rename field';
  },
  aliasField(doc, rng) {
    const fields = collect(doc, ofKind(Kind.FIELD));
    if (!fields.length) return null;
    const { node } = rng.pick(fields);
    node.alias = name(rng.pick(['a', 'id', 'hello', 'x', 'name', '__typename']));
    return 'alias field';
  },
  addUnknownArgument(doc, rng, ctx) {
    const targets = collect(doc, ofKind(Kind.FIELD, Kind.DIRECTIVE));
    if (!targets.length) return null;
    const { node } = rng.pick(targets);
    node.arguments = [...(node.arguments ?? []), {
      kind: Kind.ARGUMENT,
      name: name(rng.pick(['foo', 'chatroomId', 'limit', 'if', 'Id', 'take', 'cursor'])),
      value: randomValue(rng, { varNames: ctx.varNames }),
    }];
    return 'add argument';
  },
  dropArgument(doc, rng) {
    const targets = collect(doc, ofKind(Kind.FIELD, Kind.DIRECTIVE)).filter(({ node }) => node.arguments?.length);
    if (!targets.length) return null;
    const { node } = rng.pick(targets);
    node.arguments.splice(rng.int(node.arguments.length), 1);
    return 'drop argument';
  },
  duplicateArgument(doc, rng) {
    const targets = collect(doc, ofKind(Kind.FIELD, Kind.DIRECTIVE)).filter(({ node }) => node.arguments?.length);
    if (!targets.length) return null;
    const { node } = rng.pick(targets);
    node.arguments.push(clone(rng.pick(node.arguments)));
    return 'duplicate argument';
  },
  wrongValue(doc, rng, ctx) {
    const slots = [
      ...collect(doc, ofKind(Kind.ARGUMENT)),
      ...collect(doc, ofKind(Kind.OBJECT_FIELD)),
    ];
    if (!slots.length) return null;
    const { node } = rng.pick(slots);
    node.value = randomValue(rng, { varNames: ctx.varNames });
    return 'wrong value';
  },
  duplicateObjectField(doc, rng) {
    const objects = collect(doc, ofKind(Kind.OBJECT)).filter(({ node }) => node.fields.length);
    if (!objects.length) return null;
    const { node } = rng.pick(objects);
    node.fields.push(clone(rng.pick(node.fields)));
    return 'duplicate object field';
  },
  wrapInInlineFragment(doc, rng, ctx) {
    const sets = collect(doc, ofKind(Kind.SELECTION_SET)).filter(({ node }) => node.selections.length > 0);
    if (!sets.length) return null;
    const { node } = rng.pick(sets);
    const i = rng.int(node.selections.length);
    const own = ctx.setTypes.get(node);
    const condition = rng.pick([null, own, own, 'Query', 'UserEntity', 'ChatroomEntity', 'String', 'Nope', '__Type']);
    let inner = { kind: Kind.SELECTION_SET, selections: [node.selections[i]] };
    for (let depth = rng.int(3); depth > 0; --depth) {
      inner = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.INLINE_FRAGMENT, directives: [], selectionSet: inner }] };
    }
    node.selections[i] = {
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: condition ? { kind: Kind.NAMED_TYPE, name: name(condition) } : undefined,
      directives: rng.chance(0.3) ? [directive(rng, ctx.varNames)] : [],
      selectionSet: inner,
    };
    return 'wrap in inline fragment';
  },
  extractFragment(doc, rng, ctx) {
    const sets = collect(doc, ofKind(Kind.SELECTION_SET)).filter(({ node }) => node.selections.length > 0 && ctx.setTypes.has(node));
    if (!sets.length) return null;
    const { node } = rng.pick(sets);
    const fragmentName = `Frag${ctx.fresh++}`;
    const own = ctx.setTypes.get(node);
    const condition = rng.chance(0.8) ? own : rng.pick(['Query', 'UserEntity', 'MessageEntity', 'Int', 'Nope']);
    doc.definitions.push({
      kind: Kind.FRAGMENT_DEFINITION,
      name: name(fragmentName),
      typeCondition: { kind: Kind.NAMED_TYPE, name: name(condition) },
      directives: [],
      selectionSet: { kind: Kind.SELECTION_SET, selections: node.selections },
    });
    node.selections = [{ kind: Kind.FRAGMENT_SPREAD, name: name(fragmentName), directives: [] }];
    return 'extract fragment';
  },
  breakFragment(doc, rng) {
    const fragments = collect(doc, ofKind(Kind.FRAGMENT_DEFINITION));
    const spreads = collect(doc, ofKind(Kind.FRAGMENT_SPREAD));
    const options = [];
    if (spreads.length) options.push('rename spread', 'drop spread');
    if (fragments.length) options.push('drop definition', 'retype', 'cycle', 'duplicate definition', 'rename definition');
    if (!options.length) return null;
    const what = rng.pick(options);
    if (what === 'rename spread') rng.pick(spreads).node.name = name(rng.pick(['Nope', 'Room', 'UserBit', 'Frag0']));
    else if (what === 'drop spread') {
      const { parent, key } = rng.pick(spreads);
      parent.splice(key, 1);
    } else if (what === 'drop definition') {
      doc.definitions.splice(doc.definitions.indexOf(rng.pick(fragments).node), 1);
    } else if (what === 'retype') {
      rng.pick(fragments).node.typeCondition = { kind: Kind.NAMED_TYPE, name: name(rng.pick(['Query', 'Mutation', 'UserEntity', 'ChatroomEntity', 'ChatroomAccess', 'Float', 'Nope'])) };
    } else if (what === 'cycle') {
      const from = rng.pick(fragments).node;
      const to = rng.pick(fragments).node;
      const sets = collect(from, ofKind(Kind.SELECTION_SET));
      rng.pick(sets).node.selections.push({ kind: Kind.FRAGMENT_SPREAD, name: name(to.name.value), directives: [] });
    } else if (what === 'duplicate definition') {
      doc.definitions.push(clone(rng.pick(fragments).node));
    } else {
      rng.pick(fragments).node.name = name(rng.pick(['Other', 'Room', 'on_']));
    }
    return `fragment: ${what}`;
  },
  addDirective(doc, rng, ctx) {
    const targets = collect(doc, ofKind(
      Kind.OPERATION_DEFINITION, Kind.FIELD, Kind.FRAGMENT_DEFINITION, Kind.INLINE_FRAGMENT,
      Kind.FRAGMENT_SPREAD, Kind.VARIABLE_DEFINITION,
    ));
    if (!targets.length) return null;
    const { node } = rng.pick(targets);
    node.directives = [...(node.directives ?? []), directive(rng, ctx.varNames)];
    return `directive on ${node.kind}`;
  },
  addVariable(doc, rng) {
    const ops = collect(doc, ofKind(Kind.OPERATION_DEFINITION));
    if (!ops.length) return null;
    const { node } = rng.pick(ops);
    const varName = rng.pick(['unused', 'id', 'room', 'flag', 'n']);
    node.variableDefinitions = [...(node.variableDefinitions ?? []), {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: name(varName) },
      type: parseTypeRef(rng.pick(TYPE_REFS)),
      defaultValue: rng.chance(0.3) ? randomValue(rng, { allowVariables: false }) : undefined,
      directives: [],
    }];
    return 'add variable';
  },
  retypeVariable(doc, rng) {
    const defs = collect(doc, ofKind(Kind.VARIABLE_DEFINITION));
    if (!defs.length) return null;
    const { node } = rng.pick(defs);
    node.type = parseTypeRef(rng.pick(TYPE_REFS));
    if (rng.chance(0.3)) node.defaultValue = randomValue(rng, { allowVariables: false });
    return 'retype variable';
  },
  dropVariableDefinition(doc, rng) {
    const defs = collect(doc, ofKind(Kind.VARIABLE_DEFINITION));
    if (!defs.length) return null;
    const { parent, key } = rng.pick(defs);
    parent.splice(key, 1);
    return 'drop variable definition';
  },
  useUndefinedVariable(doc, rng, ctx) {
    const args = collect(doc, ofKind(Kind.ARGUMENT));
    if (!args.length) return null;
    rng.pick(args).node.value = { kind: Kind.VARIABLE, name: name(rng.chance(0.5) ? 'undefinedVar' : rng.pick([...ctx.varNames, 'x'])) };
    return 'variable as argument';
  },
  changeOperationType(doc, rng) {
    const ops = collect(doc, ofKind(Kind.OPERATION_DEFINITION));
    if (!ops.length) return null;
    const { node } = rng.pick(ops);
    node.operation = rng.pick(['query', 'mutation', 'subscription'].filter((o) => o !== node.operation));
    if (!node.name && rng.chance(0.5)) node.name = name('Renamed');
    return `operation type ${node.operation}`;
  },
  addOperation(doc, rng) {
    const ops = collect(doc, ofKind(Kind.OPERATION_DEFINITION));
    const existing = ops.length ? rng.pick(ops).node : null;
    const opName = rng.pick([null, 'Q', existing?.name?.value ?? null, 'Extra']);
    doc.definitions.push({
      kind: Kind.OPERATION_DEFINITION,
      operation: rng.pick(['query', 'query', 'mutation', 'subscription']),
      name: opName ? name(opName) : undefined,
      variableDefinitions: [],
      directives: [],
      selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name(rng.pick(['__typename', 'hello', 'logout'])), arguments: [], directives: [] }] },
    });
    return 'add operation';
  },
  nestSelections(doc, rng) {
    const fields = collect(doc, ofKind(Kind.FIELD)).filter(({ node }) => !node.selectionSet);
    if (!fields.length) return null;
    const { node } = rng.pick(fields);
    node.selectionSet = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name(rng.pick(['id', '__typename', 'name', 'length'])), arguments: [], directives: [] }] };
    return 'selection on leaf';
  },
  addSdlDefinition(doc, rng) {
    const sdl = rng.pick(['scalar Extra', 'type Extra { a: Int }', 'extend type Query { extra: Int }', 'directive @extra on FIELD', 'schema { query: Query }', 'enum E { A }']);
    doc.definitions.splice(rng.int(doc.definitions.length + 1), 0, ...clone(parse(sdl)).definitions);
    return 'SDL definition';
  },
};

// ---------------------------------------------------------------------------
// text mutations: (text, rng) → [text, description]

const WEIRD_LITERALS = [
  '1.e5', '00', '1x', '0x1', '-0', '1e', '"\\x"', '"\\u12"', '"\\uD800"', '"\\u{110000}"', '"unterminated', '"""block',
  '.5', '1.', '--1', '$', '"\\uDBFF\\uDFFF"', '"""a""""', '"a\u0001"', '1__', 'true!', '[1,', '{a: }',
];

const textMutations = {
  invalidLiteral(text, rng) {
    const m = [...text.matchAll(/: ?(-?\d[\w.+-]*|"[^"\n]*"|true|false|null)/g)];
    if (!m.length) return null;
    const hit = rng.pick(m);
    const start = hit.index + hit[0].length - hit[1].length;
    return [text.slice(0, start) + rng.pick(WEIRD_LITERALS) + text.slice(start + hit[1].length), 'invalid literal'];
  },
  deleteChar(text, rng) {
    if (text.length < 2) return null;
    const i = rng.int(text.length);
    return [text.slice(0, i) + text.slice(i + 1), 'delete character'];
  },
  insertChar(text, rng) {
    const i = rng.int(text.length + 1);
    const c = rng.pick(['{', '}', '(', ')', ':', '$', '@', '!', '"', '...', '[', ']', '=', '|', '&', '#', '\n', '\u00e9', '?', ',', '\ufeff', '\u0003', '😀']);
    return [text.slice(0, i) + c + text.slice(i), `insert ${JSON.stringify(c)}`];
  },
  truncate(text, rng) {
    if (text.length < 4) return null;
    return [text.slice(0, 1 + rng.int(text.length - 2)), 'truncate'];
  },
  swapTokens(text, rng) {
    const tokens = [...text.matchAll(/[_A-Za-z][_0-9A-Za-z]*|[{}():@$!]/g)];
    if (tokens.length < 3) return null;
    const i = rng.int(tokens.length - 1);
    const a = tokens[i];
    const b = tokens[i + 1];
    return [
      text.slice(0, a.index) + b[0] + text.slice(a.index + a[0].length, b.index) + a[0] + text.slice(b.index + b[0].length),
      'swap tokens',
    ];
  },
  addComment(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] += rng.pick([' # comment', ' # ⚽ "quoted" { }', ',,,', ' \t']);
    return [lines.join('\n'), 'comment or commas'];
  },
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------
// variables for generated operations

function randomJson(rng, depth = 0) {
  switch (rng.int(depth > 1 ? 6 : 8)) {
    case 0: return rng.pick([0, 1, -3, 2147483648, 1.5]);
    case 1: return rng.pick(['', 'x', '12', 'PUBLIC', ...DATE_TIMES]);
    case 2: return rng.chance(0.5);
    case 3: return null;
    case 4: return 7;
    case 5: return 'text';
    case 6: return Array.from({ length: rng.int(3) }, () => randomJson(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(3) }, () => [rng.pick(['email', 'password', 'name', 'x']), randomJson(rng, depth + 1)]));
  }
}

/** A plausible value for a variable's declared type (or, sometimes, a wrong one). */
function valueForType(rng, typeNode) {
  if (rng.chance(0.25)) return randomJson(rng);
  if (typeNode.kind === Kind.NON_NULL_TYPE) return valueForType(rng, typeNode.type);
  if (typeNode.kind === Kind.LIST_TYPE) return Array.from({ length: 1 + rng.int(2) }, () => valueForType(rng, typeNode.type));
  switch (typeNode.name.value) {
    case 'Int': return rng.pick([1, 5, 20]);
    case 'Float': return rng.pick([1, 2.5]);
    case 'String': case 'ID': return rng.pick(['Query', 'abc']);
    case 'Boolean': return rng.chance(0.5);
    case 'LogInInput': return { email: 'a@b.c', password: 'secret' };
    case 'CreateChatroomInput': return { name: 'room' };
    case 'DateTime': return rng.pick(DATE_TIMES);
    case 'Upload': return null; // a file's placeholder in a multipart request
    default: return randomJson(rng);
  }
}

// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// synthesized operations: random selections over the schema (aliases from a small
// pool, arguments mostly of the right type, fragments, directives, variables) to
// exercise field merging (OverlappingFieldsCanBeMergedRule) and argument checks

const SYNTH_ALIASES = ['a', 'b', 'id', 'name', 'x'];
const SYNTH_VARIABLES = { i: 'Int', f: 'Float!', s: 'String', b: 'Boolean!', l: '[Float!]' };

function synthLiteral(rng, typeText) {
  if (rng.chance(0.2)) return rng.pick(['1', '2', '1.5', '"s"', 'true', 'null', '[1, 2]', '[]', '{a: 1}', 'PUBLIC', '$i', '$f', '$s', '$b', '$l']);
  const named = typeText.replace(/[[\]!]/g, '');
  if (typeText.startsWith('[')) return rng.pick(['$l', '[1, 2]', '[1]']);
  switch (named) {
    case 'Float': return rng.pick(['1', '2', '$f', '1.5', '$i']);
    case 'Int': return rng.pick(['1', '2', '$i']);
    case 'String': return rng.pick(['"a"', '"b"', '$s']);
    case 'Boolean': return rng.pick(['true', 'false', '$b']);
    case 'Upload': return 'null';
    case 'LogInInput': return '{email: "a", password: "b"}';
    case 'RegisterInput': return '{email: "a", password: "b", confirmPassword: "b", fullname: "c"}';
    case 'CreateChatroomInput': return rng.pick(['{name: "r"}', '{name: "r", userIds: ["1"], access: "PUBLIC"}']);
    default: return 'null';
  }
}

function synthSelections(schema, rng, type, depth) {
  const fields = Object.values(type.getFields());
  const parts = [];
  for (let n = 1 + rng.int(4); n > 0; --n) {
    const r = rng.next();
    if (r < 0.08 && depth < 4) {
      const condition = rng.pick([type.name, type.name, 'Query', 'UserEntity', 'ChatroomEntity', 'MessageEntity']);
      const target = schema.getType(condition);
      parts.push(`... on ${condition} { ${synthSelections(schema, rng, target, depth + 1)} }`);
      continue;
    }
    if (r < 0.12 && depth < 4) {
      parts.push(`... @include(if: ${rng.pick(['true', 'false', '$b'])}) { ${synthSelections(schema, rng, type, depth + 1)} }`);
      continue;
    }
    const field = rng.pick(fields);
    let text = rng.chance(0.45) ? `${rng.pick(SYNTH_ALIASES)}: ${field.name}` : field.name;
    const args = field.args.filter((a) => String(a.type).endsWith('!') ? rng.chance(0.95) : rng.chance(0.5));
    if (args.length) text += `(${args.map((a) => `${a.name}: ${synthLiteral(rng, String(a.type))}`).join(', ')})`;
    let named = field.type;
    while (named.ofType) named = named.ofType;
    if (typeof named.getFields === 'function') {
      text += depth < 5 ? ` { ${synthSelections(schema, rng, named, depth + 1)} }` : ' { __typename }';
    }
    parts.push(text);
  }
  return parts.join(' ');
}

/** A random query or mutation over `schema` declaring the variables it uses. */
function synthesize(schema, rng) {
  const mutation = rng.chance(0.25);
  const body = synthSelections(schema, rng, mutation ? schema.getMutationType() : schema.getQueryType(), 0);
  const used = Object.keys(SYNTH_VARIABLES).filter((v) => new RegExp(`\\$${v}\\b`).test(body));
  const defs = used.map((v) => `$${v}: ${rng.chance(0.85) ? SYNTH_VARIABLES[v] : rng.pick(['Int!', 'String!', 'Float', 'Boolean'])}`);
  return `${mutation ? 'mutation' : 'query'} Synth${defs.length ? `(${defs.join(', ')})` : ''} { ${body} }`;
}

// ---------------------------------------------------------------------------

/**
 * `count` documents derived from `seeds` by seeded mutation, every one within the
 * server's GQL-5 limits (when it parses) and distinct from the others.
 * Each: { name, query, variables?, operationName?, mutations: [description] }.
 */
export function generateCorpus({ schema, seeds, seed, count }) {
  const rng = makeRng(seed);
  const out = [];
  const seen = new Set();
  const astNames = Object.keys(astMutations);
  const textNames = Object.keys(textMutations);
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 50) throw new Error(`generator seed ${seed}: could not produce ${count} documents`);
    // A quarter start from a synthesized operation, which may be left as it is.
    const synthesized = rng.chance(0.25);
    const base = synthesized ? { name: 'seed/synth', query: synthesize(schema, rng) } : rng.pick(seeds);
    const doc = clone(parse(base.query));
    const ctx = {
      fresh: 0,
      varNames: collect(doc, ofKind(Kind.VARIABLE_DEFINITION)).map(({ node }) => node.variable.name.value),
      setTypes: null,
    };
    const applied = [];
    const astCount = (synthesized && rng.chance(0.5) ? 0 : 1) + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    for (let i = 0; i < astCount; ++i) {
      ctx.setTypes = selectionSetTypes(schema, doc);
      const m = rng.pick(astNames);
      const what = astMutations[m](doc, rng, ctx);
      if (what) applied.push(what);
    }
    let text;
    try {
      text = print(doc);
    } catch {
      continue; // a mutation produced an AST print() refuses
    }
    if (rng.chance(0.2)) {
      try { text = stripIgnoredCharacters(text); } catch { /* keep the printed text */ }
    }
    // Text-level mutations on a quarter of the documents (most of them will not parse).
    if ((applied.length === 0 && !synthesized) || rng.chance(0.25)) {
      const m = rng.pick(textNames);
      const res = textMutations[m](text, rng);
      if (res) {
        text = res[0];
        applied.push(res[1]);
      }
    }
    if (!applied.length && !synthesized) continue;
    if (text.length > 4000 || LONE_SURROGATE.test(text)) continue;
    if (!withinServerLimits(text)) continue;

    const entry = { query: text, mutations: applied };
    let parsed = null;
    try { parsed = parse(text); } catch { /* a syntax error document */ }
    if (parsed) {
      const ops = parsed.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      const named = ops.filter((o) => o.name);
      if (ops.length > 1 && named.length && rng.chance(0.8)) entry.operationName = rng.pick(named).name.value;
      const op = entry.operationName ? named.find((o) => o.name.value === entry.operationName) : ops[0];
      if (op?.variableDefinitions?.length && rng.chance(0.5)) {
        entry.variables = {};
        for (const def of op.variableDefinitions) {
          if (rng.chance(0.85)) entry.variables[def.variable.name.value] = valueForType(rng, def.type);
        }
      }
    }
    const key = JSON.stringify([entry.query, entry.variables, entry.operationName]);
    if (seen.has(key)) continue;
    seen.add(key);
    entry.name = `gen/${seed}/${out.length} (${base.name.slice(5)}: ${applied.join(', ') || 'as synthesized'})`;
    out.push(entry);
  }
  return out;
}
