// Ports graphql-js 16 `src/validation/__tests__/UniqueOperationNamesRule-test.ts`.
// Spec section 5.2.1.1, "Operation Name Uniqueness".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(UniqueOperationNamesRule, AcceptsADocumentWithNoOperations) {
  expect_valid(rules::unique_operation_names, R"(
      fragment fragA on Type {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, AcceptsOneAnonymousOperation) {
  expect_valid(rules::unique_operation_names, R"(
      {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, AcceptsOneNamedOperation) {
  expect_valid(rules::unique_operation_names, R"(
      query Foo {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, AcceptsMultipleOperations) {
  expect_valid(rules::unique_operation_names, R"(
      query Foo {
        field
      }

      query Bar {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, AcceptsMultipleOperationsOfDifferentTypes) {
  expect_valid(rules::unique_operation_names, R"(
      query Foo {
        field
      }

      mutation Bar {
        field
      }

      subscription Baz {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, AcceptsAFragmentAndAnOperationNamedTheSame) {
  expect_valid(rules::unique_operation_names, R"(
      query Foo {
        ...Foo
      }
      fragment Foo on Type {
        field
      }
    )");
}

TEST(UniqueOperationNamesRule, ReportsMultipleOperationsOfTheSameName) {
  expect_errors(rules::unique_operation_names, R"(
      query Foo {
        fieldA
      }
      query Foo {
        fieldB
      }
    )",
                {{"There can be only one operation named \"Foo\".", {{2, 13}, {5, 13}}}});
}

TEST(UniqueOperationNamesRule, ReportsAQueryAndAMutationOfTheSameName) {
  expect_errors(rules::unique_operation_names, R"(
      query Foo {
        fieldA
      }
      mutation Foo {
        fieldB
      }
    )",
                {{"There can be only one operation named \"Foo\".", {{2, 13}, {5, 16}}}});
}

TEST(UniqueOperationNamesRule, ReportsAQueryAndASubscriptionOfTheSameName) {
  expect_errors(rules::unique_operation_names, R"(
      query Foo {
        fieldA
      }
      subscription Foo {
        fieldB
      }
    )",
                {{"There can be only one operation named \"Foo\".", {{2, 13}, {5, 20}}}});
}

// Not in graphql-js's tests: each repetition points back at the first operation of the
// name (checked against graphql-js 16.15).
TEST(UniqueOperationNamesRule, ReportsEveryRepetitionAgainstTheFirstOperation) {
  expect_errors(rules::unique_operation_names, R"(
      query Foo { a }
      query Foo { b }
      query Foo { c }
    )",
                {{"There can be only one operation named \"Foo\".", {{2, 13}, {3, 13}}},
                 {"There can be only one operation named \"Foo\".", {{2, 13}, {4, 13}}}});
}

}  // namespace
}  // namespace chat::graphql
