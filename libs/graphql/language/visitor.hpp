#pragma once
/// Walking a syntax tree: the direct children of a node, in the order graphql-js's
/// `QueryDocumentKeys` visits them (which fixes the order validation errors come out).
///
/// Thread-safety: pure functions over immutable trees.

#include <vector>

#include "graphql/language/ast.hpp"

namespace chat::graphql {

/// Appends the direct child nodes of `n` to `out` in visiting order. Names are not
/// nodes here (they are values inside their node), so they are not listed. Validation
/// leaves descriptions out (`with_descriptions = false`): the specification says they
/// must not affect it.
void append_children(const node& n, std::vector<const node*>& out, bool with_descriptions = true);

}  // namespace chat::graphql
