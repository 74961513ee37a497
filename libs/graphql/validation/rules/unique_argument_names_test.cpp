// UniqueArgumentNamesRule (spec 5.4.2 Argument Uniqueness): every case of graphql-js 16.15
// `UniqueArgumentNamesRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(UniqueArgumentNamesRule, NoArgumentsOnField) {
  expect_valid(unique_argument_names, R"(
      {
        field
      }
    )");
}

TEST(UniqueArgumentNamesRule, NoArgumentsOnDirective) {
  expect_valid(unique_argument_names, R"(
      {
        field @directive
      }
    )");
}

TEST(UniqueArgumentNamesRule, ArgumentOnField) {
  expect_valid(unique_argument_names, R"(
      {
        field(arg: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, ArgumentOnDirective) {
  expect_valid(unique_argument_names, R"(
      {
        field @directive(arg: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, SameArgumentOnTwoFields) {
  expect_valid(unique_argument_names, R"(
      {
        one: field(arg: "value")
        two: field(arg: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, SameArgumentOnFieldAndDirective) {
  expect_valid(unique_argument_names, R"(
      {
        field(arg: "value") @directive(arg: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, SameArgumentOnTwoDirectives) {
  expect_valid(unique_argument_names, R"(
      {
        field @directive1(arg: "value") @directive2(arg: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, MultipleFieldArguments) {
  expect_valid(unique_argument_names, R"(
      {
        field(arg1: "value", arg2: "value", arg3: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, MultipleDirectiveArguments) {
  expect_valid(unique_argument_names, R"(
      {
        field @directive(arg1: "value", arg2: "value", arg3: "value")
      }
    )");
}

TEST(UniqueArgumentNamesRule, DuplicateFieldArguments) {
  expect_errors(unique_argument_names, R"(
      {
        field(arg1: "value", arg1: "value")
      }
    )",
                {{"There can be only one argument named \"arg1\".", {{3, 15}, {3, 30}}}});
}

TEST(UniqueArgumentNamesRule, ManyDuplicateFieldArguments) {
  expect_errors(unique_argument_names, R"(
      {
        field(arg1: "value", arg1: "value", arg1: "value")
      }
    )",
                {{"There can be only one argument named \"arg1\".", {{3, 15}, {3, 30}, {3, 45}}}});
}

TEST(UniqueArgumentNamesRule, DuplicateDirectiveArguments) {
  expect_errors(unique_argument_names, R"(
      {
        field @directive(arg1: "value", arg1: "value")
      }
    )",
                {{"There can be only one argument named \"arg1\".", {{3, 26}, {3, 41}}}});
}

TEST(UniqueArgumentNamesRule, ManyDuplicateDirectiveArguments) {
  expect_errors(unique_argument_names, R"(
      {
        field @directive(arg1: "value", arg1: "value", arg1: "value")
      }
    )",
                {{"There can be only one argument named \"arg1\".", {{3, 26}, {3, 41}, {3, 56}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): one error per repeated
// name in order of first appearance, a field's before its directives', and arguments of
// directives in SDL are checked too.
TEST(UniqueArgumentNamesRule, ReportsEachRepeatedNameInOrder) {
  expect_errors(unique_argument_names, R"(
      {
        field(b: 1, a: 1, b: 2, a: 2) @directive(c: 1, c: 2)
      }
      type T @key(f: 1, f: 2) { f: Int }
    )",
                {{"There can be only one argument named \"b\".", {{3, 15}, {3, 27}}},
                 {"There can be only one argument named \"a\".", {{3, 21}, {3, 33}}},
                 {"There can be only one argument named \"c\".", {{3, 50}, {3, 56}}},
                 {"There can be only one argument named \"f\".", {{5, 19}, {5, 25}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
