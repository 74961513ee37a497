// UniqueVariableNamesRule (spec 5.8.1 Variable Uniqueness): every case of graphql-js 16.15
// `UniqueVariableNamesRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(UniqueVariableNamesRule, UniqueVariableNames) {
  expect_valid(unique_variable_names, R"(
      query A($x: Int, $y: String) { __typename }
      query B($x: String, $y: Int) { __typename }
    )");
}

TEST(UniqueVariableNamesRule, DuplicateVariableNames) {
  expect_errors(unique_variable_names, R"(
      query A($x: Int, $x: Int, $x: String) { __typename }
      query B($x: String, $x: Int) { __typename }
      query C($x: Int, $x: Int) { __typename }
    )",
                {{"There can be only one variable named \"$x\".", {{2, 16}, {2, 25}, {2, 34}}},
                 {"There can be only one variable named \"$x\".", {{3, 16}, {3, 28}}},
                 {"There can be only one variable named \"$x\".", {{4, 16}, {4, 25}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): one error per repeated
// name, in the order the names first appear.
TEST(UniqueVariableNamesRule, ReportsEachRepeatedNameInOrderOfFirstAppearance) {
  expect_errors(unique_variable_names, R"(
      query A($b: Int, $a: Int, $b: Int, $c: Int, $a: Int) { __typename }
    )",
                {{"There can be only one variable named \"$b\".", {{2, 16}, {2, 34}}},
                 {"There can be only one variable named \"$a\".", {{2, 25}, {2, 52}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
