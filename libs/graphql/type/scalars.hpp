#pragma once
/// The specified scalars Int, Float, String, Boolean and ID (spec 3.5): input coercion
/// from JSON variables and from literals, and result coercion of resolver values, with
/// graphql-js 16's rules and messages (`type/scalars.ts`). SPEC GQL-1, GQL-3.
///
/// Coerced values are JSON: Int → int64, Float → double, String and ID → string,
/// Boolean → bool. A message quotes the offending value as graphql-js does: `inspect()`
/// of a JSON value (`"x"`, `{ a: 1 }`), or the printed literal (`"x"`, `{a: 1}`).
///
/// Thread-safety: pure functions.

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

enum class builtin_scalar : std::uint8_t {
  int_type,
  float_type,
  string_type,
  boolean_type,
  id_type
};

/// The built-in scalar called `name` ("Int", …), if it is one.
std::optional<builtin_scalar> find_builtin_scalar(std::string_view name) noexcept;
std::string_view name_of(builtin_scalar scalar) noexcept;

/// graphql-js `parseValue`: a variable's JSON value. On failure: nullopt and `error`
/// (`Int cannot represent non-integer value: 1.5`).
std::optional<boost::json::value> parse_builtin_value(builtin_scalar scalar,
                                                      const boost::json::value& input,
                                                      std::string& error);

/// graphql-js `parseLiteral`: a literal (variables already substituted by the caller).
/// On failure: nullopt and `error` (`Int cannot represent non-integer value: "x"`).
std::optional<boost::json::value> parse_builtin_literal(builtin_scalar scalar,
                                                        const value_node& literal,
                                                        std::string& error);

/// graphql-js `serialize` (result coercion, spec 3.5): what a field of the scalar's type
/// writes for a resolver's value. Int accepts integral numbers, booleans and numeric
/// strings in range; Float finite numbers, booleans and numeric strings; String strings,
/// booleans and finite numbers; Boolean booleans and finite numbers; ID strings and
/// integral numbers. On failure: nullopt and `error`
/// (`Int cannot represent non-integer value: 1.5`, `String cannot represent value: {}`).
std::optional<boost::json::value> serialize_builtin(builtin_scalar scalar,
                                                    const boost::json::value& result,
                                                    std::string& error);

/// The `scalar_coercion` of a built-in scalar (what its `scalar_type` carries).
scalar_coercion builtin_scalar_coercion(builtin_scalar scalar);

/// The coercion of a custom scalar given none in `build_options` (graphql-js defaults):
/// variables pass as they are; literals become JSON as graphql-js `valueFromASTUntyped`
/// makes them. A variable nested in a literal is JavaScript's `undefined`: dropped from an
/// object, null in a list; a literal that is only a variable yields nullopt with an empty
/// `error` ("not a valid value", no message of its own).
scalar_coercion accept_any_coercion();

/// graphql-js `valueFromASTUntyped` without variables (see `accept_any_coercion`):
/// nullopt for a bare variable.
std::optional<boost::json::value> value_from_ast_untyped(const value_node& literal);

}  // namespace chat::graphql
