// build_schema (SPEC GQL-1, GQL-2; spec section 3 "Type System"): the schema built from
// SDL is the one graphql-js 16.15 `buildSchema` builds — same types in the same order,
// fields, arguments, defaults, deprecations, descriptions, directives — and SDL and
// schema validation fail with graphql-js's messages. Expected texts below were produced
// by graphql-js from the same SDL.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "graphql/type/inspect.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql {
namespace {

std::string read_file(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<const schema> build_ok(std::string_view sdl, const build_options& options = {}) {
  build_result result = build_schema(sdl, options);
  for (const std::string& error : result.errors)
    ADD_FAILURE() << error;
  EXPECT_TRUE(result.built);
  return result.built;
}

std::vector<std::string> type_names(const schema& s) {
  std::vector<std::string> names;
  for (const named_type* type : s.types())
    names.push_back(type->name());
  return names;
}

// ---- a textual dump, written the same way by a graphql-js script ----

std::string describe(const std::string& description) {
  return description.empty() ? std::string() : " " + js_quote(description);
}

std::string deprecated(const deprecation& d) {
  return d.deprecated ? " @deprecated(" + js_quote(d.reason) + ")" : std::string();
}

std::string arguments(const std::vector<input_value>& args) {
  if (args.empty()) return {};
  std::string out = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const input_value& arg = args[i];
    if (i > 0) out += ", ";
    out += arg.name + ": " + arg.value_type->to_string();
    if (arg.default_value != nullptr) out += " = " + print_value(*arg.default_value);
    out += deprecated(arg.deprecated) + describe(arg.description);
  }
  return out + ")";
}

std::string join_names(std::span<const object_type* const> types, std::string_view separator) {
  std::string out;
  for (const object_type* type : types) {
    if (!out.empty()) out += separator;
    out += type->name();
  }
  return out;
}

std::string dump(const schema& s) {
  const auto root = [](const object_type* type) { return type ? type->name() : std::string("-"); };
  std::string out = "schema query=" + root(s.query_type()) +
                    " mutation=" + root(s.mutation_type()) +
                    " subscription=" + root(s.subscription_type()) + describe(s.description());
  for (const named_type* type : s.types()) {
    out += "\n";
    std::string kind(to_string(type->kind()));
    out += kind + " " + type->name();
    if (type->kind() == type_kind::object || type->kind() == type_kind::interface) {
      const auto& fields = static_cast<const fields_type&>(*type);
      std::string interfaces;
      for (const interface_type* iface : fields.interfaces()) {
        if (!interfaces.empty()) interfaces += " & ";
        interfaces += iface->name();
      }
      if (!interfaces.empty()) out += " implements " + interfaces;
    }
    if (type->kind() == type_kind::union_type) {
      out += " = " + join_names(static_cast<const union_type&>(*type).members(), " | ");
    }
    if (type->kind() == type_kind::scalar) {
      const auto& url = static_cast<const scalar_type&>(*type).specified_by_url();
      if (!url.empty()) out += " @specifiedBy(" + js_quote(url) + ")";
    }
    if (type->kind() == type_kind::input_object &&
        static_cast<const input_object_type&>(*type).is_one_of()) {
      out += " @oneOf";
    }
    if (type->is_abstract()) out += " possible=" + join_names(s.possible_types(*type), ",");
    out += describe(type->description());
    if (type->kind() == type_kind::object || type->kind() == type_kind::interface) {
      for (const field_definition& field : static_cast<const fields_type&>(*type).fields()) {
        out += "\n  " + field.name + arguments(field.arguments) + ": " +
               field.field_type->to_string() + deprecated(field.deprecated) +
               describe(field.description);
      }
    } else if (type->kind() == type_kind::input_object) {
      for (const input_value& field : static_cast<const input_object_type&>(*type).fields()) {
        out += "\n  " + field.name + ": " + field.value_type->to_string();
        if (field.default_value != nullptr) out += " = " + print_value(*field.default_value);
        out += deprecated(field.deprecated) + describe(field.description);
      }
    } else if (type->kind() == type_kind::enum_type) {
      for (const enum_value& value : static_cast<const enum_type&>(*type).values()) {
        out += "\n  " + value.name + deprecated(value.deprecated) + describe(value.description);
      }
    }
  }
  for (const directive_definition* directive : s.directives()) {
    out += "\ndirective @" + directive->name + arguments(directive->arguments);
    if (directive->repeatable) out += " repeatable";
    out += " on ";
    for (std::size_t i = 0; i < directive->locations.size(); ++i) {
      if (i > 0) out += " | ";
      out += to_string(directive->locations[i]);
    }
    out += describe(directive->description);
  }
  return out;
}

// ---- the chat schema (the frozen contract, schema/contract/original.graphql) ----

TEST(BuildSchema, ChatSchemaBuildsWithoutErrors) {
  const build_result result = build_schema(read_file(CHAT_SCHEMA_FILE));
  EXPECT_TRUE(result.errors.empty()) << result.errors.front();
  ASSERT_TRUE(result.built);
  EXPECT_EQ(result.built->query_type()->name(), "Query");
  EXPECT_EQ(result.built->mutation_type()->name(), "Mutation");
  EXPECT_EQ(result.built->subscription_type()->name(), "Subscription");
}

TEST(BuildSchema, ChatTypeMapHasGraphqlJsOrder) {
  // Object.keys(buildSchema(chat.graphql).getTypeMap()) — the order of introspection's
  // `types`.
  const std::vector<std::string> expected{"ChatroomAccess",
                                          "ChatroomEntity",
                                          "Int",
                                          "String",
                                          "CreateChatroomInput",
                                          "DateTime",
                                          "LogInInput",
                                          "LogInResponse",
                                          "MessageEdge",
                                          "MessageEntity",
                                          "Mutation",
                                          "Float",
                                          "Boolean",
                                          "PageInfo",
                                          "PaginatedMessage",
                                          "Query",
                                          "RegisterInput",
                                          "RegisterResponse",
                                          "SearchChatroomsResult",
                                          "Subscription",
                                          "Upload",
                                          "UserEntity",
                                          "__Schema",
                                          "__Type",
                                          "__TypeKind",
                                          "__Field",
                                          "__InputValue",
                                          "__EnumValue",
                                          "__Directive",
                                          "__DirectiveLocation"};
  const auto built = build_ok(read_file(CHAT_SCHEMA_FILE));
  ASSERT_TRUE(built);
  EXPECT_EQ(type_names(*built), expected);
}

TEST(BuildSchema, ChatSchemaMatchesGraphqlJsTypeByType) {
  const auto built = build_ok(read_file(CHAT_SCHEMA_FILE));
  ASSERT_TRUE(built);
  EXPECT_EQ("\n" + dump(*built) + "\n", R"dump(
schema query=Query mutation=Mutation subscription=Subscription
ENUM ChatroomAccess "Tipos de acceso de la sala de chat"
  PRIVATE
  PUBLIC
OBJECT ChatroomEntity
  access: ChatroomAccess!
  adminId: Int
  colorHex: String
  createdAt: DateTime
  description: String
  id: Int
  image: String
  messages: [MessageEntity!]
  name: String
  updatedAt: DateTime
  users: [UserEntity!]
SCALAR Int "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
SCALAR String "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
INPUT_OBJECT CreateChatroomInput
  access: String! = "PRIVATE"
  colorHex: String
  description: String
  image: String
  name: String!
  userIds: [String!]! = []
SCALAR DateTime "A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format."
INPUT_OBJECT LogInInput
  email: String!
  password: String!
OBJECT LogInResponse
  user: UserEntity!
OBJECT MessageEdge
  cursor: Int!
  node: MessageEntity!
OBJECT MessageEntity
  chatroom: ChatroomEntity
  content: String!
  createdAt: DateTime!
  id: Int!
  imageUrl: String
  updatedAt: DateTime
  user: UserEntity!
OBJECT Mutation
  addUsersToChatroom(chatroomId: Float!, userIds: [Float!]!): String!
  createChatroom(createChatroomInput: CreateChatroomInput!): ChatroomEntity!
  deleteChatroom(chatroomId: Float!): String!
  enterChatroom(chatroomId: Float!): Boolean!
  leaveChatroom(chatroomId: Float!): Boolean!
  login(LogInInput: LogInInput!): LogInResponse! "login user"
  logout: String! "logout user"
  refreshToken: String! "refresh token"
  register(RegisterInput: RegisterInput!): RegisterResponse! "register user"
  sendMessage(chatroomId: Float!, content: String!, image: Upload): MessageEdge!
  updateUserProfile(file: Upload, fullname: String!): UserEntity! "Update user profile"
  userStartedTypingMutation(chatroomId: Float!): UserEntity!
  userStoppedTypingMutation(chatroomId: Float!): UserEntity!
SCALAR Float "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
SCALAR Boolean "The `Boolean` scalar type represents `true` or `false`."
OBJECT PageInfo
  endCursor: Int
  hasNextPage: Boolean!
OBJECT PaginatedMessage
  edges: [MessageEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
OBJECT Query
  findAllUsers: [UserEntity!]! "Find all users"
  findUserById(id: Int!): UserEntity! "Find user by id"
  getChatroomById(chatroomId: Float!): ChatroomEntity! "Get a chatroom by id"
  getChatroomsForSearch(limit: Int, searchTerm: String!): SearchChatroomsResult! "Get chatrooms for search functionality"
  getChatroomsForUser(userId: Float!): [ChatroomEntity!]!
  getMessagesForChatroom(chatroomId: Float!, cursor: Int, take: Int! = 20): PaginatedMessage!
  getUsersOfChatroom(chatroomId: Float!): [UserEntity!]!
  hello: String! "just return hello"
  searchUsers(fullname: String!): [UserEntity!]!
INPUT_OBJECT RegisterInput
  confirmPassword: String!
  email: String!
  fullname: String!
  password: String!
OBJECT RegisterResponse
  user: UserEntity
OBJECT SearchChatroomsResult
  chatrooms: [ChatroomEntity!]!
  totalCount: Int!
OBJECT Subscription
  liveUsersInChatroom(chatroomId: Float!): [UserEntity!]
  newMessage(chatroomId: Int!): MessageEdge
  userStartedTyping(chatroomId: Float!, userId: Float!): UserEntity
  userStoppedTyping(chatroomId: Float!, userId: Float!): UserEntity
SCALAR Upload "The `Upload` scalar type represents a file upload."
OBJECT UserEntity
  avatarUrl: String
  createdAt: DateTime
  email: String!
  fullname: String!
  id: Int!
  password: String
  updatedAt: DateTime
OBJECT __Schema "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations."
  description: String
  types: [__Type!]! "A list of all types supported by this server."
  queryType: __Type! "The type that query operations will be rooted at."
  mutationType: __Type "If this server supports mutation, the type that mutation operations will be rooted at."
  subscriptionType: __Type "If this server support subscription, the type that subscription operations will be rooted at."
  directives(includeDeprecated: Boolean! = false): [__Directive!]! "A list of all directives supported by this server."
OBJECT __Type "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types."
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
  isOneOf: Boolean
ENUM __TypeKind "An enum describing what kind of type a given `__Type` is."
  SCALAR "Indicates this type is a scalar."
  OBJECT "Indicates this type is an object. `fields` and `interfaces` are valid fields."
  INTERFACE "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
  UNION "Indicates this type is a union. `possibleTypes` is a valid field."
  ENUM "Indicates this type is an enum. `enumValues` is a valid field."
  INPUT_OBJECT "Indicates this type is an input object. `inputFields` is a valid field."
  LIST "Indicates this type is a list. `ofType` is a valid field."
  NON_NULL "Indicates this type is a non-null. `ofType` is a valid field."
OBJECT __Field "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type."
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __InputValue "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value."
  name: String!
  description: String
  type: __Type!
  defaultValue: String "A GraphQL-formatted string representing the default value for this input value."
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __EnumValue "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string."
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __Directive "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor."
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  isDeprecated: Boolean!
  deprecationReason: String
ENUM __DirectiveLocation "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies."
  QUERY "Location adjacent to a query operation."
  MUTATION "Location adjacent to a mutation operation."
  SUBSCRIPTION "Location adjacent to a subscription operation."
  FIELD "Location adjacent to a field."
  FRAGMENT_DEFINITION "Location adjacent to a fragment definition."
  FRAGMENT_SPREAD "Location adjacent to a fragment spread."
  INLINE_FRAGMENT "Location adjacent to an inline fragment."
  VARIABLE_DEFINITION "Location adjacent to a variable definition."
  SCHEMA "Location adjacent to a schema definition."
  SCALAR "Location adjacent to a scalar definition."
  OBJECT "Location adjacent to an object type definition."
  FIELD_DEFINITION "Location adjacent to a field definition."
  ARGUMENT_DEFINITION "Location adjacent to an argument definition."
  INTERFACE "Location adjacent to an interface definition."
  UNION "Location adjacent to a union definition."
  ENUM "Location adjacent to an enum definition."
  ENUM_VALUE "Location adjacent to an enum value definition."
  INPUT_OBJECT "Location adjacent to an input object type definition."
  INPUT_FIELD_DEFINITION "Location adjacent to an input object field definition."
  DIRECTIVE_DEFINITION "Location adjacent to a directive definition."
directive @include(if: Boolean! "Included when true.") on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT "Directs the executor to include this field or fragment only when the `if` argument is true."
directive @skip(if: Boolean! "Skipped when true.") on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT "Directs the executor to skip this field or fragment when the `if` argument is true."
directive @deprecated(reason: String = "No longer supported" "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION "Marks an element of a GraphQL schema as no longer supported."
directive @specifiedBy(url: String! "The URL that specifies the behavior of this scalar.") on SCALAR "Exposes a URL that specifies the behavior of this scalar."
directive @oneOf on INPUT_OBJECT "Indicates exactly one field must be supplied and this field must not be `null`."
)dump");
}

TEST(BuildSchema, ChatSchemaKeepsDefaultsAsWritten) {
  const auto built = build_ok(read_file(CHAT_SCHEMA_FILE));
  ASSERT_TRUE(built);
  const auto& query = static_cast<const object_type&>(*built->find_type("Query"));
  const input_value* take = query.find_field("getMessagesForChatroom")->find_argument("take");
  ASSERT_NE(take, nullptr);
  ASSERT_NE(take->default_value, nullptr);
  EXPECT_EQ(take->default_value->kind, node_kind::int_value);
  EXPECT_EQ(take->value_type->to_string(), "Int!");
  EXPECT_NE(take->ast, nullptr);
  const auto& input =
      static_cast<const input_object_type&>(*built->find_type("CreateChatroomInput"));
  EXPECT_EQ(print_value(*input.find_field("userIds")->default_value), "[]");
}

// ---- every feature of the SDL ----

constexpr std::string_view k_features_sdl = R"gql(
"""
The schema
"""
schema {
  query: Root
}

extend schema {
  mutation: Mut
}

# a comment, not a description
"Node interface"
interface Node {
  id: ID!
}

interface Named implements Node {
  id: ID!
  name(upper: Boolean = false): String
}

type Root {
  node(id: ID!): Node
  search(term: String!, first: Int = 10 @deprecated): [Result!]!
  old: String @deprecated
  new: String @deprecated(reason: "Use `newer`.")
  kept: String @deprecated(reason: null)
  named: Named
}

"""
  A user.

    Indented line.
"""
type User implements Named & Node {
  id: ID!
  name(upper: Boolean = false): String
}

type Team implements Node {
  id: ID!
}

extend type Team implements Named {
  name(upper: Boolean = false): String
}

union Result = User

extend union Result = Team

enum Color {
  RED
  GREEN @deprecated
}

extend enum Color {
  "the blue"
  BLUE @deprecated(reason: "no")
}

input Filter @oneOf {
  a: Int
  b: String
}

input Range {
  from: Float = 1
  to: Float = 1.5
  tags: [String!] = ["a", "b"]
  color: Color = RED
  nested: Filter = {a: 1}
  old: Int @deprecated
}

extend input Range {
  step: Int = -1
}

scalar Date @specifiedBy(url: "https://example.com/date")

extend scalar Date @foo

directive @foo(a: Int = 1, "desc b" b: [String]) repeatable on SCALAR | FIELD | DIRECTIVE_DEFINITION

type Mut {
  set(range: Range, when: Date, f: Filter, c: Color): Int
}

type Unused {
  x: ID
}
)gql";

TEST(BuildSchema, MergesExtensionsAndReadsDirectivesAsGraphqlJs) {
  const auto built = build_ok(k_features_sdl);
  ASSERT_TRUE(built);
  EXPECT_EQ("\n" + dump(*built) + "\n", R"dump(
schema query=Root mutation=Mut subscription=- "The schema"
INTERFACE Node possible=User,Team "Node interface"
  id: ID!
SCALAR ID "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
INTERFACE Named implements Node possible=User,Team
  id: ID!
  name(upper: Boolean = false): String
SCALAR String "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
SCALAR Boolean "The `Boolean` scalar type represents `true` or `false`."
OBJECT Root
  node(id: ID!): Node
  search(term: String!, first: Int = 10 @deprecated("No longer supported")): [Result!]!
  old: String @deprecated("No longer supported")
  new: String @deprecated("Use `newer`.")
  kept: String
  named: Named
SCALAR Int "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
OBJECT User implements Named & Node "A user.\n\n  Indented line."
  id: ID!
  name(upper: Boolean = false): String
OBJECT Team implements Node & Named
  id: ID!
  name(upper: Boolean = false): String
UNION Result = User | Team possible=User,Team
ENUM Color
  RED
  GREEN @deprecated("No longer supported")
  BLUE @deprecated("no") "the blue"
INPUT_OBJECT Filter @oneOf
  a: Int
  b: String
INPUT_OBJECT Range
  from: Float = 1
  to: Float = 1.5
  tags: [String!] = ["a", "b"]
  color: Color = RED
  nested: Filter = {a: 1}
  old: Int @deprecated("No longer supported")
  step: Int = -1
SCALAR Float "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
SCALAR Date @specifiedBy("https://example.com/date")
OBJECT Mut
  set(range: Range, when: Date, f: Filter, c: Color): Int
OBJECT Unused
  x: ID
OBJECT __Schema "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations."
  description: String
  types: [__Type!]! "A list of all types supported by this server."
  queryType: __Type! "The type that query operations will be rooted at."
  mutationType: __Type "If this server supports mutation, the type that mutation operations will be rooted at."
  subscriptionType: __Type "If this server support subscription, the type that subscription operations will be rooted at."
  directives(includeDeprecated: Boolean! = false): [__Directive!]! "A list of all directives supported by this server."
OBJECT __Type "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types."
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
  isOneOf: Boolean
ENUM __TypeKind "An enum describing what kind of type a given `__Type` is."
  SCALAR "Indicates this type is a scalar."
  OBJECT "Indicates this type is an object. `fields` and `interfaces` are valid fields."
  INTERFACE "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
  UNION "Indicates this type is a union. `possibleTypes` is a valid field."
  ENUM "Indicates this type is an enum. `enumValues` is a valid field."
  INPUT_OBJECT "Indicates this type is an input object. `inputFields` is a valid field."
  LIST "Indicates this type is a list. `ofType` is a valid field."
  NON_NULL "Indicates this type is a non-null. `ofType` is a valid field."
OBJECT __Field "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type."
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __InputValue "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value."
  name: String!
  description: String
  type: __Type!
  defaultValue: String "A GraphQL-formatted string representing the default value for this input value."
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __EnumValue "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string."
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
OBJECT __Directive "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor."
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  isDeprecated: Boolean!
  deprecationReason: String
ENUM __DirectiveLocation "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies."
  QUERY "Location adjacent to a query operation."
  MUTATION "Location adjacent to a mutation operation."
  SUBSCRIPTION "Location adjacent to a subscription operation."
  FIELD "Location adjacent to a field."
  FRAGMENT_DEFINITION "Location adjacent to a fragment definition."
  FRAGMENT_SPREAD "Location adjacent to a fragment spread."
  INLINE_FRAGMENT "Location adjacent to an inline fragment."
  VARIABLE_DEFINITION "Location adjacent to a variable definition."
  SCHEMA "Location adjacent to a schema definition."
  SCALAR "Location adjacent to a scalar definition."
  OBJECT "Location adjacent to an object type definition."
  FIELD_DEFINITION "Location adjacent to a field definition."
  ARGUMENT_DEFINITION "Location adjacent to an argument definition."
  INTERFACE "Location adjacent to an interface definition."
  UNION "Location adjacent to a union definition."
  ENUM "Location adjacent to an enum definition."
  ENUM_VALUE "Location adjacent to an enum value definition."
  INPUT_OBJECT "Location adjacent to an input object type definition."
  INPUT_FIELD_DEFINITION "Location adjacent to an input object field definition."
  DIRECTIVE_DEFINITION "Location adjacent to a directive definition."
directive @foo(a: Int = 1, b: [String] "desc b") repeatable on SCALAR | FIELD | DIRECTIVE_DEFINITION
directive @include(if: Boolean! "Included when true.") on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT "Directs the executor to include this field or fragment only when the `if` argument is true."
directive @skip(if: Boolean! "Skipped when true.") on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT "Directs the executor to skip this field or fragment when the `if` argument is true."
directive @deprecated(reason: String = "No longer supported" "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION "Marks an element of a GraphQL schema as no longer supported."
directive @specifiedBy(url: String! "The URL that specifies the behavior of this scalar.") on SCALAR "Exposes a URL that specifies the behavior of this scalar."
directive @oneOf on INPUT_OBJECT "Indicates exactly one field must be supplied and this field must not be `null`."
)dump");
}

TEST(BuildSchema, KeepsTheDefinitionAndExtensionNodesOfEachType) {
  const auto built = build_ok(k_features_sdl);
  ASSERT_TRUE(built);
  const named_type* team = built->find_type("Team");
  ASSERT_NE(team, nullptr);
  ASSERT_EQ(team->ast_nodes().size(), 2u);
  EXPECT_EQ(team->ast_nodes()[0]->kind, node_kind::object_type_definition);
  EXPECT_EQ(team->ast_nodes()[1]->kind, node_kind::object_type_extension);
  EXPECT_TRUE(built->find_type("Int")->ast_nodes().empty());
  EXPECT_EQ(built->find_directive("foo")->ast->name.value, "foo");
}

TEST(BuildSchema, LegacyCommentsAreNotDescriptions) {
  const auto built = build_ok("# not a description\ntype Query {\n  # nor this\n  a: Int\n}");
  ASSERT_TRUE(built);
  EXPECT_EQ(built->query_type()->description(), "");
  EXPECT_EQ(built->query_type()->find_field("a")->description, "");
}

TEST(BuildSchema, AddsOnlyReferencedStandardScalarsInGraphqlJsOrder) {
  const auto built = build_ok("type Query { a: Int }");
  ASSERT_TRUE(built);
  EXPECT_EQ(type_names(*built),
            (std::vector<std::string>{"Query", "Int", "Boolean", "String", "__Schema", "__Type",
                                      "__TypeKind", "__Field", "__InputValue", "__EnumValue",
                                      "__Directive", "__DirectiveLocation"}));
  EXPECT_EQ(built->find_type("Float"), nullptr);
  EXPECT_EQ(built->find_type("ID"), nullptr);
}

TEST(BuildSchema, RedeclaredStandardScalarsKeepTheirPlace) {
  const auto first = build_ok("scalar String type Query { a: Int }");
  ASSERT_TRUE(first);
  const auto first_names = type_names(*first);
  EXPECT_EQ(std::vector<std::string>(first_names.begin(), first_names.begin() + 4),
            (std::vector<std::string>{"String", "Query", "Int", "Boolean"}));
  const auto second = build_ok("union U = Query type Query { a: U }");
  ASSERT_TRUE(second);
  const auto second_names = type_names(*second);
  EXPECT_EQ(std::vector<std::string>(second_names.begin(), second_names.begin() + 4),
            (std::vector<std::string>{"U", "Query", "Boolean", "String"}));
  EXPECT_EQ(
      static_cast<const scalar_type*>(first->find_type("String"))->description().substr(0, 12),
      "The `String`");
}

TEST(BuildSchema, ConventionalRootNamesWinOverSchemaExtensionsWithoutASchemaDefinition) {
  const auto built = build_ok(
      "type Query { a: Int } extend schema { mutation: M2 } type Mutation { b: Int } "
      "type M2 { c: Int }");
  ASSERT_TRUE(built);
  EXPECT_EQ(built->mutation_type()->name(), "Mutation");
}

TEST(BuildSchema, SchemaDefinitionNamesTheRoots) {
  const auto built = build_ok("schema { query: Q } type Q { a: Int } type Query { b: Int }");
  ASSERT_TRUE(built);
  EXPECT_EQ(built->query_type()->name(), "Q");
  EXPECT_EQ(built->root_type(operation_type::query), built->query_type());
  EXPECT_EQ(built->mutation_type(), nullptr);
}

TEST(BuildSchema, CustomScalarsTakeTheirCoercionFromOptions) {
  build_options options;
  options.scalars["DateTime"] = scalar_coercion{
      [](const boost::json::value&, std::string& error) -> std::optional<boost::json::value> {
        error = "not a date";
        return std::nullopt;
      },
      nullptr};
  const auto built =
      build_ok("scalar DateTime scalar Any type Query { a(d: DateTime, x: Any): Int }", options);
  ASSERT_TRUE(built);
  std::string error;
  const auto& date = static_cast<const scalar_type&>(*built->find_type("DateTime"));
  EXPECT_FALSE(date.coercion().parse_value(boost::json::value("x"), error));
  EXPECT_EQ(error, "not a date");
  EXPECT_FALSE(date.is_builtin());
  // Without options a custom scalar accepts anything.
  const auto& any = static_cast<const scalar_type&>(*built->find_type("Any"));
  EXPECT_EQ(any.coercion().parse_value(boost::json::value(1.5), error), boost::json::value(1.5));
}

TEST(BuildSchema, BuiltinScalarsCoerceAsGraphqlJs) {
  const auto built = build_ok("type Query { a: Int }");
  ASSERT_TRUE(built);
  const auto& int_type = static_cast<const scalar_type&>(*built->find_type("Int"));
  EXPECT_TRUE(int_type.is_builtin());
  std::string error;
  EXPECT_FALSE(int_type.coercion().parse_value(boost::json::value(1.5), error));
  EXPECT_EQ(error, "Int cannot represent non-integer value: 1.5");
}

TEST(BuildSchema, MetaFieldsAreGraphqlJsIntrospectionFields) {
  const auto built = build_ok("type Query { a: Int }");
  ASSERT_TRUE(built);
  EXPECT_EQ(built->schema_meta_field().name, "__schema");
  EXPECT_EQ(built->schema_meta_field().field_type->to_string(), "__Schema!");
  EXPECT_EQ(built->schema_meta_field().description,
            "Access the current type schema of this server.");
  EXPECT_EQ(built->type_meta_field().name, "__type");
  EXPECT_EQ(built->type_meta_field().field_type->to_string(), "__Type");
  ASSERT_EQ(built->type_meta_field().arguments.size(), 1u);
  EXPECT_EQ(built->type_meta_field().arguments[0].name, "name");
  EXPECT_EQ(built->type_meta_field().arguments[0].value_type->to_string(), "String!");
  EXPECT_EQ(built->type_meta_field().description, "Request the type information of a single type.");
  EXPECT_EQ(built->typename_meta_field().name, "__typename");
  EXPECT_EQ(built->typename_meta_field().field_type->to_string(), "String!");
  EXPECT_EQ(built->typename_meta_field().description,
            "The name of the current Object type at runtime.");
  // The meta-fields' types are the schema's own.
  EXPECT_EQ(&built->schema_meta_field().field_type->named(), built->find_type("__Schema"));
}

TEST(BuildSchema, UserDirectivesComeBeforeTheSpecifiedOnesTheyDoNotReplace) {
  const auto built = build_ok(
      "directive @deprecated(reason: String) on FIELD_DEFINITION directive @a on FIELD "
      "type Query { a: Int }");
  ASSERT_TRUE(built);
  std::vector<std::string> names;
  for (const directive_definition* directive : built->directives())
    names.push_back(directive->name);
  EXPECT_EQ(names, (std::vector<std::string>{"deprecated", "a", "include", "skip", "specifiedBy",
                                             "oneOf"}));
  EXPECT_TRUE(built->find_directive("a")->allowed_at(directive_location::field));
  EXPECT_FALSE(built->find_directive("a")->allowed_at(directive_location::query));
}

TEST(BuildSchema, DeprecatedWithNullReasonIsNotDeprecated) {
  const auto built = build_ok("type Query { a: Int @deprecated(reason: null) b: Int @deprecated }");
  ASSERT_TRUE(built);
  EXPECT_FALSE(built->query_type()->find_field("a")->deprecated.deprecated);
  EXPECT_TRUE(built->query_type()->find_field("b")->deprecated.deprecated);
  EXPECT_EQ(built->query_type()->find_field("b")->deprecated.reason, "No longer supported");
}

TEST(BuildSchema, FieldIndexesFollowDefinitionOrderAcrossExtensions) {
  const auto built = build_ok("type Query { a: Int b: Int } extend type Query { c: Int }");
  ASSERT_TRUE(built);
  const auto fields = built->query_type()->fields();
  ASSERT_EQ(fields.size(), 3u);
  for (std::size_t i = 0; i < fields.size(); ++i)
    EXPECT_EQ(fields[i].index, i);
  EXPECT_EQ(built->query_type()->find_field("c"), &fields[2]);
  EXPECT_EQ(built->query_type()->find_field("d"), nullptr);
}

// ---- validation: graphql-js's messages for invalid SDL ----

struct invalid_case {
  const char* what;
  const char* sdl;
  std::vector<std::string> errors;  // empty: builds
};

// Generated by graphql-js 16.15.0: `buildSchema` (SDL errors, split at "\n\n") then
// `validateSchema`.
const invalid_case k_cases[] = {
    {"KnownTypeNames", R"gql(type Query { a: Foo })gql", {R"gql(Unknown type "Foo".)gql"}},
    {"KnownTypeNames suggests standard types",
     R"gql(type Query { a: Strin })gql",
     {R"gql(Unknown type "Strin". Did you mean "String"?)gql"}},
    {"KnownTypeNames suggests defined types",
     R"gql(type Query { a: Usr } type User { id: ID })gql",
     {R"gql(Unknown type "Usr". Did you mean "User"?)gql"}},
    {"KnownTypeNames in executable definitions",
     R"gql(query ($a: Int) { a } type Query { a: Int })gql",
     {R"gql(Unknown type "Int".)gql"}},
    {"UniqueTypeNames",
     R"gql(type Query { a: Int } type Query { b: Int })gql",
     {R"gql(There can be only one type named "Query".)gql"}},
    {"UniqueFieldDefinitionNames",
     R"gql(type Query { a: Int a: String })gql",
     {R"gql(Field "Query.a" can only be defined once.)gql"}},
    {"UniqueFieldDefinitionNames across extensions",
     R"gql(type Query { a: Int } extend type Query { a: Int })gql",
     {R"gql(Field "Query.a" can only be defined once.)gql"}},
    {"UniqueArgumentDefinitionNames",
     R"gql(type Query { a(x: Int, x: Int): Int })gql",
     {R"gql(Argument "Query.a(x:)" can only be defined once.)gql"}},
    {"UniqueArgumentDefinitionNames on directives",
     R"gql(directive @a(x: Int, x: Int) on FIELD type Query { a: Int })gql",
     {R"gql(Argument "@a(x:)" can only be defined once.)gql"}},
    {"UniqueEnumValueNames",
     R"gql(enum E { A A } type Query { a: E })gql",
     {R"gql(Enum value "E.A" can only be defined once.)gql"}},
    {"LoneSchemaDefinition",
     R"gql(schema { query: Query } schema { query: Query } type Query { a: Int })gql",
     {R"gql(Must provide only one schema definition.)gql",
      R"gql(There can be only one query type in schema.)gql"}},
    {"UniqueOperationTypes",
     R"gql(schema { query: Query query: Query } type Query { a: Int })gql",
     {R"gql(There can be only one query type in schema.)gql"}},
    {"UniqueDirectiveNames",
     R"gql(directive @a on FIELD directive @a on FIELD type Query { a: Int })gql",
     {R"gql(There can be only one directive named "@a".)gql"}},
    {"KnownDirectives unknown",
     R"gql(type Query { a: Int @foo })gql",
     {R"gql(Unknown directive "@foo".)gql"}},
    {"KnownDirectives wrong location",
     R"gql(type Query { a: Int @skip(if: true) })gql",
     {R"gql(Directive "@skip" may not be used on FIELD_DEFINITION.)gql"}},
    {"KnownDirectives input extension quirk",
     R"gql(directive @a on INPUT_FIELD_DEFINITION input I { x: Int } extend input I { y: Int @a } type Query { f(i: I): Int })gql",
     {R"gql(Directive "@a" may not be used on ARGUMENT_DEFINITION.)gql"}},
    {"UniqueDirectivesPerLocation",
     R"gql(type Query { a: Int @deprecated @deprecated })gql",
     {R"gql(The directive "@deprecated" can only be used once at this location.)gql"}},
    {"repeatable directives repeat",
     R"gql(directive @r repeatable on FIELD_DEFINITION type Query { a: Int @r @r })gql",
     {}},
    {"UniqueDirectivesPerLocation across extensions",
     R"gql(type Query @d { a: Int } extend type Query @d directive @d on OBJECT)gql",
     {R"gql(The directive "@d" can only be used once at this location.)gql"}},
    {"PossibleTypeExtensions undefined",
     R"gql(extend type Query { b: Int })gql",
     {R"gql(Cannot extend type "Query" because it is not defined.)gql"}},
    {"PossibleTypeExtensions suggestion",
     R"gql(type Query { a: Int } extend type Quer { b: Int })gql",
     {R"gql(Cannot extend type "Quer" because it is not defined. Did you mean "Query"?)gql"}},
    {"PossibleTypeExtensions wrong kind",
     R"gql(scalar Q extend type Q { a: Int } type Query { a: Int })gql",
     {R"gql(Cannot extend non-object type "Q".)gql"}},
    {"KnownArgumentNamesOnDirectives",
     R"gql(type Query { a: Int @deprecated(reasn: "x") })gql",
     {R"gql(Unknown argument "reasn" on directive "@deprecated". Did you mean "reason"?)gql"}},
    {"UniqueArgumentNames",
     R"gql(type Query { a: Int @deprecated(reason: "x", reason: "y") })gql",
     {R"gql(There can be only one argument named "reason".)gql"}},
    {"UniqueInputFieldNames",
     R"gql(input I { a: Int } type Query { a(x: I = {a: 1, a: 2}): Int })gql",
     {R"gql(There can be only one input field named "a".)gql"}},
    {"ProvidedRequiredArgumentsOnDirectives",
     R"gql(scalar S @specifiedBy type Query { a: S })gql",
     {R"gql(Directive "@specifiedBy" argument "url" of type "String!" is required, but it was not provided.)gql"}},
    {"ProvidedRequiredArgumentsOnDirectives custom",
     R"gql(directive @d(a: Int!) on FIELD_DEFINITION type Query { a: Int @d })gql",
     {R"gql(Directive "@d" argument "a" of type "Int!" is required, but it was not provided.)gql"}},
    {"several SDL errors in document order",
     R"gql(type Query { a: Foo b: Bar @foo } extend type Baz { c: Int })gql",
     {R"gql(Unknown type "Foo".)gql", R"gql(Unknown type "Bar".)gql",
      R"gql(Unknown directive "@foo".)gql",
      R"gql(Cannot extend type "Baz" because it is not defined.)gql"}},
    {"invalid deprecation reason",
     R"gql(type Query { a: Int @deprecated(reason: 1) })gql",
     {R"gql(Argument "reason" has invalid value 1.)gql"}},
    {"invalid specifiedBy url",
     R"gql(scalar S @specifiedBy(url: 1) type Query { a: S })gql",
     {R"gql(Argument "url" has invalid value 1.)gql"}},
    {"null specifiedBy url",
     R"gql(scalar S @specifiedBy(url: null) type Query { a: S })gql",
     {R"gql(Argument "url" of non-null type "String!" must not be null.)gql"}},
    {"missing query root",
     R"gql(type Mutation { a: Int })gql",
     {R"gql(Query root type must be provided.)gql"}},
    {"query root not an object",
     R"gql(schema { query: I } input I { a: Int })gql",
     {R"gql(Query root type must be Object type, it cannot be I.)gql"}},
    {"mutation root not an object",
     R"gql(schema { query: Query mutation: E } type Query { a: Int } enum E { A })gql",
     {R"gql(Mutation root type must be Object type if provided, it cannot be E.)gql"}},
    {"subscription root not an object",
     R"gql(schema { query: Query subscription: U } type Query { a: Int } union U = Query)gql",
     {R"gql(Subscription root type must be Object type if provided, it cannot be U.)gql"}},
    {"conventional root of another kind",
     R"gql(enum Query { A })gql",
     {R"gql(Query root type must be Object type, it cannot be Query.)gql"}},
    {"empty object",
     R"gql(type Query)gql",
     {R"gql(Type Query must define one or more fields.)gql"}},
    {"empty interface",
     R"gql(interface I type Query { a: I })gql",
     {R"gql(Type I must define one or more fields.)gql"}},
    {"empty enum",
     R"gql(enum E type Query { a: E })gql",
     {R"gql(Enum type E must define one or more values.)gql"}},
    {"empty union",
     R"gql(union U type Query { a: U })gql",
     {R"gql(Union type U must define one or more member types.)gql"}},
    {"empty input",
     R"gql(input I type Query { a(i: I): Int })gql",
     {R"gql(Input Object type I must define one or more fields.)gql"}},
    {"union member twice",
     R"gql(union U = Query | Query type Query { a: U })gql",
     {R"gql(Union type U can only include type Query once.)gql"}},
    {"union member not object",
     R"gql(union U = I input I { a: Int } type Query { a: U })gql",
     {R"gql(Union type U can only include Object types, it cannot include I.)gql"}},
    {"input type as output",
     R"gql(input I { a: Int } type Query { a: I })gql",
     {R"gql(The type of Query.a must be Output Type but got: I.)gql"}},
    {"output type as argument",
     R"gql(type Query { a(x: Query): Int })gql",
     {R"gql(The type of Query.a(x:) must be Input Type but got: Query.)gql"}},
    {"output type as input field",
     R"gql(input I { q: Query } type Query { a(i: I): Int })gql",
     {R"gql(The type of I.q must be Input Type but got: Query.)gql"}},
    {"output type as directive argument",
     R"gql(directive @d(a: Query) on FIELD type Query { a: Int })gql",
     {R"gql(The type of @d(a:) must be Input Type but got: Query.)gql"}},
    {"reserved type name",
     R"gql(type __Foo { a: Int } type Query { a: __Foo })gql",
     {R"gql(Name "__Foo" must not begin with "__", which is reserved by GraphQL introspection.)gql"}},
    {"reserved field name",
     R"gql(type Query { __a: Int })gql",
     {R"gql(Name "__a" must not begin with "__", which is reserved by GraphQL introspection.)gql"}},
    {"reserved argument name",
     R"gql(type Query { a(__x: Int): Int })gql",
     {R"gql(Name "__x" must not begin with "__", which is reserved by GraphQL introspection.)gql"}},
    {"reserved enum value",
     R"gql(enum E { __A } type Query { a: E })gql",
     {R"gql(Name "__A" must not begin with "__", which is reserved by GraphQL introspection.)gql"}},
    {"reserved directive name",
     R"gql(directive @__d on FIELD type Query { a: Int })gql",
     {R"gql(Name "__d" must not begin with "__", which is reserved by GraphQL introspection.)gql"}},
    {"interface field missing",
     R"gql(interface I { a: Int } type Query implements I { b: Int })gql",
     {R"gql(Interface field I.a expected but Query does not provide it.)gql"}},
    {"interface field type",
     R"gql(interface I { a: Int } type Query implements I { a: String })gql",
     {R"gql(Interface field I.a expects type Int but Query.a is type String.)gql"}},
    {"covariant interface field ok",
     R"gql(interface I { a: I } type Query implements I { a: Query })gql",
     {}},
    {"non-null list covariance ok",
     R"gql(interface I { a: [Int] } type Query implements I { a: [Int!]! })gql",
     {}},
    {"nullable where non-null expected",
     R"gql(interface I { a: Int! } type Query implements I { a: Int })gql",
     {R"gql(Interface field I.a expects type Int! but Query.a is type Int.)gql"}},
    {"interface argument missing",
     R"gql(interface I { a(x: Int): Int } type Query implements I { a: Int })gql",
     {R"gql(Interface field argument I.a(x:) expected but Query.a does not provide it.)gql"}},
    {"interface argument type",
     R"gql(interface I { a(x: Int): Int } type Query implements I { a(x: Int!): Int })gql",
     {R"gql(Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!.)gql"}},
    {"extra required argument",
     R"gql(interface I { a: Int } type Query implements I { a(x: Int!): Int })gql",
     {R"gql(Object field Query.a includes required argument x that is missing from the Interface field I.a.)gql"}},
    {"extra argument with default ok",
     R"gql(interface I { a: Int } type Query implements I { a(x: Int! = 1): Int })gql",
     {}},
    {"implements twice",
     R"gql(interface I { a: Int } type Query implements I & I { a: Int })gql",
     {R"gql(Type Query can only implement I once.)gql"}},
    {"implements an object",
     R"gql(type Query implements Query { a: Int })gql",
     {R"gql(Type Query must only implement Interface types, it cannot implement Query.)gql"}},
    {"interface implements itself",
     R"gql(interface I implements I { a: Int } type Query { a: I })gql",
     {R"gql(Type I cannot implement itself because it would create a circular reference.)gql"}},
    {"missing transitive interface",
     R"gql(interface I { a: Int } interface J implements I { a: Int } type Query implements J { a: Int })gql",
     {R"gql(Type Query must implement I because it is implemented by J.)gql"}},
    {"interface cycle",
     R"gql(interface I implements J { a: Int } interface J implements I { a: Int } type Query { a: I })gql",
     {R"gql(Type I cannot implement J because it would create a circular reference.)gql",
      R"gql(Type J cannot implement I because it would create a circular reference.)gql"}},
    {"input cycle",
     R"gql(input A { b: B! } input B { a: A! } type Query { f(a: A): Int })gql",
     {R"gql(Cannot reference Input Object "A" within itself through a series of non-null fields: "b.a".)gql"}},
    {"nullable self reference ok", R"gql(input A { a: A } type Query { f(a: A): Int })gql", {}},
    {"list self reference ok", R"gql(input A { a: [A!]! } type Query { f(a: A): Int })gql", {}},
    {"oneOf fields",
     R"gql(input I @oneOf { a: Int! b: String = "x" } type Query { f(i: I): Int })gql",
     {R"gql(OneOf input field I.a must be nullable.)gql",
      R"gql(OneOf input field I.b cannot have a default value.)gql"}},
    {"required argument deprecated",
     R"gql(type Query { a(x: Int! @deprecated): Int })gql",
     {R"gql(Required argument Query.a(x:) cannot be deprecated.)gql"}},
    {"required input field deprecated",
     R"gql(input I { a: Int! @deprecated } type Query { f(i: I): Int })gql",
     {R"gql(Required input field I.a cannot be deprecated.)gql"}},
    {"required directive argument deprecated",
     R"gql(directive @d(a: Int! @deprecated) on FIELD type Query { a: Int })gql",
     {R"gql(Required argument @d(a:) cannot be deprecated.)gql"}},
    {"syntax error",
     R"gql(type Query { a: Int)gql",
     {R"gql(Syntax Error: Expected Name, found <EOF>.)gql"}},
};

TEST(BuildSchema, RejectsInvalidSchemasWithGraphqlJsMessages) {
  for (const invalid_case& c : k_cases) {
    SCOPED_TRACE(std::string(c.what) + ": " + c.sdl);
    const build_result result = build_schema(c.sdl);
    EXPECT_EQ(result.errors, c.errors);
    EXPECT_EQ(static_cast<bool>(result.built), c.errors.empty());
  }
}

}  // namespace
}  // namespace chat::graphql
