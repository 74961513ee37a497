// Denial-of-service limits on documents (SPEC GQL-5).

#include "graphql/validation/custom/limits.hpp"

#include <gtest/gtest.h>

#include "graphql/testing/rule_harness.hpp"

namespace chat::graphql::limits {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(MaxDepthRule, Gql5AcceptsADocumentAtTheLimit) {
  expect_valid(max_depth(3), "{ dog { mother { name } } }");
}

TEST(MaxDepthRule, Gql5RefusesOneLevelTooDeepAndPointsAtTheOperation) {
  expect_errors(max_depth(2), "query Q { dog { mother { name } } }",
                {{"Query depth 3 exceeds the maximum of 2.", {{1, 1}}}});
}

TEST(MaxDepthRule, Gql5CountsDepthThroughFragmentsAndInlineFragments) {
  expect_errors(max_depth(2),
                "{ dog { ...F } }\n"
                "fragment F on Dog { ... on Dog { mother { name } } }",
                {{"Query depth 3 exceeds the maximum of 2.", {{1, 1}}}});
}

TEST(MaxDepthRule, Gql5IgnoresIntrospectionSubtrees) {
  expect_valid(max_depth(2),
               "{ __schema { types { fields { type { ofType { ofType { name } } } } } } }");
}

TEST(MaxDepthRule, Gql5SurvivesFragmentCyclesWithoutLooping) {
  expect_valid(max_depth(12),
               "{ dog { ...A } }\n"
               "fragment A on Dog { mother { ...B } }\n"
               "fragment B on Dog { father { ...A } }");
}

TEST(MaxAliasesRule, Gql5CountsAliasesWithFragmentsExpanded) {
  expect_valid(max_aliases(4),
               "{ a: dog { n: name } ...F } fragment F on QueryRoot { b: cat { n: name } }");
  expect_errors(max_aliases(3),
                "{ a: dog { n: name } ...F } fragment F on QueryRoot { b: cat { n: name } }",
                {{"Operation uses 4 aliases, more than the maximum of 3.", {{1, 1}}}});
}

TEST(MaxAliasesRule, Gql5AFragmentBombIsCountedInLinearTime) {
  // Each fragment spreads the next twice: 2^30 aliased fields if executed.
  std::string document = "{ dog { ...F0 } }\n";
  for (int i = 0; i < 30; ++i) {
    document += "fragment F" + std::to_string(i) + " on Dog { ...F" + std::to_string(i + 1) +
                " ...F" + std::to_string(i + 1) + " }\n";
  }
  document += "fragment F30 on Dog { n: name }\n";
  const auto errors = testing::run_rule(max_aliases(100), document);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message, "Operation uses 1000000 aliases, more than the maximum of 100.");
}

TEST(MaxRootFieldsRule, Gql5CountsRootFieldsIncludingFragments) {
  expect_valid(max_root_fields(2), "{ dog { name } cat { name } }");
  expect_errors(
      max_root_fields(2),
      "query Q { dog { name } ...F } fragment F on QueryRoot { cat { name } pet { name } }",
      {{"Operation selects 3 root fields, more than the maximum of 2.", {{1, 1}}}});
}

}  // namespace
}  // namespace chat::graphql::limits
