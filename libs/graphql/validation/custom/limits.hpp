#pragma once
/// Denial-of-service limits on documents (SPEC GQL-5), run as extra validation rules
/// after the specification's: selection depth, aliases, and root fields per operation.
/// The token and document-size limits are the parser's and the HTTP layer's; list
/// sizes of inputs are checked when variables are coerced.
///
/// Introspection subtrees (`__schema`, `__type`) do not count toward the depth: tools
/// like GraphiQL send a deep but bounded introspection query, which graphql-js's
/// MaxIntrospectionDepthRule already bounds.
///
/// Thread-safety: the factories are pure; each rule instance belongs to one validation.

#include <cstddef>

#include "graphql/validation/validation_context.hpp"

namespace chat::graphql::limits {

struct document_limits {
  std::size_t max_depth = 12;        // nested selection sets, fragments expanded
  std::size_t max_aliases = 30;      // aliased fields in one operation, fragments expanded
  std::size_t max_root_fields = 20;  // fields selected at the root of one operation
};

/// "Query depth 13 exceeds the maximum of 12." on the operation.
rule_factory max_depth(std::size_t limit);
/// "Operation uses 31 aliases, more than the maximum of 30."
rule_factory max_aliases(std::size_t limit);
/// "Operation selects 21 root fields, more than the maximum of 20."
rule_factory max_root_fields(std::size_t limit);

/// The three rules for `limits`, in that order.
std::vector<rule_factory> rules_for(const document_limits& limits);

}  // namespace chat::graphql::limits
