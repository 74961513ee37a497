#pragma once
/// Input coercion (spec 6.1.2 CoerceVariableValues, 6.4.1 CoerceArgumentValues), as
/// graphql-js 16 does it (`execution/values.ts`, `utilities/coerceInputValue.ts`,
/// `utilities/valueFromAST.ts`), with its messages word for word:
///
///   Variable "$x" of required type "Int!" was not provided.
///   Variable "$x" got invalid value "abc"; Int cannot represent non-integer value: "abc"
///   Argument "id" of required type "ID!" was not provided.
///
/// Coerced values are JSON (`boost::json::value`): Int → int64, Float → double, String /
/// ID / enum values → string, input objects → objects whose members follow the input
/// type's field order (defaults filled in), lists → arrays.
///
/// SPEC GQL-5: an input list longer than `k_max_input_list_items` is refused (our own
/// message: `List is longer than the maximum of 1000 items.`).
///
/// Thread-safety: pure functions over immutable inputs.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

class document;

/// GQL-5: the most items an input list (variable or literal) may have.
inline constexpr std::size_t k_max_input_list_items = 1000;

/// The message of an over-long input list.
inline constexpr std::string_view k_list_too_long_message =
    "List is longer than the maximum of 1000 items.";

/// graphql-js `coerceInputValue`'s error callback: the path inside the value (keys and
/// indices, empty at the top), the offending value, and the message.
using input_error_fn =
    std::function<void(std::span<const path_segment> path, const boost::json::value& invalid_value,
                       std::string message)>;

/// graphql-js `coerceInputValue`: a JSON input (a variable's value) against `input_type`.
/// Returns nullopt (JavaScript `undefined`) when the value is invalid; every problem is
/// reported through `on_error`.
std::optional<boost::json::value> coerce_input_value(const boost::json::value& input,
                                                     const type& input_type,
                                                     const input_error_fn& on_error);

/// graphql-js `valueFromAST`: a literal against `input_type`, variables substituted from
/// `variables` (null: none). Nullopt when the literal is invalid (validation normally
/// rules that out) or holds a list longer than the limit (`list_too_long` is then set).
std::optional<boost::json::value> value_from_ast(const value_node& literal, const type& input_type,
                                                 const boost::json::object* variables,
                                                 bool* list_too_long = nullptr);

/// The coerced default of an argument or input field (graphql-js coerces SDL defaults
/// with `valueFromAST` when it builds the schema); nullopt when there is none.
std::optional<boost::json::value> coerced_default(const input_value& definition);

/// Spec CoerceVariableValues (graphql-js `getVariableValues`, at most 50 errors): fills
/// `coerced` and returns the errors (each with the variable definition's location and
/// code BAD_USER_INPUT). Variables neither given nor defaulted are left out.
std::vector<graphql_error> coerce_variable_values(const schema& served, const document& doc,
                                                  const operation_definition_node& operation,
                                                  const boost::json::object& inputs,
                                                  boost::json::object& coerced);

/// Spec CoerceArgumentValues (graphql-js `getArgumentValues`) for a field or directive
/// with `definitions`, used at `owner` (a field or directive node) with `arguments`.
/// Fills `coerced`; on failure returns the error (message and location; the caller adds
/// the path).
std::optional<graphql_error> coerce_argument_values(std::span<const input_value> definitions,
                                                    std::span<argument_node* const> arguments,
                                                    const node& owner,
                                                    const boost::json::object& variables,
                                                    const document& doc,
                                                    boost::json::object& coerced);

}  // namespace chat::graphql
