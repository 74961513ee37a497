#pragma once
/// graphql-js `print` of a single value literal or type reference, for messages such as
/// `Int cannot represent non-integer value: {a: 1}` and
/// `… argument "url" of type "String!" is required …`.
///
/// (The language printer prints whole documents; these print the parts messages quote.)
///
/// Thread-safety: pure functions.

#include <string>

#include "graphql/language/ast.hpp"

namespace chat::graphql {

/// `1.5`, `"a\nb"`, `"""block"""`, `[1, 2]`, `{a: 1, b: ENUM}`, `$var`, `null`.
std::string print_value(const value_node& value);

/// `[String!]!`.
std::string print_type_node(const type_node& type);

/// graphql-js `printString`: a double-quoted string with control characters escaped.
std::string print_string_literal(std::string_view value);

/// graphql-js `printBlockString`.
std::string print_block_string(std::string_view value);

}  // namespace chat::graphql
