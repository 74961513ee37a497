// "Did you mean" hints; the expected lists are graphql-js 16.15's own answers.

#include "graphql/error/suggestions.hpp"

#include <gtest/gtest.h>

namespace chat::graphql {
namespace {

using list = std::vector<std::string>;

TEST(SuggestionList, ReturnsNothingForNoOptions) {
  EXPECT_EQ(suggestion_list("input", {}), list{});
}

TEST(SuggestionList, ReturnsOptionsCloseEnoughSortedByDistance) {
  EXPECT_EQ(suggestion_list("greenish", {"green"}), list{"green"});
  EXPECT_EQ(suggestion_list("green", {"greenish"}), list{"greenish"});
  EXPECT_EQ(suggestion_list("abc", {"a", "ab", "abc"}), (list{"abc", "ab", "a"}));
  EXPECT_EQ(suggestion_list("abc", {"ab", "abcd", "a"}), (list{"ab", "abcd", "a"}));
  EXPECT_EQ(suggestion_list("abcdef", {"xyz"}), list{});
}

TEST(SuggestionList, TreatsACaseChangeAsOneEdit) {
  EXPECT_EQ(suggestion_list("verylongstring", {"VERYLONGSTRING"}), list{"VERYLONGSTRING"});
  EXPECT_EQ(suggestion_list("VERYLONGSTRING", {"verylongstring"}), list{"verylongstring"});
  EXPECT_EQ(suggestion_list("VERYLONGSTRING", {"VeryLongString"}), list{"VeryLongString"});
}

TEST(SuggestionList, CountsATranspositionAsOneEdit) {
  EXPECT_EQ(suggestion_list("ab", {"ba"}), list{"ba"});
}

TEST(SuggestionList, BreaksTiesInNaturalOrder) {
  EXPECT_EQ(suggestion_list("abc", {"a", "ab", "abc", "abcd"}), (list{"abc", "ab", "abcd", "a"}));
  EXPECT_EQ(suggestion_list("a", {"b", "a", "c"}), (list{"a", "b", "c"}));
  EXPECT_EQ(suggestion_list("GraphQl", {"graphics", "SQL", "GraphQL", "quarks", "mark"}),
            (list{"GraphQL", "graphics"}));
}

TEST(NaturalCompare, ComparesDigitRunsAsNumbers) {
  EXPECT_LT(natural_compare("a2", "a10"), 0);
  EXPECT_GT(natural_compare("a10", "a2"), 0);
  EXPECT_EQ(natural_compare("abc", "abc"), 0);
  EXPECT_LT(natural_compare("ab", "abc"), 0);
  EXPECT_LT(natural_compare("00", "01"), 0);
  EXPECT_LT(natural_compare("a0b", "a1"), 0);
}

TEST(DidYouMean, WordsOneTwoAndManySuggestionsLikeGraphqlJs) {
  EXPECT_EQ(did_you_mean({}), "");
  EXPECT_EQ(did_you_mean({"A"}), " Did you mean \"A\"?");
  EXPECT_EQ(did_you_mean({"A", "B"}), " Did you mean \"A\" or \"B\"?");
  EXPECT_EQ(did_you_mean({"A", "B", "C"}), " Did you mean \"A\", \"B\", or \"C\"?");
  EXPECT_EQ(did_you_mean({"A", "B", "C", "D", "E", "F"}),
            " Did you mean \"A\", \"B\", \"C\", \"D\", or \"E\"?");
  EXPECT_EQ(did_you_mean({"A"}, "the enum value"), " Did you mean the enum value \"A\"?");
}

}  // namespace
}  // namespace chat::graphql
