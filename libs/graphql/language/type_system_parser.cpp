// The type system productions of the parser (spec section 3, graphql-js `Parser`'s
// type definition and extension methods).

#include <array>
#include <string_view>

#include "graphql/language/parser_detail.hpp"

namespace chat::graphql::detail {

namespace {

// DirectiveLocation (spec 3.13): the names graphql-js's parser accepts after `on`.
// DIRECTIVE_DEFINITION arrived in graphql-js 16.14.
// clang-format off
constexpr std::array<std::string_view, 20> k_directive_locations = {
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION"};
// clang-format on

}  // namespace

// ---- type system definitions ----

// SchemaDefinition :: Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
schema_definition_node* parser::parse_schema_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  if (!expect_keyword("schema")) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<operation_type_definition_node* const> operation_types;
  if (!many(
          token_kind::brace_l, [this] { return parse_operation_type_definition(); },
          token_kind::brace_r, operation_types)) {
    return nullptr;
  }
  auto* schema = make<schema_definition_node>(node_kind::schema_definition, start);
  schema->description = description;
  schema->directives = directives;
  schema->operation_types = operation_types;
  return schema;
}

// RootOperationTypeDefinition :: OperationType : NamedType
operation_type_definition_node* parser::parse_operation_type_definition() {
  const std::uint32_t start = token_.start;
  operation_type operation = operation_type::query;
  if (!parse_operation_type(operation) || !expect(token_kind::colon)) return nullptr;
  named_type_node* type = parse_named_type();
  if (type == nullptr) return nullptr;
  auto* def = make<operation_type_definition_node>(node_kind::operation_type_definition, start);
  def->operation = operation;
  def->type = type;
  return def;
}

// ScalarTypeDefinition :: Description? scalar Name Directives[Const]?
scalar_type_definition_node* parser::parse_scalar_type_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name type_name;
  if (!expect_keyword("scalar") || !parse_name(type_name)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  auto* scalar = make<scalar_type_definition_node>(node_kind::scalar_type_definition, start);
  scalar->description = description;
  scalar->name = type_name;
  scalar->directives = directives;
  return scalar;
}

// ObjectTypeDefinition :: Description? type Name ImplementsInterfaces? Directives[Const]?
//                         FieldsDefinition?
// InterfaceTypeDefinition :: Description? interface Name ImplementsInterfaces?
//                            Directives[Const]? FieldsDefinition?
object_type_definition_node* parser::parse_object_type_definition(node_kind kind,
                                                                  std::string_view keyword) {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name type_name;
  if (!expect_keyword(keyword) || !parse_name(type_name)) return nullptr;
  std::span<named_type_node* const> interfaces;
  if (!parse_implements_interfaces(interfaces)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<field_definition_node* const> fields;
  if (!parse_fields_definition(fields)) return nullptr;
  auto* type = make<object_type_definition_node>(kind, start);
  type->description = description;
  type->name = type_name;
  type->interfaces = interfaces;
  type->directives = directives;
  type->fields = fields;
  return type;
}

// ImplementsInterfaces :: implements &? NamedType | ImplementsInterfaces & NamedType
bool parser::parse_implements_interfaces(std::span<named_type_node* const>& out) {
  if (!expect_optional_keyword("implements")) return true;
  return delimited_many(
      token_kind::amp, [this] { return parse_named_type(); }, out);
}

// FieldsDefinition :: { FieldDefinition+ }
bool parser::parse_fields_definition(std::span<field_definition_node* const>& out) {
  return optional_many(
      token_kind::brace_l, [this] { return parse_field_definition(); }, token_kind::brace_r, out);
}

// FieldDefinition :: Description? Name ArgumentsDefinition? : Type Directives[Const]?
field_definition_node* parser::parse_field_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name field_name;
  if (!parse_name(field_name)) return nullptr;
  std::span<input_value_definition_node* const> arguments;
  if (!parse_argument_defs(arguments) || !expect(token_kind::colon)) return nullptr;
  type_node* type = parse_type_reference();
  if (type == nullptr) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  auto* field = make<field_definition_node>(node_kind::field_definition, start);
  field->description = description;
  field->name = field_name;
  field->arguments = arguments;
  field->type = type;
  field->directives = directives;
  return field;
}

// ArgumentsDefinition :: ( InputValueDefinition+ )
bool parser::parse_argument_defs(std::span<input_value_definition_node* const>& out) {
  return optional_many(
      token_kind::paren_l, [this] { return parse_input_value_def(); }, token_kind::paren_r, out);
}

// InputValueDefinition :: Description? Name : Type DefaultValue? Directives[Const]?
input_value_definition_node* parser::parse_input_value_def() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name value_name;
  if (!parse_name(value_name) || !expect(token_kind::colon)) return nullptr;
  type_node* type = parse_type_reference();
  if (type == nullptr) return nullptr;
  value_node* default_value = nullptr;
  if (expect_optional(token_kind::equals)) {
    default_value = parse_value_literal(true);
    if (default_value == nullptr) return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  auto* def = make<input_value_definition_node>(node_kind::input_value_definition, start);
  def->description = description;
  def->name = value_name;
  def->type = type;
  def->default_value = default_value;
  def->directives = directives;
  return def;
}

// UnionTypeDefinition :: Description? union Name Directives[Const]? UnionMemberTypes?
union_type_definition_node* parser::parse_union_type_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name type_name;
  if (!expect_keyword("union") || !parse_name(type_name)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<named_type_node* const> types;
  if (!parse_union_member_types(types)) return nullptr;
  auto* type = make<union_type_definition_node>(node_kind::union_type_definition, start);
  type->description = description;
  type->name = type_name;
  type->directives = directives;
  type->types = types;
  return type;
}

// UnionMemberTypes :: = |? NamedType | UnionMemberTypes | NamedType
bool parser::parse_union_member_types(std::span<named_type_node* const>& out) {
  if (!expect_optional(token_kind::equals)) return true;
  return delimited_many(
      token_kind::pipe, [this] { return parse_named_type(); }, out);
}

// EnumTypeDefinition :: Description? enum Name Directives[Const]? EnumValuesDefinition?
enum_type_definition_node* parser::parse_enum_type_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name type_name;
  if (!expect_keyword("enum") || !parse_name(type_name)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<enum_value_definition_node* const> values;
  if (!parse_enum_values_definition(values)) return nullptr;
  auto* type = make<enum_type_definition_node>(node_kind::enum_type_definition, start);
  type->description = description;
  type->name = type_name;
  type->directives = directives;
  type->values = values;
  return type;
}

// EnumValuesDefinition :: { EnumValueDefinition+ }
bool parser::parse_enum_values_definition(std::span<enum_value_definition_node* const>& out) {
  return optional_many(
      token_kind::brace_l, [this] { return parse_enum_value_definition(); }, token_kind::brace_r,
      out);
}

// EnumValueDefinition :: Description? EnumValue Directives[Const]?
// EnumValue :: Name but not `true`, `false` or `null`
enum_value_definition_node* parser::parse_enum_value_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  if (token_value_is("true") || token_value_is("false") || token_value_is("null")) {
    fail(token_.start,
         describe(token_, text_) + " is reserved and cannot be used for an enum value.");
    return nullptr;
  }
  name value_name;
  if (!parse_name(value_name)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  auto* value = make<enum_value_definition_node>(node_kind::enum_value_definition, start);
  value->description = description;
  value->name = value_name;
  value->directives = directives;
  return value;
}

// InputObjectTypeDefinition :: Description? input Name Directives[Const]?
//                              InputFieldsDefinition?
input_object_type_definition_node* parser::parse_input_object_type_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name type_name;
  if (!expect_keyword("input") || !parse_name(type_name)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<input_value_definition_node* const> fields;
  if (!parse_input_fields_definition(fields)) return nullptr;
  auto* type =
      make<input_object_type_definition_node>(node_kind::input_object_type_definition, start);
  type->description = description;
  type->name = type_name;
  type->directives = directives;
  type->fields = fields;
  return type;
}

// InputFieldsDefinition :: { InputValueDefinition+ }
bool parser::parse_input_fields_definition(std::span<input_value_definition_node* const>& out) {
  return optional_many(
      token_kind::brace_l, [this] { return parse_input_value_def(); }, token_kind::brace_r, out);
}

// ---- type system extensions ----

// TypeSystemExtension :: SchemaExtension | TypeExtension
definition_node* parser::parse_type_system_extension() {
  token keyword;
  if (!lookahead(keyword)) return nullptr;
  if (keyword.kind == token_kind::name) {
    const std::string_view word = keyword.text(text_);
    if (word == "schema") return parse_schema_extension();
    if (word == "scalar") return parse_scalar_type_extension();
    if (word == "type")
      return parse_object_type_extension(node_kind::object_type_extension, "type");
    if (word == "interface") {
      return parse_object_type_extension(node_kind::interface_type_extension, "interface");
    }
    if (word == "union") return parse_union_type_extension();
    if (word == "enum") return parse_enum_type_extension();
    if (word == "input") return parse_input_object_type_extension();
  }
  unexpected(keyword);
  return nullptr;
}

// SchemaExtension :: extend schema Directives[Const]? { RootOperationTypeDefinition+ }
//                  | extend schema Directives[Const] [lookahead != {]
schema_definition_node* parser::parse_schema_extension() {
  const std::uint32_t start = token_.start;
  if (!expect_keyword("extend") || !expect_keyword("schema")) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<operation_type_definition_node* const> operation_types;
  if (!optional_many(
          token_kind::brace_l, [this] { return parse_operation_type_definition(); },
          token_kind::brace_r, operation_types)) {
    return nullptr;
  }
  if (directives.empty() && operation_types.empty()) {
    unexpected();
    return nullptr;
  }
  auto* schema = make<schema_definition_node>(node_kind::schema_extension, start);
  schema->directives = directives;
  schema->operation_types = operation_types;
  return schema;
}

// ScalarTypeExtension :: extend scalar Name Directives[Const]
scalar_type_definition_node* parser::parse_scalar_type_extension() {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!expect_keyword("extend") || !expect_keyword("scalar") || !parse_name(type_name)) {
    return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  if (directives.empty()) {
    unexpected();
    return nullptr;
  }
  auto* scalar = make<scalar_type_definition_node>(node_kind::scalar_type_extension, start);
  scalar->name = type_name;
  scalar->directives = directives;
  return scalar;
}

// ObjectTypeExtension / InterfaceTypeExtension :: extend type|interface Name
//   ImplementsInterfaces? Directives[Const]? FieldsDefinition (at least one of the three)
object_type_definition_node* parser::parse_object_type_extension(node_kind kind,
                                                                 std::string_view keyword) {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!expect_keyword("extend") || !expect_keyword(keyword) || !parse_name(type_name)) {
    return nullptr;
  }
  std::span<named_type_node* const> interfaces;
  if (!parse_implements_interfaces(interfaces)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<field_definition_node* const> fields;
  if (!parse_fields_definition(fields)) return nullptr;
  if (interfaces.empty() && directives.empty() && fields.empty()) {
    unexpected();
    return nullptr;
  }
  auto* type = make<object_type_definition_node>(kind, start);
  type->name = type_name;
  type->interfaces = interfaces;
  type->directives = directives;
  type->fields = fields;
  return type;
}

// UnionTypeExtension :: extend union Name Directives[Const]? UnionMemberTypes
//                     | extend union Name Directives[Const]
union_type_definition_node* parser::parse_union_type_extension() {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!expect_keyword("extend") || !expect_keyword("union") || !parse_name(type_name)) {
    return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<named_type_node* const> types;
  if (!parse_union_member_types(types)) return nullptr;
  if (directives.empty() && types.empty()) {
    unexpected();
    return nullptr;
  }
  auto* type = make<union_type_definition_node>(node_kind::union_type_extension, start);
  type->name = type_name;
  type->directives = directives;
  type->types = types;
  return type;
}

// EnumTypeExtension :: extend enum Name Directives[Const]? EnumValuesDefinition
//                    | extend enum Name Directives[Const]
enum_type_definition_node* parser::parse_enum_type_extension() {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!expect_keyword("extend") || !expect_keyword("enum") || !parse_name(type_name)) {
    return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<enum_value_definition_node* const> values;
  if (!parse_enum_values_definition(values)) return nullptr;
  if (directives.empty() && values.empty()) {
    unexpected();
    return nullptr;
  }
  auto* type = make<enum_type_definition_node>(node_kind::enum_type_extension, start);
  type->name = type_name;
  type->directives = directives;
  type->values = values;
  return type;
}

// InputObjectTypeExtension :: extend input Name Directives[Const]? InputFieldsDefinition
//                           | extend input Name Directives[Const]
input_object_type_definition_node* parser::parse_input_object_type_extension() {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!expect_keyword("extend") || !expect_keyword("input") || !parse_name(type_name)) {
    return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  std::span<input_value_definition_node* const> fields;
  if (!parse_input_fields_definition(fields)) return nullptr;
  if (directives.empty() && fields.empty()) {
    unexpected();
    return nullptr;
  }
  auto* type =
      make<input_object_type_definition_node>(node_kind::input_object_type_extension, start);
  type->name = type_name;
  type->directives = directives;
  type->fields = fields;
  return type;
}

// DirectiveDefinition :: Description? directive @ Name ArgumentsDefinition? repeatable?
//                        on DirectiveLocations
directive_definition_node* parser::parse_directive_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  name directive_name;
  if (!expect_keyword("directive") || !expect(token_kind::at) || !parse_name(directive_name)) {
    return nullptr;
  }
  std::span<input_value_definition_node* const> arguments;
  if (!parse_argument_defs(arguments)) return nullptr;
  const bool repeatable = expect_optional_keyword("repeatable");
  if (!expect_keyword("on")) return nullptr;
  // DirectiveLocations :: |? DirectiveLocation | DirectiveLocations | DirectiveLocation
  expect_optional(token_kind::pipe);
  const std::size_t mark = stack<name>().size();
  do {
    name location;
    if (!parse_directive_location(location)) return nullptr;
    stack<name>().push_back(location);
  } while (expect_optional(token_kind::pipe));
  const std::span<const name> locations = take<name>(mark);
  auto* directive = make<directive_definition_node>(node_kind::directive_definition, start);
  directive->description = description;
  directive->name = directive_name;
  directive->arguments = arguments;
  directive->repeatable = repeatable;
  directive->locations = locations;
  return directive;
}

// DirectiveLocation :: ExecutableDirectiveLocation | TypeSystemDirectiveLocation
bool parser::parse_directive_location(name& out) {
  const token at = token_;
  if (!parse_name(out)) return false;
  for (const std::string_view location : k_directive_locations) {
    if (out.value == location) return true;
  }
  unexpected(at);
  return false;
}

}  // namespace chat::graphql::detail
