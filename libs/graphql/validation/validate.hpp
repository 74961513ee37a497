#pragma once
/// Document validation (spec section 5): graphql-js `validate` with its
/// `specifiedRules`, plus the server's denial-of-service limits (SPEC GQL-5).
///
/// Thread-safety: `validate` may run concurrently on shared schemas and documents.

#include <cstddef>
#include <span>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/validation_context.hpp"

namespace chat::graphql {

/// The rules of the specification, in graphql-js `specifiedRules` order.
std::span<const rule_factory> specified_rules();

struct validation_options {
  /// graphql-js stops after this many errors and adds "Too many validation errors,
  /// error limit reached. Validation aborted."
  std::size_t max_errors = 100;
  /// Rules run on documents the specified rules accept (the GQL-5 limits, for example),
  /// so a document graphql-js refuses gets exactly graphql-js's errors.
  std::vector<rule_factory> extra_rules;
};

/// Errors of `doc` against `s` (empty when valid), each with code
/// GRAPHQL_VALIDATION_FAILED and graphql-js's message and locations.
std::vector<graphql_error> validate(const schema& s, const document& doc,
                                    const validation_options& options = {});

/// Runs exactly `rules` (tests of a single rule use this).
std::vector<graphql_error> validate_with(const schema& s, const document& doc,
                                         std::span<const rule_factory> rules,
                                         std::size_t max_errors = 100);

}  // namespace chat::graphql
