// NoUnusedVariablesRule (spec 5.8.4 All Variables Used): every case of graphql-js 16.15
// `NoUnusedVariablesRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(NoUnusedVariablesRule, UsesAllVariables) {
  expect_valid(no_unused_variables, R"(
      query ($a: String, $b: String, $c: String) {
        field(a: $a, b: $b, c: $c)
      }
    )");
}

TEST(NoUnusedVariablesRule, UsesAllVariablesDeeply) {
  expect_valid(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        field(a: $a) {
          field(b: $b) {
            field(c: $c)
          }
        }
      }
    )");
}

TEST(NoUnusedVariablesRule, UsesAllVariablesDeeplyInInlineFragments) {
  expect_valid(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        ... on Type {
          field(a: $a) {
            field(b: $b) {
              ... on Type {
                field(c: $c)
              }
            }
          }
        }
      }
    )");
}

TEST(NoUnusedVariablesRule, UsesAllVariablesInFragments) {
  expect_valid(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a) {
          ...FragB
        }
      }
      fragment FragB on Type {
        field(b: $b) {
          ...FragC
        }
      }
      fragment FragC on Type {
        field(c: $c)
      }
    )");
}

TEST(NoUnusedVariablesRule, VariableUsedByFragmentInMultipleOperations) {
  expect_valid(no_unused_variables, R"(
      query Foo($a: String) {
        ...FragA
      }
      query Bar($b: String) {
        ...FragB
      }
      fragment FragA on Type {
        field(a: $a)
      }
      fragment FragB on Type {
        field(b: $b)
      }
    )");
}

TEST(NoUnusedVariablesRule, VariableUsedByRecursiveFragment) {
  expect_valid(no_unused_variables, R"(
      query Foo($a: String) {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a) {
          ...FragA
        }
      }
    )");
}

TEST(NoUnusedVariablesRule, VariableNotUsed) {
  expect_errors(no_unused_variables, R"(
      query ($a: String, $b: String, $c: String) {
        field(a: $a, b: $b)
      }
    )",
                {{"Variable \"$c\" is never used.", {{2, 38}}}});
}

TEST(NoUnusedVariablesRule, MultipleVariablesNotUsed) {
  expect_errors(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        field(b: $b)
      }
    )",
                {{"Variable \"$a\" is never used in operation \"Foo\".", {{2, 17}}},
                 {"Variable \"$c\" is never used in operation \"Foo\".", {{2, 41}}}});
}

TEST(NoUnusedVariablesRule, VariableNotUsedInFragments) {
  expect_errors(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a) {
          ...FragB
        }
      }
      fragment FragB on Type {
        field(b: $b) {
          ...FragC
        }
      }
      fragment FragC on Type {
        field
      }
    )",
                {{"Variable \"$c\" is never used in operation \"Foo\".", {{2, 41}}}});
}

TEST(NoUnusedVariablesRule, MultipleVariablesNotUsedInFragments) {
  expect_errors(no_unused_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        ...FragA
      }
      fragment FragA on Type {
        field {
          ...FragB
        }
      }
      fragment FragB on Type {
        field(b: $b) {
          ...FragC
        }
      }
      fragment FragC on Type {
        field
      }
    )",
                {{"Variable \"$a\" is never used in operation \"Foo\".", {{2, 17}}},
                 {"Variable \"$c\" is never used in operation \"Foo\".", {{2, 41}}}});
}

TEST(NoUnusedVariablesRule, VariableNotUsedByUnreferencedFragment) {
  expect_errors(no_unused_variables, R"(
      query Foo($b: String) {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a)
      }
      fragment FragB on Type {
        field(b: $b)
      }
    )",
                {{"Variable \"$b\" is never used in operation \"Foo\".", {{2, 17}}}});
}

TEST(NoUnusedVariablesRule, VariableNotUsedByFragmentUsedByOtherOperation) {
  expect_errors(no_unused_variables, R"(
      query Foo($b: String) {
        ...FragA
      }
      query Bar($a: String) {
        ...FragB
      }
      fragment FragA on Type {
        field(a: $a)
      }
      fragment FragB on Type {
        field(b: $b)
      }
    )",
                {{"Variable \"$b\" is never used in operation \"Foo\".", {{2, 17}}},
                 {"Variable \"$a\" is never used in operation \"Bar\".", {{5, 17}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): a use in a directive
// argument counts, a variable's definition (or another variable's default) does not.
TEST(NoUnusedVariablesRule, UsesInDirectivesCountButDefinitionsDoNot) {
  expect_errors(no_unused_variables, R"(
      query Foo($a: Boolean, $b: Boolean = true) {
        field @include(if: $a)
      }
    )",
                {{"Variable \"$b\" is never used in operation \"Foo\".", {{2, 30}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
