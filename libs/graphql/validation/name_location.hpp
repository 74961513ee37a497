#pragma once
/// Pointing a validation error at a name. graphql-js reports some errors at a `Name`
/// node (`node.variable.name`, `argNode.name`), but names are not nodes in our tree, so
/// `validation_context::report` cannot take them directly: `at_name` makes a stand-in
/// node with the name's location, to be passed to `report` (which reads only `loc`)
/// while the stand-in is alive.
///
/// Thread-safety: pure function.

#include "graphql/language/ast.hpp"

namespace chat::graphql {

/// A node located where `n` is written (its kind means nothing).
inline node at_name(const name& n) noexcept {
  return node{node_kind::document, n.loc};
}

}  // namespace chat::graphql
