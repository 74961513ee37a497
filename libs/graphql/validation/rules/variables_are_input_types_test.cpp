// Ports graphql-js 16 `src/validation/__tests__/VariablesAreInputTypesRule-test.ts`
// (graphql-js 17's cases on fragment variables need syntax graphql-js 16 does not parse).
// Spec section 5.8.2, "Variables Are Input Types".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(VariablesAreInputTypesRule, IgnoresUnknownTypes) {
  expect_valid(rules::variables_are_input_types, R"(
      query Foo($a: Unknown, $b: [[Unknown!]]!) {
        field(a: $a, b: $b)
      }
    )");
}

TEST(VariablesAreInputTypesRule, AcceptsInputTypes) {
  expect_valid(rules::variables_are_input_types, R"(
      query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) {
        field(a: $a, b: $b, c: $c)
      }
    )");
}

TEST(VariablesAreInputTypesRule, ReportsOutputTypesAsWritten) {
  expect_errors(rules::variables_are_input_types, R"(
      query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) {
        field(a: $a, b: $b, c: $c)
      }
    )",
                {{"Variable \"$a\" cannot be non-input type \"Dog\".", {{2, 21}}},
                 {"Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", {{2, 30}}},
                 {"Variable \"$c\" cannot be non-input type \"Pet\".", {{2, 50}}}});
}

}  // namespace
}  // namespace chat::graphql
