// NoUndefinedVariablesRule (spec 5.8.3 All Variable Uses Defined): every case of graphql-js
// 16.15 `NoUndefinedVariablesRule-test.ts`, with its messages and locations.

#include <string>

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(NoUndefinedVariablesRule, AllVariablesDefined) {
  expect_valid(no_undefined_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        field(a: $a, b: $b, c: $c)
      }
    )");
}

TEST(NoUndefinedVariablesRule, AllVariablesDeeplyDefined) {
  expect_valid(no_undefined_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        field(a: $a) {
          field(b: $b) {
            field(c: $c)
          }
        }
      }
    )");
}

TEST(NoUndefinedVariablesRule, AllVariablesDeeplyInInlineFragmentsDefined) {
  expect_valid(no_undefined_variables, R"(
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

TEST(NoUndefinedVariablesRule, AllVariablesInFragmentsDeeplyDefined) {
  expect_valid(no_undefined_variables, R"(
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

TEST(NoUndefinedVariablesRule, VariableWithinSingleFragmentDefinedInMultipleOperations) {
  expect_valid(no_undefined_variables, R"(
      query Foo($a: String) {
        ...FragA
      }
      query Bar($a: String) {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a)
      }
    )");
}

TEST(NoUndefinedVariablesRule, VariableWithinFragmentsDefinedInOperations) {
  expect_valid(no_undefined_variables, R"(
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

TEST(NoUndefinedVariablesRule, VariableWithinRecursiveFragmentDefined) {
  expect_valid(no_undefined_variables, R"(
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

TEST(NoUndefinedVariablesRule, VariableNotDefined) {
  expect_errors(no_undefined_variables, R"(
      query Foo($a: String, $b: String, $c: String) {
        field(a: $a, b: $b, c: $c, d: $d)
      }
    )",
                {{"Variable \"$d\" is not defined by operation \"Foo\".", {{3, 39}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, VariableNotDefinedByUnNamedQuery) {
  expect_errors(no_undefined_variables, R"(
      {
        field(a: $a)
      }
    )",
                {{"Variable \"$a\" is not defined.", {{3, 18}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, MultipleVariablesNotDefined) {
  expect_errors(no_undefined_variables, R"(
      query Foo($b: String) {
        field(a: $a, b: $b, c: $c)
      }
    )",
                {{"Variable \"$a\" is not defined by operation \"Foo\".", {{3, 18}, {2, 7}}},
                 {"Variable \"$c\" is not defined by operation \"Foo\".", {{3, 32}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, VariableInFragmentNotDefinedByUnNamedQuery) {
  expect_errors(no_undefined_variables, R"(
      {
        ...FragA
      }
      fragment FragA on Type {
        field(a: $a)
      }
    )",
                {{"Variable \"$a\" is not defined.", {{6, 18}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, VariableInFragmentNotDefinedByOperation) {
  expect_errors(no_undefined_variables, R"(
      query Foo($a: String, $b: String) {
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
    )",
                {{"Variable \"$c\" is not defined by operation \"Foo\".", {{16, 18}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, MultipleVariablesInFragmentsNotDefined) {
  expect_errors(no_undefined_variables, R"(
      query Foo($b: String) {
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
    )",
                {{"Variable \"$a\" is not defined by operation \"Foo\".", {{6, 18}, {2, 7}}},
                 {"Variable \"$c\" is not defined by operation \"Foo\".", {{16, 18}, {2, 7}}}});
}

TEST(NoUndefinedVariablesRule, SingleVariableInFragmentNotDefinedByMultipleOperations) {
  expect_errors(no_undefined_variables, R"(
      query Foo($a: String) {
        ...FragAB
      }
      query Bar($a: String) {
        ...FragAB
      }
      fragment FragAB on Type {
        field(a: $a, b: $b)
      }
    )",
                {{"Variable \"$b\" is not defined by operation \"Foo\".", {{9, 25}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Bar\".", {{9, 25}, {5, 7}}}});
}

TEST(NoUndefinedVariablesRule, VariablesInFragmentNotDefinedByMultipleOperations) {
  expect_errors(no_undefined_variables, R"(
      query Foo($b: String) {
        ...FragAB
      }
      query Bar($a: String) {
        ...FragAB
      }
      fragment FragAB on Type {
        field(a: $a, b: $b)
      }
    )",
                {{"Variable \"$a\" is not defined by operation \"Foo\".", {{9, 18}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Bar\".", {{9, 25}, {5, 7}}}});
}

TEST(NoUndefinedVariablesRule, VariableInFragmentUsedByOtherOperation) {
  expect_errors(no_undefined_variables, R"(
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
                {{"Variable \"$a\" is not defined by operation \"Foo\".", {{9, 18}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Bar\".", {{12, 18}, {5, 7}}}});
}

TEST(NoUndefinedVariablesRule, MultipleUndefinedVariablesProduceMultipleErrors) {
  expect_errors(no_undefined_variables, R"(
      query Foo($b: String) {
        ...FragAB
      }
      query Bar($a: String) {
        ...FragAB
      }
      fragment FragAB on Type {
        field1(a: $a, b: $b)
        ...FragC
        field3(a: $a, b: $b)
      }
      fragment FragC on Type {
        field2(c: $c)
      }
    )",
                {{"Variable \"$a\" is not defined by operation \"Foo\".", {{9, 19}, {2, 7}}},
                 {"Variable \"$a\" is not defined by operation \"Foo\".", {{11, 19}, {2, 7}}},
                 {"Variable \"$c\" is not defined by operation \"Foo\".", {{14, 19}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Bar\".", {{9, 26}, {5, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Bar\".", {{11, 26}, {5, 7}}},
                 {"Variable \"$c\" is not defined by operation \"Bar\".", {{14, 19}, {5, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): variables in directive
// arguments, lists and input objects count, and a variable's definition is not a use.
TEST(NoUndefinedVariablesRule, FindsVariablesInDirectivesListsAndObjects) {
  expect_errors(no_undefined_variables, R"(
      query Foo($a: [String] = ["x"]) {
        field(a: [$b], o: {f: $c}) @include(if: $d)
      }
    )",
                {{"Variable \"$b\" is not defined by operation \"Foo\".", {{3, 19}, {2, 7}}},
                 {"Variable \"$c\" is not defined by operation \"Foo\".", {{3, 31}, {2, 7}}},
                 {"Variable \"$d\" is not defined by operation \"Foo\".", {{3, 49}, {2, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): the fragments an operation
// reaches are read breadth first from its direct spreads (16.15; 16.8 went depth first).
TEST(NoUndefinedVariablesRule, ReadsFragmentsBreadthFirst) {
  expect_errors(no_undefined_variables, R"(
      query Q { ...A ...B }
      fragment A on QueryRoot { ...C }
      fragment B on QueryRoot { ...D }
      fragment C on QueryRoot { dog(x: $c) }
      fragment D on QueryRoot { dog(x: $d) }
    )",
                {{"Variable \"$c\" is not defined by operation \"Q\".", {{5, 40}, {2, 7}}},
                 {"Variable \"$d\" is not defined by operation \"Q\".", {{6, 40}, {2, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): graphql-js computes the
// fragments once per set of direct spreads, so Q2, spreading B then A, reports in the
// order Q1 (spreading A then B) found them.
TEST(NoUndefinedVariablesRule, OperationsSpreadingTheSameFragmentsShareTheirOrder) {
  expect_errors(no_undefined_variables, R"(
      query Q1 { ...A ...B }
      query Q2 { ...B ...A }
      fragment A on QueryRoot { dog(x: $a) }
      fragment B on QueryRoot { dog(x: $b) }
    )",
                {{"Variable \"$a\" is not defined by operation \"Q1\".", {{4, 40}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Q1\".", {{5, 40}, {2, 7}}},
                 {"Variable \"$a\" is not defined by operation \"Q2\".", {{4, 40}, {3, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Q2\".", {{5, 40}, {3, 7}}}});
  expect_errors(no_undefined_variables, R"(
      query Q2 { ...B ...A }
      query Q1 { ...A ...B ...A }
      fragment A on QueryRoot { dog(x: $a) }
      fragment B on QueryRoot { dog(x: $b) }
    )",
                {{"Variable \"$b\" is not defined by operation \"Q2\".", {{5, 40}, {2, 7}}},
                 {"Variable \"$a\" is not defined by operation \"Q2\".", {{4, 40}, {2, 7}}},
                 {"Variable \"$b\" is not defined by operation \"Q1\".", {{5, 40}, {3, 7}}},
                 {"Variable \"$a\" is not defined by operation \"Q1\".", {{4, 40}, {3, 7}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15, which accepts this
// document): operations spreading the same fragments share one fragment list and its
// variable usages, so 1200 of them reading a 400-fragment chain stay within the 50 000
// units of fragment work.
TEST(NoUndefinedVariablesRule, OperationsSpreadingTheSameFragmentsShareTheirWork) {
  std::string document;
  for (int i = 0; i < 1200; ++i) {
    document += "query Q" + std::to_string(i) + " { dog { ...F1 } }\n";
  }
  for (int i = 1; i < 400; ++i) {
    document +=
        "fragment F" + std::to_string(i) + " on Dog { ...F" + std::to_string(i + 1) + " }\n";
  }
  document += "fragment F400 on Dog { name }\n";
  expect_valid(no_undefined_variables, document);
}

}  // namespace
}  // namespace chat::graphql::rules
