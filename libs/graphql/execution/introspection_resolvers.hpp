#pragma once
/// Internal to the executor: the resolvers of the introspection meta-fields (`__schema`,
/// `__type(name:)`) and of every field of the introspection types (`__Schema`, `__Type`,
/// `__Field`, `__InputValue`, `__EnumValue`, `__Directive`), with graphql-js 16.15
/// `type/introspection.ts` semantics. Introspection objects are non-owning
/// `object_value`s pointing into the (immutable, longer-lived) schema.
///
/// Thread-safety: pure functions over the immutable schema.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "graphql/execution/execute.hpp"

namespace chat::graphql::detail {

/// True for the types whose fields the executor resolves itself (names starting "__").
bool is_introspection_type(const named_type& t) noexcept;

/// `__schema` on the query root.
value introspect_schema(const schema& served);

/// `__type(name:)` on the query root.
value introspect_type_by_name(const schema& served, std::string_view type_name);

/// A field of an introspection type, for a parent made by these functions.
value resolve_introspection_field(const schema& served, const object_type& parent_type,
                                  const field_definition& field, const value& parent,
                                  const boost::json::object& arguments);

/// graphql-js `print(astFromValue(value, type))`: how `__InputValue.defaultValue` shows a
/// coerced default. Nullopt where graphql-js gives null.
std::optional<std::string> print_ast_from_value(const boost::json::value& coerced,
                                                const type& input_type);

}  // namespace chat::graphql::detail
