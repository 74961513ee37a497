// Ports graphql-js 16 `src/validation/__tests__/LoneAnonymousOperationRule-test.ts`.
// Spec section 5.2.2.1, "Lone Anonymous Operation".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

constexpr std::string_view k_message =
    "This anonymous operation must be the only defined operation.";

TEST(LoneAnonymousOperationRule, AcceptsADocumentWithNoOperations) {
  expect_valid(rules::lone_anonymous_operation, R"(
      fragment fragA on Type {
        field
      }
    )");
}

TEST(LoneAnonymousOperationRule, AcceptsOneAnonymousOperation) {
  expect_valid(rules::lone_anonymous_operation, R"(
      {
        field
      }
    )");
}

TEST(LoneAnonymousOperationRule, AcceptsMultipleNamedOperations) {
  expect_valid(rules::lone_anonymous_operation, R"(
      query Foo {
        field
      }

      query Bar {
        field
      }
    )");
}

TEST(LoneAnonymousOperationRule, AcceptsAnAnonymousOperationWithAFragment) {
  expect_valid(rules::lone_anonymous_operation, R"(
      {
        ...Foo
      }
      fragment Foo on Type {
        field
      }
    )");
}

TEST(LoneAnonymousOperationRule, ReportsEachOfMultipleAnonymousOperations) {
  expect_errors(rules::lone_anonymous_operation, R"(
      {
        fieldA
      }
      {
        fieldB
      }
    )",
                {{std::string(k_message), {{2, 7}}}, {std::string(k_message), {{5, 7}}}});
}

TEST(LoneAnonymousOperationRule, ReportsAnAnonymousOperationBesideAMutation) {
  expect_errors(rules::lone_anonymous_operation, R"(
      {
        fieldA
      }
      mutation Foo {
        fieldB
      }
    )",
                {{std::string(k_message), {{2, 7}}}});
}

TEST(LoneAnonymousOperationRule, ReportsAnAnonymousOperationBesideASubscription) {
  expect_errors(rules::lone_anonymous_operation, R"(
      {
        fieldA
      }
      subscription Foo {
        fieldB
      }
    )",
                {{std::string(k_message), {{2, 7}}}});
}

}  // namespace
}  // namespace chat::graphql
