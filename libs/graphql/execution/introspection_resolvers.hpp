#pragma once
/// Internal to the executor: the meta-fields `__schema` and `__type(name:)` and every field
/// of the introspection types (`__Schema`, `__Type`, `__Field`, `__InputValue`,
/// `__EnumValue`, `__Directive`), with graphql-js 16.15 `type/introspection.ts` semantics.
///
/// Introspection objects are plain pointers to the (immutable, longer-lived) schema's
/// elements, never `value`s: leaves are written straight into the response, objects and
/// lists hand their elements to the executor, which completes them with the selection's
/// plan. Which element type a pointer is follows from the introspection type:
/// `__Schema` → `schema`, `__Type` → `type` (named or wrapping), `__Field` →
/// `field_definition`, `__InputValue` → `input_value`, `__EnumValue` → `enum_value`,
/// `__Directive` → `directive_definition`.
///
/// Thread-safety: pure functions over the immutable schema.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/schema.hpp"

namespace chat::graphql::detail {

/// True for the types whose fields the executor resolves itself (names starting "__").
bool is_introspection_type(const named_type& t) noexcept;

/// The fields of the introspection types, `<type>_<field>`.
enum class introspection_field : std::uint8_t {
  none,
  schema_description,
  schema_types,
  schema_query_type,
  schema_mutation_type,
  schema_subscription_type,
  schema_directives,
  type_kind,
  type_name,
  type_description,
  type_specified_by_url,
  type_fields,
  type_interfaces,
  type_possible_types,
  type_enum_values,
  type_input_fields,
  type_of_type,
  type_is_one_of,
  field_name,
  field_description,
  field_args,
  field_type,
  field_is_deprecated,
  field_deprecation_reason,
  input_value_name,
  input_value_description,
  input_value_type,
  input_value_default_value,
  input_value_is_deprecated,
  input_value_deprecation_reason,
  enum_value_name,
  enum_value_description,
  enum_value_is_deprecated,
  enum_value_deprecation_reason,
  directive_name,
  directive_description,
  directive_is_repeatable,
  directive_locations,
  directive_args,
  directive_is_deprecated,
  directive_deprecation_reason,
};

/// The field `field_name` of the introspection type `type_name`; `none` when there is no
/// such field.
introspection_field find_introspection_field(std::string_view type_name,
                                             std::string_view field_name) noexcept;

/// What an introspection field resolved to.
enum class introspection_outcome : std::uint8_t {
  null,     // nothing was written
  written,  // a leaf, or a list of leaves, was written to `out` as JSON
  object,   // one element, in `child`
  list,     // the elements were appended to `children`
};

/// Resolves `field` of `element` (an element of the field's parent type, never null)
/// with the field's coerced `arguments` (`includeDeprecated`).
introspection_outcome resolve_introspection(const schema& served, introspection_field field,
                                            const void* element,
                                            const boost::json::object& arguments, std::string& out,
                                            const void*& child, std::vector<const void*>& children);

/// `__schema` on the query root: the `__Schema` element.
inline const void* introspect_schema(const schema& served) noexcept {
  return &served;
}

/// `__type(name:)` on the query root: the `__Type` element, or null when the schema has
/// no such type.
const void* introspect_type_by_name(const schema& served, std::string_view type_name) noexcept;

/// graphql-js `print(astFromValue(value, type))`: how `__InputValue.defaultValue` shows a
/// coerced default. Nullopt where graphql-js gives null.
std::optional<std::string> print_ast_from_value(const boost::json::value& coerced,
                                                const type& input_type);

}  // namespace chat::graphql::detail
