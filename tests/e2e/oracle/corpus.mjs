// Hand-written documents of the differential corpus (graphql-oracle.test.mjs): edge
// cases of the lexer and parser, one or more documents per graphql-js specified rule,
// documents that need no data (compared with graphql-js `execute`), and operations
// sent with variables (variable coercion compared with graphql-js `execute`).
//
// Every entry: { name, query, variables?, operationName? }. `name` is unique and is how
// failures and the known-differences list refer to a document.
//
// Documents are written against schema/chat.graphql and stay under the server's GQL-5
// limits (depth 12 outside introspection, 30 aliases, 20 root fields, 15 000 tokens,
// nesting 256): the documents that show those limits live in the test file.

const r = String.raw;

/** The valid documents the generator mutates (also part of the corpus as they are). */
export const seeds = [
  { name: 'seed/hello', query: '{ hello }' },
  { name: 'seed/typename', query: 'query Q { __typename hello }' },
  {
    name: 'seed/user',
    query: `query User($id: Int!) {
  findUserById(id: $id) {
    id
    fullname
    email
    avatarUrl
    createdAt
  }
}`,
  },
  {
    name: 'seed/messages',
    query: `query Messages($room: Float!, $cursor: Int, $take: Int! = 20) {
  getMessagesForChatroom(chatroomId: $room, cursor: $cursor, take: $take) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges {
      cursor
      node { id content imageUrl createdAt user { id fullname avatarUrl } }
    }
  }
}`,
  },
  {
    name: 'seed/search-fragments',
    query: `query Search($term: String!, $limit: Int) {
  getChatroomsForSearch(searchTerm: $term, limit: $limit) {
    totalCount
    chatrooms { ...Room }
  }
}

fragment Room on ChatroomEntity {
  id
  name
  access
  colorHex
  users { ...UserBits }
}

fragment UserBits on UserEntity {
  id
  fullname
}`,
  },
  {
    name: 'seed/create-chatroom',
    query: `mutation Create {
  createChatroom(
    createChatroomInput: {name: "Boca", access: "PUBLIC", userIds: ["1", "2"], colorHex: "#0033cc"}
  ) {
    id
    name
    adminId
    description
    image
  }
}`,
  },
  {
    name: 'seed/login',
    query: `mutation Login($email: String!, $password: String!) {
  login(LogInInput: {email: $email, password: $password}) {
    user { id email fullname }
  }
}`,
  },
  {
    name: 'seed/send-message',
    query: `mutation Send($room: Float!, $text: String!, $image: Upload) {
  sendMessage(chatroomId: $room, content: $text, image: $image) {
    cursor
    node { id content user { fullname } }
  }
}`,
  },
  {
    name: 'seed/subscription',
    query: `subscription NewMessage($room: Int!) {
  newMessage(chatroomId: $room) {
    cursor
    node { id content chatroom { id name } }
  }
}`,
  },
  {
    name: 'seed/directives-inline',
    query: `query Flags($withUsers: Boolean = false, $skipRooms: Boolean!) {
  hello @include(if: true)
  findAllUsers @skip(if: $skipRooms) {
    id
    ... on UserEntity @include(if: $withUsers) { email }
    ... { fullname }
  }
  getUsersOfChatroom(chatroomId: 3.5) { id updatedAt }
}`,
  },
  {
    name: 'seed/introspection-type',
    query: `{
  __type(name: "CreateChatroomInput") {
    kind
    name
    inputFields { name defaultValue type { kind name ofType { kind name } } }
  }
}`,
  },
  {
    name: 'seed/introspection-schema',
    query: `query Schema {
  __schema {
    queryType { name }
    mutationType { name fields { name args { name defaultValue } } }
    subscriptionType { name }
    directives { name locations isRepeatable args { name type { name } } }
  }
}`,
  },
  {
    name: 'seed/two-operations',
    query: `query A { hello }
query B { __typename }
mutation C { logout }`,
    operationName: 'B',
  },
];

/** Edge cases of the lexer and parser (graphql-js `parse` decides accept or reject). */
const lexical = [
  // block strings
  { name: 'lex/block-string', query: '{ __type(name: """Query""") { name } }' },
  { name: 'lex/block-string-indent', query: '{ __type(name: """\n    Query\n  """) { name } }' },
  { name: 'lex/block-string-escaped-quotes', query: r`{ __type(name: """a \""" b""") { name } }` },
  { name: 'lex/block-string-backslash-kept', query: r`{ __type(name: """\n\u0041""") { name } }` },
  { name: 'lex/block-string-crlf', query: '{ __type(name: """\r\n  Query\r\n""") { name } }' },
  { name: 'lex/block-string-unterminated', query: '{ __type(name: """Query) { name } }' },
  { name: 'lex/block-string-four-quotes', query: '{ __type(name: """"Query""") { name } }' },
  { name: 'lex/block-string-control-char', query: '{ __type(name: """a\u0001b""") { name } }' },
  { name: 'lex/block-string-empty', query: '{ __type(name: """""") { name } }' },
  // string escapes
  { name: 'lex/unicode-escape', query: r`{ __type(name: "\u0051uery") { name } }` },
  { name: 'lex/unicode-escape-braced', query: r`{ __type(name: "\u{51}uery") { name } }` },
  { name: 'lex/unicode-escape-braced-zeros', query: r`{ __type(name: "\u{000051}uery") { name } }` },
  { name: 'lex/surrogate-pair', query: r`{ __type(name: "\uD83D\uDE00") { name } }` },
  { name: 'lex/surrogate-pair-lowercase', query: r`{ __type(name: "\ud83d\ude00") { name } }` },
  { name: 'lex/braced-astral', query: r`{ __type(name: "\u{1F600}") { name } }` },
  { name: 'lex/raw-astral-in-string', query: '{ __type(name: "😀 Query") { name } }' },
  { name: 'lex/lone-lead-surrogate', query: r`{ __type(name: "\uD83D") { name } }` },
  { name: 'lex/lone-trail-surrogate', query: r`{ __type(name: "\uDE00") { name } }` },
  { name: 'lex/lead-surrogate-then-text', query: r`{ __type(name: "\uD83Dx") { name } }` },
  { name: 'lex/lead-surrogate-then-bmp-escape', query: r`{ __type(name: "\uD83D\u0041") { name } }` },
  { name: 'lex/lead-surrogate-then-braced', query: r`{ __type(name: "\uD83D\u{DE00}") { name } }` },
  { name: 'lex/braced-surrogate', query: r`{ __type(name: "\u{D800}") { name } }` },
  { name: 'lex/braced-too-large', query: r`{ __type(name: "\u{110000}") { name } }` },
  { name: 'lex/braced-empty', query: r`{ __type(name: "\u{}") { name } }` },
  { name: 'lex/braced-unclosed', query: r`{ __type(name: "\u{41") { name } }` },
  { name: 'lex/short-unicode-escape', query: r`{ __type(name: "\u12") { name } }` },
  { name: 'lex/bad-hex-escape', query: r`{ __type(name: "\u00XY") { name } }` },
  { name: 'lex/bad-escape-x', query: r`{ __type(name: "\x41") { name } }` },
  { name: 'lex/bad-escape-at-end', query: '{ __type(name: "abc\\' },
  { name: 'lex/simple-escapes', query: r`{ __type(name: "\"\\\/\b\f\n\r\t") { name } }` },
  { name: 'lex/unterminated-string', query: '{ __type(name: "Query) { name } }' },
  { name: 'lex/newline-in-string', query: '{ __type(name: "Que\nry") { name } }' },
  { name: 'lex/control-char-in-string', query: '{ __type(name: "Que\u0007ry") { name } }' },
  { name: 'lex/tab-in-string', query: '{ __type(name: "Que\try") { name } }' },
  // numbers
  { name: 'lex/number-dot-exponent', query: '{ getChatroomById(chatroomId: 1.e5) { id } }' },
  { name: 'lex/number-leading-zeros', query: '{ findUserById(id: 00) { id } }' },
  { name: 'lex/number-zero-then-digit', query: '{ findUserById(id: 01) { id } }' },
  { name: 'lex/number-name-after', query: '{ findUserById(id: 1x) { id } }' },
  { name: 'lex/number-hex', query: '{ findUserById(id: 0x1) { id } }' },
  { name: 'lex/number-negative-zero', query: '{ findUserById(id: -0) { id } }' },
  { name: 'lex/number-negative-zero-float', query: '{ getChatroomById(chatroomId: -0.0) { id } }' },
  { name: 'lex/number-exponent-missing', query: '{ getChatroomById(chatroomId: 1e) { id } }' },
  { name: 'lex/number-exponent-sign-missing', query: '{ getChatroomById(chatroomId: 1e+) { id } }' },
  { name: 'lex/number-exponent-ok', query: '{ getChatroomById(chatroomId: 1E-2) { id } }' },
  { name: 'lex/number-trailing-dot', query: '{ getChatroomById(chatroomId: 1.) { id } }' },
  { name: 'lex/number-leading-dot', query: '{ getChatroomById(chatroomId: .5) { id } }' },
  { name: 'lex/number-minus-alone', query: '{ findUserById(id: -) { id } }' },
  { name: 'lex/number-minus-name', query: '{ findUserById(id: -a) { id } }' },
  { name: 'lex/number-dot-after-float', query: '{ getChatroomById(chatroomId: 1.5.2) { id } }' },
  { name: 'lex/number-float-then-name', query: '{ getChatroomById(chatroomId: 1.5e3abc) { id } }' },
  { name: 'lex/number-int-overflow', query: '{ findUserById(id: 2147483648) { id } }' },
  { name: 'lex/number-int-max', query: '{ findUserById(id: 2147483647) { id } }' },
  { name: 'lex/number-int-min', query: '{ findUserById(id: -2147483648) { id } }' },
  { name: 'lex/number-huge-float', query: '{ getChatroomById(chatroomId: 1e400) { id } }' },
  { name: 'lex/number-float-for-int', query: '{ findUserById(id: 1.0) { id } }' },
  { name: 'lex/number-exponent-for-int', query: '{ findUserById(id: 1e2) { id } }' },
  // BOM, whitespace, comments, commas
  { name: 'lex/bom-start', query: '\uFEFF{ hello }' },
  { name: 'lex/bom-middle', query: '{ \uFEFFhello }' },
  { name: 'lex/bom-then-error', query: '\uFEFF{ hello ? }' },
  { name: 'lex/comments', query: '# leading comment\n{ # after brace\n  hello # trailing ⚽ comment\n}\n# end' },
  { name: 'lex/comment-cr', query: '# a\r{ hello }\r# b' },
  { name: 'lex/comment-only', query: '# nothing here' },
  { name: 'lex/commas-everywhere', query: ',,{,hello,,__typename,},,' },
  { name: 'lex/crlf-lines-error', query: '{\r\n  hello\r\n  ?\r\n}' },
  { name: 'lex/cr-lines-error', query: '{\r  hello\r\r  $\r}' },
  { name: 'lex/tabs-error', query: '{\t\thello\t%\t}' },
  { name: 'lex/astral-before-error', query: '{ __type(name: "😀😀") { name } ! }' },
  { name: 'lex/empty', query: '' }, // refused by the HTTP layer as Apollo Server 4 does (see the test file)
  { name: 'lex/whitespace-only', query: ' \t\n\r\n ,' },
  // invalid characters
  { name: 'lex/unexpected-question', query: '{ hello ? }' },
  { name: 'lex/control-char', query: '{ hello \u0007 }' },
  { name: 'lex/nul-char', query: '{ hello \u0000 }' },
  { name: 'lex/nbsp', query: '{ hello\u00A0}' },
  { name: 'lex/astral-outside-string', query: '{ hello 😀 }' },
  { name: 'lex/single-quote', query: "{ __type(name: 'Query') { name } }" },
  { name: 'lex/lone-dot', query: '{ hello . }' },
  { name: 'lex/two-dots', query: '{ .. }' },
  { name: 'lex/spread-alone', query: '{ ... }' },
  { name: 'lex/dollar-alone', query: 'query ($) { hello }' },
  { name: 'lex/dollar-space', query: 'query ($ a: Int) { hello }' },
  { name: 'lex/at-alone', query: '{ hello @ }' },
  { name: 'lex/ampersand', query: '{ hello & }' },
  { name: 'lex/name-starting-digit', query: '{ 1hello }' },
  { name: 'lex/dotted-name', query: '{ hello.world }' },
  { name: 'lex/unicode-name', query: '{ héllo }' },
  { name: 'lex/unterminated-braces', query: '{ hello' },
  { name: 'lex/extra-closing-brace', query: '{ hello } }' },
  { name: 'lex/empty-selection', query: '{ }' },
  { name: 'lex/empty-args', query: '{ findUserById() { id } }' },
  { name: 'lex/arg-without-value', query: '{ findUserById(id:) { id } }' },
  { name: 'lex/arg-without-colon', query: '{ findUserById(id 1) { id } }' },
  { name: 'lex/variable-in-default', query: 'query ($a: Int = $b) { findUserById(id: 1) { id } }' },
  { name: 'lex/fragment-named-on', query: 'fragment on on Query { hello } { ...on }' },
  { name: 'lex/fragment-variables', query: 'fragment F($a: Int) on Query { hello } { ...F }' },
  { name: 'lex/operation-named-on', query: 'query on { hello }' },
  { name: 'lex/keyword-field-names', query: '{ query: hello, fragment: __typename, true: hello, null: __typename }' },
  { name: 'lex/enum-true-literal', query: '{ hello @include(if: TRUE) }' },
  { name: 'lex/null-literal', query: '{ hello @include(if: null) }' },
  { name: 'lex/list-type-unclosed', query: 'query ($a: [Int) { hello }' },
  { name: 'lex/double-bang', query: 'query ($a: Int!!) { hello }' },
  { name: 'lex/object-missing-colon', query: 'mutation { login(LogInInput: {email "a"}) { user { id } } }' },
  { name: 'lex/unknown-operation-keyword', query: 'queries { hello }' },
  { name: 'lex/definition-after-shorthand', query: '{ hello } hello' },
  { name: 'lex/long-name', query: `{ ${'a'.repeat(300)} }` },
  { name: 'lex/deep-list-literal', query: `{ getChatroomById(chatroomId: ${'['.repeat(40)}1${']'.repeat(40)}) { id } }` },
  { name: 'lex/many-comments', query: `${'# comment line\n'.repeat(200)}{ hello }` },
  { name: 'lex/description-on-operation', query: '"describe" query { hello }' },
  { name: 'lex/directive-without-name', query: 'query @ { hello }' },
  { name: 'lex/variable-definition-default-list', query: 'mutation ($a: [Float!]! = [1, 2.5, -3e2]) { addUsersToChatroom(chatroomId: 1, userIds: $a) }' },
];

/** One or more documents per specified rule (most fail that rule alone). */
const rules = [
  // ExecutableDefinitionsRule
  { name: 'rule/executable-definitions/scalar', query: '{ hello }\nscalar Foo' },
  { name: 'rule/executable-definitions/schema', query: 'query { hello }\nschema { query: Query }' },
  { name: 'rule/executable-definitions/extend-type', query: '{ hello }\nextend type Query { more: String }' },
  { name: 'rule/executable-definitions/directive', query: 'directive @foo on FIELD\n{ hello }' },
  // UniqueOperationNamesRule
  { name: 'rule/unique-operation-names', query: 'query A { hello }\nquery A { __typename }' },
  { name: 'rule/unique-operation-names/mixed-kinds', query: 'query A { hello }\nmutation A { logout }' },
  // LoneAnonymousOperationRule
  { name: 'rule/lone-anonymous-operation', query: '{ hello }\nquery B { __typename }' },
  { name: 'rule/lone-anonymous-operation/two-anonymous', query: '{ hello }\n{ __typename }' },
  // SingleFieldSubscriptionsRule
  {
    name: 'rule/single-field-subscriptions',
    query: 'subscription S { newMessage(chatroomId: 1) { cursor } liveUsersInChatroom(chatroomId: 1) { id } }',
  },
  { name: 'rule/single-field-subscriptions/introspection', query: 'subscription { __typename }' },
  {
    name: 'rule/single-field-subscriptions/via-fragment',
    query: 'subscription S { ...Two }\nfragment Two on Subscription { newMessage(chatroomId: 1) { cursor } other: newMessage(chatroomId: 2) { cursor } }',
  },
  {
    name: 'rule/single-field-subscriptions/skip-still-counts',
    query: 'subscription S { newMessage(chatroomId: 1) { cursor } __typename @skip(if: true) }',
  },
  // KnownTypeNamesRule
  { name: 'rule/known-type-names/inline', query: '{ ... on Foo { __typename } }' },
  { name: 'rule/known-type-names/suggest', query: '{ ... on Quer { hello } }' },
  { name: 'rule/known-type-names/fragment', query: '{ ...F }\nfragment F on UserEntit { id }' },
  // FragmentsOnCompositeTypesRule
  { name: 'rule/fragments-on-composite-types/inline', query: '{ ... on String { __typename } }' },
  { name: 'rule/fragments-on-composite-types/fragment', query: '{ ...F }\nfragment F on ChatroomAccess { __typename }' },
  // VariablesAreInputTypesRule
  {
    name: 'rule/variables-are-input-types',
    query: 'mutation ($u: UserEntity) { sendMessage(chatroomId: 1, content: "x", image: {file: $u}) { cursor } }',
  },
  { name: 'rule/variables-are-input-types/unused', query: 'query ($u: [ChatroomEntity!]) { hello }' },
  // ScalarLeafsRule
  { name: 'rule/scalar-leafs/missing-selection', query: '{ findAllUsers }' },
  { name: 'rule/scalar-leafs/selection-on-scalar', query: '{ hello { length } }' },
  { name: 'rule/scalar-leafs/selection-on-enum', query: '{ getChatroomById(chatroomId: 1) { access { name } } }' },
  // FieldsOnCorrectTypeRule
  { name: 'rule/fields-on-correct-type', query: '{ helo }' },
  { name: 'rule/fields-on-correct-type/nested', query: '{ findAllUsers { id fullName } }' },
  { name: 'rule/fields-on-correct-type/mutation-on-query', query: '{ logout }' },
  { name: 'rule/fields-on-correct-type/no-suggestion', query: '{ zzzzzz }' },
  // UniqueFragmentNamesRule
  { name: 'rule/unique-fragment-names', query: '{ ...F }\nfragment F on Query { hello }\nfragment F on Query { hello }' },
  // KnownFragmentNamesRule
  { name: 'rule/known-fragment-names', query: '{ ...Nope }' },
  // NoUnusedFragmentsRule
  { name: 'rule/no-unused-fragments', query: '{ hello }\nfragment Unused on Query { hello }' },
  // PossibleFragmentSpreadsRule
  { name: 'rule/possible-fragment-spreads/inline', query: '{ findAllUsers { ... on ChatroomEntity { id } } }' },
  { name: 'rule/possible-fragment-spreads/named', query: '{ findAllUsers { ...Room } }\nfragment Room on ChatroomEntity { name }' },
  // NoFragmentCyclesRule
  { name: 'rule/no-fragment-cycles', query: '{ ...A }\nfragment A on Query { ...B }\nfragment B on Query { ...A }' },
  { name: 'rule/no-fragment-cycles/self', query: '{ findAllUsers { ...A } }\nfragment A on UserEntity { id ...A }' },
  { name: 'rule/no-fragment-cycles/long', query: '{ ...A }\nfragment A on Query { ...B }\nfragment B on Query { ...C }\nfragment C on Query { ...D }\nfragment D on Query { ...B }' },
  // UniqueVariableNamesRule
  { name: 'rule/unique-variable-names', query: 'query ($a: Int!, $a: Int!) { findUserById(id: $a) { id } }' },
  // NoUndefinedVariablesRule
  { name: 'rule/no-undefined-variables', query: '{ findUserById(id: $x) { id } }' },
  { name: 'rule/no-undefined-variables/in-fragment', query: 'query Q { ...F }\nfragment F on Query { findUserById(id: $x) { id } }' },
  // NoUnusedVariablesRule
  { name: 'rule/no-unused-variables', query: 'query ($x: Int) { hello }' },
  { name: 'rule/no-unused-variables/named', query: 'query Q($x: Int, $y: String) { findUserById(id: 1) { id } }' },
  // KnownDirectivesRule
  { name: 'rule/known-directives/unknown', query: '{ hello @foo }' },
  { name: 'rule/known-directives/misplaced-query', query: 'query @skip(if: true) { hello }' },
  { name: 'rule/known-directives/misplaced-fragment-def', query: '{ ...F }\nfragment F on Query @include(if: true) { hello }' },
  { name: 'rule/known-directives/deprecated-on-field', query: '{ hello @deprecated }' },
  { name: 'rule/known-directives/variable-definition', query: 'query ($a: Boolean! @deprecated) { hello @skip(if: $a) }' },
  { name: 'rule/known-directives/specified-by', query: '{ hello @specifiedBy(url: "https://example.com") }' },
  { name: 'rule/known-directives/one-of', query: 'mutation @oneOf { logout }' },
  // UniqueDirectivesPerLocationRule
  { name: 'rule/unique-directives-per-location', query: '{ hello @skip(if: false) @skip(if: false) }' },
  { name: 'rule/unique-directives-per-location/inline', query: '{ ... @include(if: true) @include(if: true) { hello } }' },
  // KnownArgumentNamesRule
  { name: 'rule/known-argument-names', query: '{ hello(x: 1) }' },
  { name: 'rule/known-argument-names/suggest', query: '{ findUserById(id: 1, ids: 2) { id } }' },
  { name: 'rule/known-argument-names/directive', query: '{ hello @skip(if: true, unless: false) }' },
  // UniqueArgumentNamesRule
  { name: 'rule/unique-argument-names', query: '{ findUserById(id: 1, id: 2) { id } }' },
  // ValuesOfCorrectTypeRule
  { name: 'rule/values-of-correct-type/string-for-int', query: '{ findUserById(id: "1") { id } }' },
  { name: 'rule/values-of-correct-type/null-for-non-null', query: '{ findUserById(id: null) { id } }' },
  { name: 'rule/values-of-correct-type/enum-for-float', query: '{ getChatroomById(chatroomId: ONE) { id } }' },
  { name: 'rule/values-of-correct-type/list-for-scalar', query: '{ findUserById(id: [1]) { id } }' },
  { name: 'rule/values-of-correct-type/missing-input-field', query: 'mutation { login(LogInInput: {email: "a"}) { user { id } } }' },
  { name: 'rule/values-of-correct-type/unknown-input-field', query: 'mutation { login(LogInInput: {email: "a", password: "b", pasword: "c"}) { user { id } } }' },
  { name: 'rule/values-of-correct-type/object-for-scalar', query: '{ searchUsers(fullname: {first: "a"}) { id } }' },
  { name: 'rule/values-of-correct-type/list-item', query: 'mutation { addUsersToChatroom(chatroomId: 1, userIds: [1, "2", true]) }' },
  { name: 'rule/values-of-correct-type/bool-for-string', query: '{ searchUsers(fullname: false) { id } }' },
  // ProvidedRequiredArgumentsRule
  { name: 'rule/provided-required-arguments', query: '{ findUserById { id } }' },
  { name: 'rule/provided-required-arguments/directive', query: '{ hello @include }' },
  { name: 'rule/provided-required-arguments/default-not-required', query: '{ getMessagesForChatroom(chatroomId: 1) { totalCount } }' },
  // VariablesInAllowedPositionRule
  { name: 'rule/variables-in-allowed-position', query: 'query ($id: Int) { findUserById(id: $id) { id } }' },
  { name: 'rule/variables-in-allowed-position/int-for-float', query: 'query ($id: Int!) { getChatroomById(chatroomId: $id) { id } }' },
  { name: 'rule/variables-in-allowed-position/list-item', query: 'mutation ($u: Float) { addUsersToChatroom(chatroomId: 1, userIds: [$u]) }' },
  { name: 'rule/variables-in-allowed-position/default-allows', query: 'query ($b: Boolean = true) { hello @include(if: $b) }' },
  // OverlappingFieldsCanBeMergedRule
  { name: 'rule/overlapping-fields/different-fields', query: '{ a: hello a: __typename }' },
  { name: 'rule/overlapping-fields/different-args', query: '{ findUserById(id: 1) { id } findUserById(id: 2) { id } }' },
  { name: 'rule/overlapping-fields/nested', query: '{ findAllUsers { id: fullname id } }' },
  { name: 'rule/overlapping-fields/via-fragments', query: '{ ...A ...B }\nfragment A on Query { x: hello }\nfragment B on Query { x: __typename }' },
  { name: 'rule/overlapping-fields/types', query: '{ getChatroomById(chatroomId: 1) { x: id } getChatroomById(chatroomId: 1) { x: name } }' },
  // UniqueInputFieldNamesRule
  { name: 'rule/unique-input-field-names', query: 'mutation { login(LogInInput: {email: "a", email: "b", password: "c"}) { user { id } } }' },
  // MaxIntrospectionDepthRule
  { name: 'rule/max-introspection-depth', query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }' },
  { name: 'rule/max-introspection-depth/type', query: '{ __type(name: "Query") { fields { type { inputFields { type { fields { name } } } } } } }' },
  {
    name: 'rule/max-introspection-depth/fragments',
    query: '{ __schema { types { ...T } } }\nfragment T on __Type { fields { type { ...U } } }\nfragment U on __Type { possibleTypes { interfaces { name } } }',
  },
  {
    name: 'rule/max-introspection-depth/under-limit-with-fragments',
    query: '{ __schema { types { ...T } } a: __type(name: "UserEntity") { ...T } }\nfragment T on __Type { name fields { name type { name fields { name } } } }',
  },
  {
    name: 'rule/max-introspection-depth/reused-deeper',
    query: '{ __type(name: "Query") { ...F fields { type { ...F } } } }\nfragment F on __Type { name fields { name } }',
  },
  {
    name: 'rule/max-introspection-depth/second-root',
    query: '{ a: __type(name: "Query") { ...F } b: __type(name: "Query") { fields { type { ...F } } } }\nfragment F on __Type { fields { name } }',
  },
];

/** Accepted documents that need no data: the server's `data` must equal graphql-js's. */
const executable = [
  { name: 'exec/hello', query: '{ hello }' },
  { name: 'exec/typename', query: '{ __typename }' },
  { name: 'exec/aliases', query: '{ a: hello b: __typename c: hello }' },
  { name: 'exec/mutation-typename', query: 'mutation { __typename }' },
  { name: 'exec/skip', query: '{ hello @skip(if: true) __typename }' },
  { name: 'exec/include-false', query: '{ hello @include(if: false) }' },
  { name: 'exec/skip-and-include', query: '{ hello @skip(if: false) @include(if: true) x: __typename @skip(if: true) @include(if: true) }' },
  { name: 'exec/inline-fragments', query: '{ ... on Query { hello } ... { __typename } ... @skip(if: true) { x: hello } }' },
  { name: 'exec/named-fragments', query: '{ ...A }\nfragment A on Query { hello ...B }\nfragment B on Query { __typename hello }' },
  { name: 'exec/merged-field', query: '{ hello hello a: hello ... on Query { a: hello } }' },
  { name: 'exec/selected-operation', query: 'query A { hello }\nquery B { __typename }', operationName: 'A' },
  { name: 'exec/schema-roots', query: '{ __schema { description queryType { name kind } mutationType { name } subscriptionType { name } } }' },
  { name: 'exec/type-fields', query: '{ __type(name: "UserEntity") { name kind description fields { name isDeprecated deprecationReason args { name } type { kind name ofType { kind name ofType { name } } } } } }' },
  { name: 'exec/type-missing', query: '{ __type(name: "Nope") { name } }' },
  { name: 'exec/type-enum', query: '{ __type(name: "ChatroomAccess") { name kind description enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } } }' },
  { name: 'exec/type-input-defaults', query: '{ __type(name: "CreateChatroomInput") { name kind isOneOf inputFields(includeDeprecated: true) { name defaultValue isDeprecated type { kind name ofType { kind name ofType { kind name ofType { name } } } } } } }' },
  { name: 'exec/type-scalar', query: '{ d: __type(name: "DateTime") { name kind description specifiedByURL } u: __type(name: "Upload") { description } s: __type(name: "String") { description } }' },
  { name: 'exec/type-introspection-type', query: '{ __type(name: "__Type") { name fields(includeDeprecated: true) { name args { name defaultValue type { name kind ofType { name } } } } } }' },
  { name: 'exec/type-directive-location', query: '{ __type(name: "__DirectiveLocation") { enumValues { name } } }' },
  { name: 'exec/directives', query: '{ __schema { directives { name description locations isRepeatable args(includeDeprecated: true) { name description defaultValue isDeprecated type { kind name ofType { kind name } } } } } }' },
  { name: 'exec/all-type-names', query: '{ __schema { types { name kind } } }' },
  { name: 'exec/query-field-args', query: '{ __schema { queryType { fields { name description args { name defaultValue type { kind name ofType { kind name } } } } } } }' },
  { name: 'exec/mutation-fields', query: 'query M { __schema { mutationType { fields(includeDeprecated: false) { name description type { kind ofType { name } } } } } }' },
  { name: 'exec/typename-everywhere', query: '{ __typename __schema { __typename queryType { __typename name } } __type(name: "Query") { __typename fields { __typename } } }' },
  { name: 'exec/introspection-with-fragments', query: '{ __schema { types { ...TypeRef } } }\nfragment TypeRef on __Type { kind name ofType { kind name } }' },
  { name: 'exec/interfaces-and-possible-types', query: '{ __type(name: "UserEntity") { interfaces { name } possibleTypes { name } } q: __type(name: "Query") { possibleTypes { name } } }' },
  { name: 'exec/block-string-arg', query: '{ __type(name: """UserEntity""") { name } }' },
  { name: 'exec/merged-introspection', query: '{ __schema { types { name } types { kind } t: types { name } } }' },
  { name: 'exec/include-deprecated-null', query: '{ __type(name: "Query") { fields(includeDeprecated: null) { name args(includeDeprecated: null) { name } } } __schema { directives { args(includeDeprecated: false) { name } } } }' },
  { name: 'exec/include-deprecated-variable', query: 'query ($d: Boolean) { __type(name: "CreateChatroomInput") { inputFields(includeDeprecated: $d) { name } } }', variables: { d: true } },
  { name: 'exec/include-deprecated-variable-missing', query: 'query ($d: Boolean) { __type(name: "Mutation") { fields(includeDeprecated: $d) { name } } }' },
  { name: 'exec/skip-inside-introspection', query: 'query ($s: Boolean!) { __schema { types { name kind @skip(if: $s) fields @include(if: $s) { name } } } }', variables: { s: true } },
  { name: 'exec/typename-on-introspection-types', query: '{ __schema { __typename types { __typename fields { __typename type { __typename } } enumValues { __typename } inputFields { __typename } } directives { __typename } } }' },
  { name: 'exec/of-type-chain', query: '{ __type(name: "Query") { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }' },
  { name: 'exec/type-of-wrapping-name', query: '{ __type(name: "[String]") { name } nonNull: __type(name: "String!") { name } }' },
  { name: 'exec/introspection-types-by-name', query: `{ ${['__Schema', '__Type', '__TypeKind', '__Field', '__InputValue', '__EnumValue', '__Directive', '__DirectiveLocation'].map((n, i) => `t${i}: __type(name: "${n}") { name kind description fields(includeDeprecated: true) { name description isDeprecated } enumValues(includeDeprecated: true) { name description } }`).join(' ')} }` },
  { name: 'exec/every-type-full', query: '{ __schema { types { ...Full } } }\nfragment Full on __Type { kind name description specifiedByURL isOneOf fields(includeDeprecated: true) { name description args(includeDeprecated: true) { name description defaultValue isDeprecated deprecationReason type { kind name } } type { kind name ofType { kind name } } isDeprecated deprecationReason } inputFields(includeDeprecated: true) { name description defaultValue isDeprecated deprecationReason type { kind name ofType { kind name } } } interfaces { name } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { name } }' },
  { name: 'exec/unicode-arg', query: r`{ __type(name: "\u0055ser\u{45}ntity") { name } }` },
];

/** Operations sent with `variables` (and sometimes `operationName`). */
const withVariables = [
  { name: 'vars/include-true', query: 'query ($s: Boolean!) { hello @include(if: $s) }', variables: { s: true } },
  { name: 'vars/include-false', query: 'query ($s: Boolean!) { hello @include(if: $s) __typename }', variables: { s: false } },
  { name: 'vars/missing-required', query: 'query ($s: Boolean!) { hello @include(if: $s) }', variables: {} },
  { name: 'vars/null-required', query: 'query ($s: Boolean!) { hello @include(if: $s) }', variables: { s: null } },
  { name: 'vars/string-for-boolean', query: 'query ($s: Boolean!) { hello @include(if: $s) }', variables: { s: 'yes' } },
  { name: 'vars/number-for-boolean', query: 'query ($s: Boolean!) { hello @skip(if: $s) }', variables: { s: 1 } },
  { name: 'vars/default-used', query: 'query ($s: Boolean = false) { hello @include(if: $s) __typename }', variables: {} },
  { name: 'vars/default-overridden', query: 'query ($s: Boolean = false) { hello @include(if: $s) }', variables: { s: true } },
  { name: 'vars/extra-variable-ignored', query: 'query ($s: Boolean!) { hello @include(if: $s) }', variables: { s: true, t: 'unused' } },
  { name: 'vars/type-name', query: 'query ($n: String!) { __type(name: $n) { name kind } }', variables: { n: 'MessageEntity' } },
  { name: 'vars/type-name-number', query: 'query ($n: String!) { __type(name: $n) { name } }', variables: { n: 42 } },
  { name: 'vars/type-name-null-default', query: 'query ($n: String = "Query") { __type(name: $n) { name } }', variables: { n: null } },
  { name: 'vars/type-name-default', query: 'query ($n: String = "Query") { __type(name: $n) { name } }', variables: {} },
  { name: 'vars/list-string', query: 'query ($n: [String]) { __typename }', variables: { n: ['a', null] } },
  { name: 'vars/int-overflow', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: 2147483648 } },
  { name: 'vars/int-fraction', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: 1.5 } },
  { name: 'vars/int-string', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: '7' } },
  { name: 'vars/int-object', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: { a: 1 } } },
  { name: 'vars/float-bool', query: 'query ($c: Float!) { getChatroomById(chatroomId: $c) { id } }', variables: { c: true } },
  { name: 'vars/float-list', query: 'query ($c: Float!) { getChatroomById(chatroomId: $c) { id } }', variables: { c: [1] } },
  { name: 'vars/string-list', query: 'query ($t: String!) { searchUsers(fullname: $t) { id } }', variables: { t: ['a'] } },
  { name: 'vars/list-coerced-from-item', query: 'mutation ($ids: [Float!]!) { addUsersToChatroom(chatroomId: 1, userIds: $ids) }', variables: { ids: 3 } },
  { name: 'vars/list-null-item', query: 'mutation ($ids: [Float!]!) { addUsersToChatroom(chatroomId: 1, userIds: $ids) }', variables: { ids: [1, null, 'x'] } },
  { name: 'vars/input-missing-field', query: 'mutation ($i: LogInInput!) { login(LogInInput: $i) { user { id } } }', variables: { i: { email: 'a@b.c' } } },
  { name: 'vars/input-unknown-field', query: 'mutation ($i: LogInInput!) { login(LogInInput: $i) { user { id } } }', variables: { i: { email: 'a', password: 'b', pasword: 'c' } } },
  { name: 'vars/input-not-object', query: 'mutation ($i: LogInInput!) { login(LogInInput: $i) { user { id } } }', variables: { i: 'x' } },
  { name: 'vars/input-nested-bad', query: 'mutation ($i: CreateChatroomInput!) { createChatroom(createChatroomInput: $i) { id } }', variables: { i: { name: 'n', userIds: [1, 'ok'], access: null } } },
  { name: 'vars/input-valid', query: 'mutation ($i: CreateChatroomInput!) { createChatroom(createChatroomInput: $i) { id } }', variables: { i: { name: 'n' } } },
  { name: 'vars/upload-anything', query: 'mutation ($f: Upload) { updateUserProfile(fullname: "x", file: $f) { id } }', variables: { f: { any: ['thing'] } } },
  { name: 'vars/several-errors', query: 'query ($a: Int!, $b: Float!, $c: String!) { findUserById(id: $a) { id } getChatroomById(chatroomId: $b) { id } searchUsers(fullname: $c) { id } }', variables: { a: 'x', c: null } },
  { name: 'vars/operation-name', query: 'query A($s: Boolean!) { hello @include(if: $s) }\nquery B { __typename }', variables: { s: 'no' }, operationName: 'A' },
  { name: 'vars/operation-name-other', query: 'query A($s: Boolean!) { hello @include(if: $s) }\nquery B { __typename }', variables: { s: 'no' }, operationName: 'B' },
  { name: 'vars/operation-unknown', query: 'query A { hello }\nquery B { __typename }', operationName: 'C' },
  { name: 'vars/operation-missing-name', query: 'query A { hello }\nquery B { __typename }' },
];

/** The contract's custom scalars in input positions (GQL-3, see oracle/scalars.mjs). */
const customScalars = [
  { name: 'scalar/datetime-default-valid', query: 'query ($d: DateTime = "2025-11-10T20:00:00Z") { hello }' },
  { name: 'scalar/datetime-default-offset', query: 'query ($d: DateTime = "2025-11-10T21:00:00.5+01:00") { hello }' },
  { name: 'scalar/datetime-default-invalid-month', query: 'query ($d: DateTime = "2025-13-01T00:00:00Z") { hello }' },
  { name: 'scalar/datetime-default-feb-30', query: 'query ($d: DateTime = "2025-02-30T00:00:00Z") { hello }' },
  { name: 'scalar/datetime-default-no-zone', query: 'query ($d: DateTime = "2025-11-10T20:00:00") { hello }' },
  { name: 'scalar/datetime-default-number', query: 'query ($d: DateTime = 1731268800000) { hello }' },
  { name: 'scalar/datetime-default-block', query: 'query ($d: DateTime = """2025""") { hello }' },
  { name: 'scalar/datetime-default-list', query: 'query ($d: [DateTime!] = ["2025-11-10T20:00:00Z", "soon"]) { hello }' },
  { name: 'scalar/upload-literal', query: 'mutation { updateUserProfile(fullname: "x", file: "f") { id } }' },
  { name: 'scalar/upload-object-literal', query: 'mutation { sendMessage(chatroomId: 1, content: "x", image: {name: "a.png"}) { cursor } }' },
  { name: 'scalar/upload-null-literal', query: 'mutation { updateUserProfile(fullname: "x", file: null) { id } }' },
  { name: 'scalar/upload-default', query: 'mutation ($f: Upload = "f") { updateUserProfile(fullname: "x", file: $f) { id } }' },
  { name: 'scalar/upload-variable-null', query: 'mutation ($f: Upload) { updateUserProfile(fullname: "x", file: $f) { id } }', variables: { f: null } },
  { name: 'scalar/upload-variable-string', query: 'mutation ($f: Upload) { updateUserProfile(fullname: "x", file: $f) { id } }', variables: { f: 'file.png' } },
];

/** `count` queries each spreading `Big` and a fragment of its own, then a subscription. */
function fragmentWorkDocument(count) {
  let text = '';
  for (let i = 0; i < count; ++i) text += `query Q${i} { ...Big ...Own${i} }\nfragment Own${i} on Query { hello }\n`;
  text += `fragment Big on Query { findAllUsers {${' ...Leaf'.repeat(120)} } }\nfragment Leaf on UserEntity { id }\n`;
  text += `subscription S { ...Root }\nfragment Root on Subscription {${' newMessage(chatroomId: 1) { cursor }'.repeat(10)} }`;
  return text;
}

/** graphql-js 16.15's limits on one validation or one variable coercion. */
const engineLimits = [
  // 50,000 units of "fragment work" per validation, shared by the context's fragment and
  // variable look-ups and SingleFieldSubscriptionsRule: 389 queries fit, 392 do not
  // (graphql-js without SingleFieldSubscriptionsRule accepts 392: the share matters).
  { name: 'engine-limit/fragment-work-fits', query: fragmentWorkDocument(389), operationName: 'Q0' },
  { name: 'engine-limit/fragment-work-shared-by-subscriptions', query: fragmentWorkDocument(392), operationName: 'Q0' },
  {
    name: 'engine-limit/fragment-work-queries',
    query: `${Array.from({ length: 100 }, (_, i) => `query Q${i} { ...A ...C${i} }\nfragment C${i} on Query { __typename }`).join('\n')}\nfragment A on Query { findAllUsers { ${'...B '.repeat(490)}} }\nfragment B on UserEntity { id }`,
    operationName: 'Q1',
  },
  // at most 100 validation errors, then "Too many validation errors…"
  { name: 'engine-limit/too-many-validation-errors', query: `{ findAllUsers { ${Array.from({ length: 105 }, (_, i) => `x${i}`).join(' ')} } }` },
  // at most 50 variable coercion errors, then "Too many errors processing variables…"
  {
    name: 'engine-limit/too-many-variable-errors',
    query: `mutation (${Array.from({ length: 52 }, (_, i) => `$v${i}: Float!`).join(', ')}) { addUsersToChatroom(chatroomId: 1, userIds: [${Array.from({ length: 52 }, (_, i) => `$v${i}`).join(', ')}]) }`,
    variables: Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`v${i}`, 'x'])),
  },
  // a @skip/@include SingleFieldSubscriptionsRule cannot evaluate: graphql-js's validate
  // throws that error, whatever other errors the document has
  { name: 'engine-limit/thrown-after-other-errors', query: 'query A { nope }\nsubscription S($v: Boolean!) { newMessage(chatroomId: 1) @skip(if: $v) { cursor } alsoNope }' },
  { name: 'engine-limit/thrown-null-literal', query: 'subscription { newMessage(chatroomId: 1) @include(if: null) { cursor } }' },
  { name: 'engine-limit/thrown-missing-if', query: 'query { hello } subscription { ... @skip { newMessage(chatroomId: 1) { cursor } } }' },
];

/** How messages print literals and variable values (graphql-js print and inspect). */
const printing = [
  { name: 'print/float-text-kept', query: '{ searchUsers(fullname: 123.4500) { id } }' },
  { name: 'print/string-escapes', query: r`{ findUserById(id: "tab	\t \"q\" \\ é 😀 \u0001 \u{1F600} \u007F") { id } }` },
  { name: 'print/block-string', query: '{ findUserById(id: """block "quoted" \\""" text\n  second line""") { id } }' },
  { name: 'print/nested-object', query: '{ findUserById(id: {a: [1, {b: null}], c: ENUM, d: "x", e: []}) { id } }' },
  { name: 'print/list-for-int', query: '{ findUserById(id: [1, 2]) { id } }' },
  { name: 'print/enum-for-float', query: '{ getChatroomById(chatroomId: PUBLIC) { id } }' },
  { name: 'print/input-object-missing-and-unknown', query: 'mutation { register(RegisterInput: {emial: "a", fullname: "b", pasword: "c", confirmpassword: "d"}) { user { id } } }' },
  { name: 'print/suggestions-field', query: '{ findAllUsers { ed mail fulname createAt } }' },
  { name: 'print/suggestions-many', query: '{ getChatroomById(chatroomId: 1) { a } }' },
  { name: 'print/suggestions-argument', query: '{ getMessagesForChatroom(chatroomid: 1, cursors: 2, takes: 3) { totalCount } }' },
  { name: 'print/suggestions-type', query: '{ ... on Userentity { id } ... on chatroomEntity { id } }' },
  { name: 'print/suggestions-root-field', query: '{ findUser(id: 1) { id } getChatroom { id } }' },
  { name: 'vars/inspect-long-list', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } },
  { name: 'vars/inspect-eleven-items', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } },
  { name: 'vars/inspect-deep', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: { a: { b: { c: { d: 1 } }, l: [[[[1]]]] } } } },
  { name: 'vars/inspect-strings', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', variables: { id: 'quote " backslash \\ newline \n tab \t é 😀 \u0001' } },
  { name: 'vars/inspect-empty', query: 'query ($a: Int!, $b: Int!) { findUserById(id: $a) { id } x: findUserById(id: $b) { id } }', variables: { a: {}, b: [] } },
  { name: 'vars/inspect-numbers', query: 'query ($a: Int!, $b: Int!, $c: Int!, $d: Int!, $e: String!, $f: Boolean!) { a: findUserById(id: $a) { id } b: findUserById(id: $b) { id } c: findUserById(id: $c) { id } d: findUserById(id: $d) { id } searchUsers(fullname: $e) { id } hello @include(if: $f) }', variables: { a: 1e21, b: 1.5e300, c: 5e-7, d: 0.1, e: 123456789.125, f: -2.5e-10 } },
  { name: 'vars/inspect-object-keys', query: 'mutation ($i: LogInInput!) { login(LogInInput: $i) { user { id } } }', variables: { i: { 'email': 1, 'pass word': 2, 'ünï': [true, null], '': 'empty' } } },
  { name: 'vars/input-suggestion', query: 'mutation ($i: LogInInput!) { login(LogInInput: $i) { user { id } } }', variables: { i: { emial: 'a', password: 'b' } } },
  { name: 'vars/raw-float-for-int', query: 'query ($id: Int!) { findUserById(id: $id) { id } }', rawVariables: '{"id": 1.0}' },
  { name: 'vars/raw-exponent-for-int', query: 'query ($id: Int!, $n: String!) { findUserById(id: $id) { id } __type(name: $n) { name } }', rawVariables: '{"id": 1e2, "n": 5E-1}' },
  { name: 'vars/raw-negative-zero', query: 'query ($id: Int!, $c: Float!) { findUserById(id: $id) { id } getChatroomById(chatroomId: $c) { id } }', rawVariables: '{"id": -0, "c": -0.0}' },
  { name: 'vars/raw-escaped-name', query: 'query ($n: String!) { __type(name: $n) { name } }', rawVariables: '{"n": "\\u0051uery"}' },
];

export const handWritten = [
  ...seeds, ...lexical, ...rules, ...executable, ...withVariables, ...customScalars, ...engineLimits, ...printing,
];

/** Lexical categories the task requires; the test asserts each has a document. */
export const lexicalCategories = {
  'block strings': /^lex\/block-string/,
  'unicode escapes': /^lex\/unicode-escape/,
  'surrogate pairs': /^lex\/surrogate-pair/,
  'bad escapes': /^lex\/(bad-|lone-|short-|braced-)/,
  'number 1.e5': /^lex\/number-dot-exponent$/,
  'number 00': /^lex\/number-leading-zeros$/,
  'number 1x': /^lex\/number-name-after$/,
  'number 0x1': /^lex\/number-hex$/,
  'number -0': /^lex\/number-negative-zero$/,
  'number 1e': /^lex\/number-exponent-missing$/,
  BOM: /^lex\/bom-/,
  comments: /^lex\/comment/,
  commas: /^lex\/commas/,
  'unterminated strings': /^lex\/(unterminated-string|block-string-unterminated)$/,
  'invalid characters': /^lex\/(control-char|nul-char|nbsp|astral-outside-string|unexpected-question)$/,
};
