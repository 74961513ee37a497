#pragma once
/// Test helpers for validation rules (never linked into chatd): the graphql-js test
/// schema (`validation/__tests__/harness.ts` testSchema, rebuilt from SDL in
/// `test_schema.graphql`) and assertions that read like graphql-js's tests:
///
///   expect_valid(rules::scalar_leafs, "{ dog { name } }");
///   expect_errors(rules::scalar_leafs, "{ dog }",
///                 {{"Field \"dog\" of type \"Dog\" must have a selection of subfields. "
///                   "Did you mean \"dog { ... }\"?", {{1, 3}}}});

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/schema.hpp"
#include "graphql/validation/validate.hpp"

namespace chat::graphql::testing {

/// graphql-js's validation test schema, built once.
const schema& test_schema();

/// Builds a schema from SDL, failing the test on errors.
std::shared_ptr<const schema> schema_from(std::string_view sdl);

struct expected_error {
  std::string message;
  std::vector<source_position> locations;
};

/// Runs only `rule` on `document` against `s` (default: the test schema).
std::vector<graphql_error> run_rule(const rule_factory& rule, std::string_view document,
                                    const schema* s = nullptr);

void expect_valid(const rule_factory& rule, std::string_view document, const schema* s = nullptr);
void expect_errors(const rule_factory& rule, std::string_view document,
                   const std::vector<expected_error>& expected, const schema* s = nullptr);

}  // namespace chat::graphql::testing
