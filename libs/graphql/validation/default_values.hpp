#pragma once
/// Whether a default value written in the SDL gives an argument or input field a value, as
/// graphql-js decides it: `buildSchema` stores `valueFromAST(default, type)`, which is
/// `undefined` when the literal does not fit the type (`arg: Int! = "one"`, `= null` on a
/// non-null type). Such an input then counts as having no default: a non-null one is required,
/// and a nullable variable may not stand in for it.
///
/// Thread-safety: pure functions.

#include "graphql/language/ast.hpp"
#include "graphql/type/schema.hpp"

namespace chat::graphql {

/// graphql-js `valueFromAST(literal, t) !== undefined`, without variables.
bool literal_has_value(const value_node& literal, const type& t);

/// graphql-js `input.defaultValue !== undefined` for an argument or input field built from SDL.
bool has_default_value(const input_value& input);

/// graphql-js `isRequiredArgument` / `isRequiredInputField`: non-null without a default value.
bool is_required_input(const input_value& input);

}  // namespace chat::graphql
