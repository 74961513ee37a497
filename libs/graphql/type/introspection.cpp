// The standard types of every schema, transcribed from graphql-js 16.15 `type/scalars.ts`,
// `type/introspection.ts` and `type/directives.ts`: the descriptions are part of the
// introspection output, so they are kept word for word.
#include "graphql/type/introspection.hpp"

#include <initializer_list>

#include "graphql/type/scalars.hpp"
#include "graphql/type/schema_builder.hpp"

namespace chat::graphql::detail {

namespace {

// ---- default-value literals of built-in arguments (static AST nodes) ----

const value_node* false_literal() {
  static const boolean_value_node node = [] {
    boolean_value_node made{};
    made.kind = node_kind::boolean_value;
    made.value = false;
    return made;
  }();
  return &node;
}

const value_node* default_reason_literal() {
  static const string_value_node node = [] {
    string_value_node made{};
    made.kind = node_kind::string_value;
    made.value = k_default_deprecation_reason;
    return made;
  }();
  return &node;
}

// ---- a compact way to write fields: types as GraphQL text ----

struct arg_spec {
  std::string_view name;
  std::string_view type_text;
  const value_node* default_value = nullptr;
  std::string_view description = {};
};

struct field_spec {
  std::string_view name;
  std::string_view type_text;
  std::string_view description = {};
  std::initializer_list<arg_spec> args = {};
};

// `[__Type!]!` → the interned wrappers around the named type.
const type& resolve_type_text(schema_builder& builder, const standard_types& std_types,
                              std::string_view text) {
  if (text.ends_with('!')) {
    return builder.non_null_of(
        resolve_type_text(builder, std_types, text.substr(0, text.size() - 1)));
  }
  if (text.starts_with('[')) {
    return builder.list_of(resolve_type_text(builder, std_types, text.substr(1, text.size() - 2)));
  }
  return *std_types.find(text);
}

std::vector<input_value> make_args(schema_builder& builder, const standard_types& std_types,
                                   std::initializer_list<arg_spec> specs) {
  std::vector<input_value> args;
  for (const arg_spec& spec : specs) {
    input_value arg;
    arg.name = spec.name;
    arg.description = spec.description;
    arg.value_type = &resolve_type_text(builder, std_types, spec.type_text);
    arg.default_value = spec.default_value;
    args.push_back(std::move(arg));
  }
  return args;
}

field_definition make_field(schema_builder& builder, const standard_types& std_types,
                            const field_spec& spec) {
  field_definition field;
  field.name = spec.name;
  field.description = spec.description;
  field.field_type = &resolve_type_text(builder, std_types, spec.type_text);
  field.arguments = make_args(builder, std_types, spec.args);
  return field;
}

void add_fields(schema_builder& builder, const standard_types& std_types, fields_type& owner,
                std::initializer_list<field_spec> specs) {
  for (const field_spec& spec : specs) {
    schema_builder::add_field(owner, make_field(builder, std_types, spec));
  }
}

struct value_spec {
  std::string_view name;
  std::string_view description;
};

void add_values(enum_type& owner, std::initializer_list<value_spec> specs) {
  for (const value_spec& spec : specs) {
    enum_value value;
    value.name = spec.name;
    value.description = spec.description;
    schema_builder::add_value(owner, std::move(value));
  }
}

constexpr std::string_view k_include_deprecated = "includeDeprecated";

}  // namespace

const named_type* standard_types::find(std::string_view name) const noexcept {
  for (const named_type* scalar :
       {static_cast<const named_type*>(string), static_cast<const named_type*>(int_type),
        static_cast<const named_type*>(float_type), static_cast<const named_type*>(boolean),
        static_cast<const named_type*>(id)}) {
    if (scalar != nullptr && scalar->name() == name) return scalar;
  }
  for (const named_type* introspection_type : introspection) {
    if (introspection_type != nullptr && introspection_type->name() == name) {
      return introspection_type;
    }
  }
  return nullptr;
}

std::span<const std::string_view> standard_type_names() noexcept {
  static constexpr std::array<std::string_view, 13> k_names{
      "String",    "Int",      "Float",        "Boolean",
      "ID",        "__Schema", "__Directive",  "__DirectiveLocation",
      "__Type",    "__Field",  "__InputValue", "__EnumValue",
      "__TypeKind"};
  return k_names;
}

standard_types add_standard_types(schema_builder& builder) {
  standard_types std_types;
  std_types.string = &builder.make_type<scalar_type>(
      "String",
      "The `String` scalar type represents textual data, represented as UTF-8 character "
      "sequences. The String type is most often used by GraphQL to represent free-form "
      "human-readable text.",
      builtin_scalar_coercion(builtin_scalar::string_type));
  std_types.int_type = &builder.make_type<scalar_type>(
      "Int",
      "The `Int` scalar type represents non-fractional signed whole numeric values. Int can "
      "represent values between -(2^31) and 2^31 - 1.",
      builtin_scalar_coercion(builtin_scalar::int_type));
  std_types.float_type = &builder.make_type<scalar_type>(
      "Float",
      "The `Float` scalar type represents signed double-precision fractional values as "
      "specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
      builtin_scalar_coercion(builtin_scalar::float_type));
  std_types.boolean = &builder.make_type<scalar_type>(
      "Boolean", "The `Boolean` scalar type represents `true` or `false`.",
      builtin_scalar_coercion(builtin_scalar::boolean_type));
  std_types.id = &builder.make_type<scalar_type>(
      "ID",
      "The `ID` scalar type represents a unique identifier, often used to refetch an object or "
      "as key for a cache. The ID type appears in a JSON response as a String; however, it is "
      "not intended to be human-readable. When expected as an input type, any string (such as "
      "`\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
      builtin_scalar_coercion(builtin_scalar::id_type));

  auto& schema_t = builder.make_type<object_type>(
      "__Schema",
      "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available "
      "types and directives on the server, as well as the entry points for query, mutation, and "
      "subscription operations.");
  auto& directive_t = builder.make_type<object_type>(
      "__Directive",
      "A Directive provides a way to describe alternate runtime execution and type validation "
      "behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter "
      "GraphQL's execution behavior in ways field arguments will not suffice, such as "
      "conditionally including or skipping a field. Directives provide this by describing "
      "additional information to the executor.");
  auto& location_t = builder.make_type<enum_type>(
      "__DirectiveLocation",
      "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation "
      "describes one such possible adjacencies.");
  auto& type_t = builder.make_type<object_type>(
      "__Type",
      "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in "
      "GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, "
      "certain fields describe information about that type. Scalar types provide no information "
      "beyond a name, description and optional `specifiedByURL`, while Enum types provide their "
      "values. Object and Interface types provide the fields they describe. Abstract types, "
      "Union and Interface, provide the Object types possible at runtime. List and NonNull types "
      "compose other types.");
  auto& field_t = builder.make_type<object_type>(
      "__Field",
      "Object and Interface types are described by a list of Fields, each of which has a name, "
      "potentially a list of arguments, and a return type.");
  auto& input_value_t = builder.make_type<object_type>(
      "__InputValue",
      "Arguments provided to Fields or Directives and the input fields of an InputObject are "
      "represented as Input Values which describe their type and optionally a default value.");
  auto& enum_value_t = builder.make_type<object_type>(
      "__EnumValue",
      "One possible value for a given Enum. Enum values are unique values, not a placeholder "
      "for a string or numeric value. However an Enum value is returned in a JSON response as a "
      "string.");
  auto& kind_t = builder.make_type<enum_type>(
      "__TypeKind", "An enum describing what kind of type a given `__Type` is.");
  std_types.introspection = {&schema_t, &directive_t,   &location_t,   &type_t,
                             &field_t,  &input_value_t, &enum_value_t, &kind_t};

  const value_node* no = false_literal();
  add_fields(builder, std_types, schema_t,
             {
                 {"description", "String"},
                 {"types", "[__Type!]!", "A list of all types supported by this server."},
                 {"queryType", "__Type!", "The type that query operations will be rooted at."},
                 {"mutationType", "__Type",
                  "If this server supports mutation, the type that mutation operations will be "
                  "rooted at."},
                 {"subscriptionType", "__Type",
                  "If this server support subscription, the type that subscription operations "
                  "will be rooted at."},
                 {"directives",
                  "[__Directive!]!",
                  "A list of all directives supported by this server.",
                  {{k_include_deprecated, "Boolean!", no}}},
             });
  add_fields(builder, std_types, directive_t,
             {
                 {"name", "String!"},
                 {"description", "String"},
                 {"isRepeatable", "Boolean!"},
                 {"locations", "[__DirectiveLocation!]!"},
                 {"args", "[__InputValue!]!", {}, {{k_include_deprecated, "Boolean", no}}},
                 {"isDeprecated", "Boolean!"},
                 {"deprecationReason", "String"},
             });
  add_values(
      location_t,
      {
          {"QUERY", "Location adjacent to a query operation."},
          {"MUTATION", "Location adjacent to a mutation operation."},
          {"SUBSCRIPTION", "Location adjacent to a subscription operation."},
          {"FIELD", "Location adjacent to a field."},
          {"FRAGMENT_DEFINITION", "Location adjacent to a fragment definition."},
          {"FRAGMENT_SPREAD", "Location adjacent to a fragment spread."},
          {"INLINE_FRAGMENT", "Location adjacent to an inline fragment."},
          {"VARIABLE_DEFINITION", "Location adjacent to a variable definition."},
          {"SCHEMA", "Location adjacent to a schema definition."},
          {"SCALAR", "Location adjacent to a scalar definition."},
          {"OBJECT", "Location adjacent to an object type definition."},
          {"FIELD_DEFINITION", "Location adjacent to a field definition."},
          {"ARGUMENT_DEFINITION", "Location adjacent to an argument definition."},
          {"INTERFACE", "Location adjacent to an interface definition."},
          {"UNION", "Location adjacent to a union definition."},
          {"ENUM", "Location adjacent to an enum definition."},
          {"ENUM_VALUE", "Location adjacent to an enum value definition."},
          {"INPUT_OBJECT", "Location adjacent to an input object type definition."},
          {"INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition."},
          {"DIRECTIVE_DEFINITION", "Location adjacent to a directive definition."},
      });
  add_fields(builder, std_types, type_t,
             {
                 {"kind", "__TypeKind!"},
                 {"name", "String"},
                 {"description", "String"},
                 {"specifiedByURL", "String"},
                 {"fields", "[__Field!]", {}, {{k_include_deprecated, "Boolean", no}}},
                 {"interfaces", "[__Type!]"},
                 {"possibleTypes", "[__Type!]"},
                 {"enumValues", "[__EnumValue!]", {}, {{k_include_deprecated, "Boolean", no}}},
                 {"inputFields", "[__InputValue!]", {}, {{k_include_deprecated, "Boolean", no}}},
                 {"ofType", "__Type"},
                 {"isOneOf", "Boolean"},
             });
  add_fields(builder, std_types, field_t,
             {
                 {"name", "String!"},
                 {"description", "String"},
                 {"args", "[__InputValue!]!", {}, {{k_include_deprecated, "Boolean", no}}},
                 {"type", "__Type!"},
                 {"isDeprecated", "Boolean!"},
                 {"deprecationReason", "String"},
             });
  add_fields(builder, std_types, input_value_t,
             {
                 {"name", "String!"},
                 {"description", "String"},
                 {"type", "__Type!"},
                 {"defaultValue", "String",
                  "A GraphQL-formatted string representing the default value for this input "
                  "value."},
                 {"isDeprecated", "Boolean!"},
                 {"deprecationReason", "String"},
             });
  add_fields(builder, std_types, enum_value_t,
             {
                 {"name", "String!"},
                 {"description", "String"},
                 {"isDeprecated", "Boolean!"},
                 {"deprecationReason", "String"},
             });
  add_values(kind_t,
             {
                 {"SCALAR", "Indicates this type is a scalar."},
                 {"OBJECT",
                  "Indicates this type is an object. `fields` and `interfaces` are valid fields."},
                 {"INTERFACE",
                  "Indicates this type is an interface. `fields`, `interfaces`, and "
                  "`possibleTypes` are valid fields."},
                 {"UNION", "Indicates this type is a union. `possibleTypes` is a valid field."},
                 {"ENUM", "Indicates this type is an enum. `enumValues` is a valid field."},
                 {"INPUT_OBJECT",
                  "Indicates this type is an input object. `inputFields` is a valid field."},
                 {"LIST", "Indicates this type is a list. `ofType` is a valid field."},
                 {"NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."},
             });

  auto& state = builder.impl();
  state.schema_meta_field =
      make_field(builder, std_types,
                 {"__schema", "__Schema!", "Access the current type schema of this server."});
  state.type_meta_field = make_field(builder, std_types,
                                     {"__type",
                                      "__Type",
                                      "Request the type information of a single type.",
                                      {{"name", "String!"}}});
  state.typename_meta_field =
      make_field(builder, std_types,
                 {"__typename", "String!", "The name of the current Object type at runtime."});
  return std_types;
}

std::vector<const directive_definition*> add_specified_directives(schema_builder& builder,
                                                                  const standard_types& std_types) {
  using loc = directive_location;
  struct directive_spec {
    std::string_view name;
    std::string_view description;
    std::initializer_list<loc> locations;
    std::initializer_list<arg_spec> args;
  };
  const directive_spec specs[] = {
      {"include",
       "Directs the executor to include this field or fragment only when the `if` argument is "
       "true.",
       {loc::field, loc::fragment_spread, loc::inline_fragment},
       {{"if", "Boolean!", nullptr, "Included when true."}}},
      {"skip",
       "Directs the executor to skip this field or fragment when the `if` argument is true.",
       {loc::field, loc::fragment_spread, loc::inline_fragment},
       {{"if", "Boolean!", nullptr, "Skipped when true."}}},
      {"deprecated",
       "Marks an element of a GraphQL schema as no longer supported.",
       {loc::field_definition, loc::argument_definition, loc::input_field_definition,
        loc::enum_value, loc::directive_definition},
       {{"reason", "String", default_reason_literal(),
         "Explains why this element was deprecated, usually also including a suggestion for how "
         "to access supported similar data. Formatted using the Markdown syntax, as specified by "
         "[CommonMark](https://commonmark.org/)."}}},
      {"specifiedBy",
       "Exposes a URL that specifies the behavior of this scalar.",
       {loc::scalar},
       {{"url", "String!", nullptr, "The URL that specifies the behavior of this scalar."}}},
      {"oneOf",
       "Indicates exactly one field must be supplied and this field must not be `null`.",
       {loc::input_object},
       {}},
  };
  std::vector<const directive_definition*> made;
  for (const directive_spec& spec : specs) {
    directive_definition& directive = builder.make_directive();
    directive.name = spec.name;
    directive.description = spec.description;
    directive.locations = spec.locations;
    directive.arguments = make_args(builder, std_types, spec.args);
    made.push_back(&directive);
  }
  return made;
}

std::span<const specified_directive_info> specified_directive_infos() {
  using loc = directive_location;
  static const std::vector<specified_directive_info> k_infos{
      {"include",
       {loc::field, loc::fragment_spread, loc::inline_fragment},
       {"if"},
       {{"if", "Boolean!"}}},
      {"skip",
       {loc::field, loc::fragment_spread, loc::inline_fragment},
       {"if"},
       {{"if", "Boolean!"}}},
      {"deprecated",
       {loc::field_definition, loc::argument_definition, loc::input_field_definition,
        loc::enum_value, loc::directive_definition},
       {"reason"},
       {}},
      {"specifiedBy", {loc::scalar}, {"url"}, {{"url", "String!"}}},
      {"oneOf", {loc::input_object}, {}, {}},
  };
  return k_infos;
}

}  // namespace chat::graphql::detail
