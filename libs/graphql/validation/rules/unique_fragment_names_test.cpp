// Ports graphql-js 16 `src/validation/__tests__/UniqueFragmentNamesRule-test.ts`.
// Spec section 5.5.1.1, "Fragment Name Uniqueness".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(UniqueFragmentNamesRule, AcceptsADocumentWithNoFragments) {
  expect_valid(rules::unique_fragment_names, R"(
      {
        field
      }
    )");
}

TEST(UniqueFragmentNamesRule, AcceptsOneFragment) {
  expect_valid(rules::unique_fragment_names, R"(
      {
        ...fragA
      }

      fragment fragA on Type {
        field
      }
    )");
}

TEST(UniqueFragmentNamesRule, AcceptsManyFragments) {
  expect_valid(rules::unique_fragment_names, R"(
      {
        ...fragA
        ...fragB
        ...fragC
      }
      fragment fragA on Type {
        fieldA
      }
      fragment fragB on Type {
        fieldB
      }
      fragment fragC on Type {
        fieldC
      }
    )");
}

TEST(UniqueFragmentNamesRule, TreatsInlineFragmentsAsAlwaysUnique) {
  expect_valid(rules::unique_fragment_names, R"(
      {
        ...on Type {
          fieldA
        }
        ...on Type {
          fieldB
        }
      }
    )");
}

TEST(UniqueFragmentNamesRule, AcceptsAFragmentAndAnOperationNamedTheSame) {
  expect_valid(rules::unique_fragment_names, R"(
      query Foo {
        ...Foo
      }
      fragment Foo on Type {
        field
      }
    )");
}

TEST(UniqueFragmentNamesRule, ReportsFragmentsNamedTheSame) {
  expect_errors(rules::unique_fragment_names, R"(
      {
        ...fragA
      }
      fragment fragA on Type {
        fieldA
      }
      fragment fragA on Type {
        fieldB
      }
    )",
                {{"There can be only one fragment named \"fragA\".", {{5, 16}, {8, 16}}}});
}

TEST(UniqueFragmentNamesRule, ReportsFragmentsNamedTheSameWithoutBeingReferenced) {
  expect_errors(rules::unique_fragment_names, R"(
      fragment fragA on Type {
        fieldA
      }
      fragment fragA on Type {
        fieldB
      }
    )",
                {{"There can be only one fragment named \"fragA\".", {{2, 16}, {5, 16}}}});
}

}  // namespace
}  // namespace chat::graphql
