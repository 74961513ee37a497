// The server's GQL-5 document limits (libs/graphql/validation/custom/limits.hpp and the
// parser's token and nesting limits), measured on the graphql-js side so the
// differential corpus can stay under them: graphql-js has none of these limits, so a
// document over one would be rejected by chatd for a reason graphql-js cannot know.

import { parse, Kind, Lexer, Source, TokenKind } from 'graphql';

export const SERVER_LIMITS = {
  maxDepth: 12, // nested selection sets outside __schema/__type, fragments expanded
  maxAliases: 30, // aliased fields per operation, fragments expanded
  maxRootFields: 20, // root fields per operation, through fragments
  maxTokens: 15_000, // lexical tokens, comments included
  maxNesting: 256, // selection sets, lists, objects and list types
};

const isIntrospectionRoot = (field) => field.name.value === '__schema' || field.name.value === '__type';

/** Depth and aliases of each operation, as chatd's selection_meter measures them. */
function measureOperation(op, fragments) {
  const memo = new Map(); // fragment name → result, or null while being measured
  const fragmentResult = (fragmentName) => {
    const fragment = fragments.get(fragmentName);
    if (!fragment) return { depth: 0, aliases: 0 };
    if (memo.has(fragmentName)) return memo.get(fragmentName) ?? { depth: 0, aliases: 0 };
    memo.set(fragmentName, null);
    const r = walk(fragment.selectionSet);
    memo.set(fragmentName, r);
    return r;
  };
  const walk = (set) => {
    const r = { depth: 1, aliases: 0 };
    for (const selection of set.selections) {
      let inner = { depth: 0, aliases: 0 };
      let nested = false;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) r.aliases += 1;
        if (selection.selectionSet && !isIntrospectionRoot(selection)) {
          inner = walk(selection.selectionSet);
          nested = true;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        inner = fragmentResult(selection.name.value);
      }
      r.depth = Math.max(r.depth, nested ? inner.depth + 1 : inner.depth);
      r.aliases = Math.min(r.aliases + inner.aliases, 1_000_000);
    }
    return r;
  };
  const countRootFields = (set, nesting) => {
    if (nesting > 32) return 0;
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, nesting + 1);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) count += countRootFields(fragment.selectionSet, nesting + 1);
      }
    }
    return count;
  };
  return { ...walk(op.selectionSet), rootFields: countRootFields(op.selectionSet, 0) };
}

/** Deepest bracket nesting outside strings and comments (an upper bound of chatd's). */
function bracketNesting(text) {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') ++i;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        ++i;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      max = Math.max(max, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}

/** Lexical tokens of `text`, comments included; its length when it does not lex. */
function tokensAtMost(text) {
  const lexer = new Lexer(new Source(text));
  const start = lexer.token;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) { /* the chain links comments too */ }
  } catch {
    return text.length; // each token takes at least one character
  }
  let count = 0;
  for (let token = start.next; token && token.kind !== TokenKind.EOF; token = token.next) count += 1;
  return count;
}

/**
 * What chatd's limits would measure for `text`: per-operation depth, aliases and root
 * fields (when graphql-js parses it) and an upper bound of the tokens and nesting.
 */
export function measureServerLimits(text) {
  const measured = { tokensAtMost: tokensAtMost(text), nestingAtMost: bracketNesting(text), operations: [] };
  let doc;
  try {
    doc = parse(text);
  } catch {
    return measured;
  }
  const fragments = new Map();
  for (const def of doc.definitions) {
    // the last of equally named fragments, as graphql-js's getFragment
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) measured.operations.push(measureOperation(def, fragments));
  }
  return measured;
}

/** True when none of chatd's limits can reject `text`. */
export function withinServerLimits(text) {
  const m = measureServerLimits(text);
  return m.tokensAtMost <= SERVER_LIMITS.maxTokens
    && m.nestingAtMost <= SERVER_LIMITS.maxNesting
    && m.operations.every((op) => op.depth <= SERVER_LIMITS.maxDepth
      && op.aliases <= SERVER_LIMITS.maxAliases
      && op.rootFields <= SERVER_LIMITS.maxRootFields);
}
