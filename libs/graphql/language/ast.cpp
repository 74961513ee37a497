#include "graphql/language/ast.hpp"

namespace chat::graphql {

std::string_view kind_name(node_kind kind) noexcept {
  switch (kind) {
    case node_kind::document:
      return "Document";
    case node_kind::operation_definition:
      return "OperationDefinition";
    case node_kind::variable_definition:
      return "VariableDefinition";
    case node_kind::selection_set:
      return "SelectionSet";
    case node_kind::field:
      return "Field";
    case node_kind::argument:
      return "Argument";
    case node_kind::fragment_spread:
      return "FragmentSpread";
    case node_kind::inline_fragment:
      return "InlineFragment";
    case node_kind::fragment_definition:
      return "FragmentDefinition";
    case node_kind::variable:
      return "Variable";
    case node_kind::int_value:
      return "IntValue";
    case node_kind::float_value:
      return "FloatValue";
    case node_kind::string_value:
      return "StringValue";
    case node_kind::boolean_value:
      return "BooleanValue";
    case node_kind::null_value:
      return "NullValue";
    case node_kind::enum_value:
      return "EnumValue";
    case node_kind::list_value:
      return "ListValue";
    case node_kind::object_value:
      return "ObjectValue";
    case node_kind::object_field:
      return "ObjectField";
    case node_kind::directive:
      return "Directive";
    case node_kind::named_type:
      return "NamedType";
    case node_kind::list_type:
      return "ListType";
    case node_kind::non_null_type:
      return "NonNullType";
    case node_kind::schema_definition:
      return "SchemaDefinition";
    case node_kind::operation_type_definition:
      return "OperationTypeDefinition";
    case node_kind::scalar_type_definition:
      return "ScalarTypeDefinition";
    case node_kind::object_type_definition:
      return "ObjectTypeDefinition";
    case node_kind::field_definition:
      return "FieldDefinition";
    case node_kind::input_value_definition:
      return "InputValueDefinition";
    case node_kind::interface_type_definition:
      return "InterfaceTypeDefinition";
    case node_kind::union_type_definition:
      return "UnionTypeDefinition";
    case node_kind::enum_type_definition:
      return "EnumTypeDefinition";
    case node_kind::enum_value_definition:
      return "EnumValueDefinition";
    case node_kind::input_object_type_definition:
      return "InputObjectTypeDefinition";
    case node_kind::directive_definition:
      return "DirectiveDefinition";
    case node_kind::schema_extension:
      return "SchemaExtension";
    case node_kind::scalar_type_extension:
      return "ScalarTypeExtension";
    case node_kind::object_type_extension:
      return "ObjectTypeExtension";
    case node_kind::interface_type_extension:
      return "InterfaceTypeExtension";
    case node_kind::union_type_extension:
      return "UnionTypeExtension";
    case node_kind::enum_type_extension:
      return "EnumTypeExtension";
    case node_kind::input_object_type_extension:
      return "InputObjectTypeExtension";
  }
  return "";
}

std::string_view to_string(operation_type type) noexcept {
  switch (type) {
    case operation_type::query:
      return "query";
    case operation_type::mutation:
      return "mutation";
    case operation_type::subscription:
      return "subscription";
  }
  return "";
}

bool is_executable_definition(node_kind kind) noexcept {
  return kind == node_kind::operation_definition || kind == node_kind::fragment_definition;
}

bool is_type_definition(node_kind kind) noexcept {
  switch (kind) {
    case node_kind::scalar_type_definition:
    case node_kind::object_type_definition:
    case node_kind::interface_type_definition:
    case node_kind::union_type_definition:
    case node_kind::enum_type_definition:
    case node_kind::input_object_type_definition:
      return true;
    default:
      return false;
  }
}

bool is_type_extension(node_kind kind) noexcept {
  switch (kind) {
    case node_kind::scalar_type_extension:
    case node_kind::object_type_extension:
    case node_kind::interface_type_extension:
    case node_kind::union_type_extension:
    case node_kind::enum_type_extension:
    case node_kind::input_object_type_extension:
      return true;
    default:
      return false;
  }
}

bool is_type_system_definition(node_kind kind) noexcept {
  return kind == node_kind::schema_definition || kind == node_kind::directive_definition ||
         is_type_definition(kind);
}

bool is_type_system_extension(node_kind kind) noexcept {
  return kind == node_kind::schema_extension || is_type_extension(kind);
}

bool is_value(node_kind kind) noexcept {
  switch (kind) {
    case node_kind::variable:
    case node_kind::int_value:
    case node_kind::float_value:
    case node_kind::string_value:
    case node_kind::boolean_value:
    case node_kind::null_value:
    case node_kind::enum_value:
    case node_kind::list_value:
    case node_kind::object_value:
      return true;
    default:
      return false;
  }
}

bool is_selection(node_kind kind) noexcept {
  return kind == node_kind::field || kind == node_kind::fragment_spread ||
         kind == node_kind::inline_fragment;
}

bool is_type_reference(node_kind kind) noexcept {
  return kind == node_kind::named_type || kind == node_kind::list_type ||
         kind == node_kind::non_null_type;
}

}  // namespace chat::graphql
