// NoFragmentCyclesRule (spec 5.5.2.2 Fragment Spreads Must Not Form Cycles): every case of
// graphql-js 16.15 `NoFragmentCyclesRule-test.ts`, with its messages and locations.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(NoFragmentCyclesRule, SingleReferenceIsValid) {
  expect_valid(no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB }
      fragment fragB on Dog { name }
    )");
}

TEST(NoFragmentCyclesRule, SpreadingTwiceIsNotCircular) {
  expect_valid(no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB, ...fragB }
      fragment fragB on Dog { name }
    )");
}

TEST(NoFragmentCyclesRule, SpreadingTwiceIndirectlyIsNotCircular) {
  expect_valid(no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB, ...fragC }
      fragment fragB on Dog { ...fragC }
      fragment fragC on Dog { name }
    )");
}

TEST(NoFragmentCyclesRule, DoubleSpreadWithinAbstractTypes) {
  expect_valid(no_fragment_cycles, R"(
      fragment nameFragment on Pet {
        ... on Dog { name }
        ... on Cat { name }
      }

      fragment spreadsInAnon on Pet {
        ... on Dog { ...nameFragment }
        ... on Cat { ...nameFragment }
      }
    )");
}

TEST(NoFragmentCyclesRule, DoesNotFalsePositiveOnUnknownFragment) {
  expect_valid(no_fragment_cycles, R"(
      fragment nameFragment on Pet {
        ...UnknownFragment
      }
    )");
}

TEST(NoFragmentCyclesRule, SpreadingRecursivelyWithinFieldFails) {
  expect_errors(no_fragment_cycles, R"(
      fragment fragA on Human { relatives { ...fragA } },
    )",
                {{"Cannot spread fragment \"fragA\" within itself.", {{2, 45}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDirectly) {
  expect_errors(no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragA }
    )",
                {{"Cannot spread fragment \"fragA\" within itself.", {{2, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDirectlyWithinInlineFragment) {
  expect_errors(no_fragment_cycles, R"(
      fragment fragA on Pet {
        ... on Dog {
          ...fragA
        }
      }
    )",
                {{"Cannot spread fragment \"fragA\" within itself.", {{4, 11}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfIndirectly) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB }
      fragment fragB on Dog { ...fragA }
    )",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{2, 31}, {3, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfIndirectlyReportsOppositeOrder) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragB on Dog { ...fragA }
      fragment fragA on Dog { ...fragB }
    )",
      {{"Cannot spread fragment \"fragB\" within itself via \"fragA\".", {{2, 31}, {3, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfIndirectlyWithinInlineFragment) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragA on Pet {
        ... on Dog {
          ...fragB
        }
      }
      fragment fragB on Pet {
        ... on Dog {
          ...fragA
        }
      }
    )",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{4, 11}, {9, 11}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDeeply) {
  expect_errors(no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB }
      fragment fragB on Dog { ...fragC }
      fragment fragC on Dog { ...fragO }
      fragment fragX on Dog { ...fragY }
      fragment fragY on Dog { ...fragZ }
      fragment fragZ on Dog { ...fragO }
      fragment fragO on Dog { ...fragP }
      fragment fragP on Dog { ...fragA, ...fragX }
    )",
                {{"Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", "
                  "\"fragO\", \"fragP\".",
                  {{2, 31}, {3, 31}, {4, 31}, {8, 31}, {9, 31}}},
                 {"Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", "
                  "\"fragY\", \"fragZ\".",
                  {{8, 31}, {9, 41}, {5, 31}, {6, 31}, {7, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDeeplyTwoPaths) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB, ...fragC }
      fragment fragB on Dog { ...fragA }
      fragment fragC on Dog { ...fragA }
    )",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{2, 31}, {3, 31}}},
       {"Cannot spread fragment \"fragA\" within itself via \"fragC\".", {{2, 41}, {4, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDeeplyTwoPathsAltTraverseOrder) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragC }
      fragment fragB on Dog { ...fragC }
      fragment fragC on Dog { ...fragA, ...fragB }
    )",
      {{"Cannot spread fragment \"fragA\" within itself via \"fragC\".", {{2, 31}, {4, 31}}},
       {"Cannot spread fragment \"fragC\" within itself via \"fragB\".", {{4, 41}, {3, 31}}}});
}

TEST(NoFragmentCyclesRule, NoSpreadingItselfDeeplyAndImmediately) {
  expect_errors(
      no_fragment_cycles, R"(
      fragment fragA on Dog { ...fragB }
      fragment fragB on Dog { ...fragB, ...fragC }
      fragment fragC on Dog { ...fragA, ...fragB }
    )",
      {{"Cannot spread fragment \"fragB\" within itself.", {{3, 31}}},
       {"Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\".",
        {{2, 31}, {3, 41}, {4, 31}}},
       {"Cannot spread fragment \"fragB\" within itself via \"fragC\".", {{3, 41}, {4, 41}}}});
}

// Not in graphql-js's file (checked against graphql-js 16.15): spreads inside operations
// are not followed from the operation, and spreads nested in fields and inline fragments
// are found in graphql-js's (stack) order.
TEST(NoFragmentCyclesRule, IgnoresOperationsAndFollowsNestedSpreadsInStackOrder) {
  expect_errors(
      no_fragment_cycles, R"(
      { dog { ...fragA } }
      fragment fragA on Dog { mother { ...fragB } ... on Dog { ...fragA } }
      fragment fragB on Dog { ...fragA }
    )",
      {{"Cannot spread fragment \"fragA\" within itself.", {{3, 64}}},
       {"Cannot spread fragment \"fragA\" within itself via \"fragB\".", {{3, 40}, {4, 31}}}});
}

}  // namespace
}  // namespace chat::graphql::rules
