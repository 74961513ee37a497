// Ports graphql-js 16 `src/validation/__tests__/FragmentsOnCompositeTypesRule-test.ts`.
// Spec section 5.5.1.3, "Fragments On Composite Types".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(FragmentsOnCompositeTypesRule, AcceptsAnObjectAsFragmentType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on Dog {
        barks
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, AcceptsAnInterfaceAsFragmentType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on Pet {
        name
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, AcceptsAnObjectAsInlineFragmentType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on Pet {
        ... on Dog {
          barks
        }
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, AcceptsAnInterfaceAsInlineFragmentType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on Mammal {
        ... on Canine {
          name
        }
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, AcceptsAnInlineFragmentWithoutType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on Pet {
        ... {
          name
        }
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, AcceptsAUnionAsFragmentType) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment validFragment on CatOrDog {
        __typename
      }
    )");
}

TEST(FragmentsOnCompositeTypesRule, ReportsAScalarAsFragmentType) {
  expect_errors(rules::fragments_on_composite_types, R"(
      fragment scalarFragment on Boolean {
        bad
      }
    )",
                {{"Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".",
                  {{2, 34}}}});
}

TEST(FragmentsOnCompositeTypesRule, ReportsAnEnumAsFragmentType) {
  expect_errors(
      rules::fragments_on_composite_types, R"(
      fragment scalarFragment on FurColor {
        bad
      }
    )",
      {{"Fragment \"scalarFragment\" cannot condition on non composite type \"FurColor\".",
        {{2, 34}}}});
}

TEST(FragmentsOnCompositeTypesRule, ReportsAnInputObjectAsFragmentType) {
  expect_errors(
      rules::fragments_on_composite_types, R"(
      fragment inputFragment on ComplexInput {
        stringField
      }
    )",
      {{"Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".",
        {{2, 33}}}});
}

TEST(FragmentsOnCompositeTypesRule, ReportsAScalarAsInlineFragmentType) {
  expect_errors(rules::fragments_on_composite_types, R"(
      fragment invalidFragment on Pet {
        ... on String {
          barks
        }
      }
    )",
                {{"Fragment cannot condition on non composite type \"String\".", {{3, 16}}}});
}

// Not in graphql-js's tests: an unknown type is left to KnownTypeNamesRule (checked
// against graphql-js 16.15).
TEST(FragmentsOnCompositeTypesRule, IgnoresUnknownTypes) {
  expect_valid(rules::fragments_on_composite_types, R"(
      fragment unknownFragment on Unknown {
        ... on AlsoUnknown {
          name
        }
      }
    )");
}

}  // namespace
}  // namespace chat::graphql
