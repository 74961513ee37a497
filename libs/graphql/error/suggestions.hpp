#pragma once
/// "Did you mean …?" hints in error messages (schema and document validation), worded
/// and ranked exactly as graphql-js does (`jsutils/suggestionList.ts`, `didYouMean.ts`,
/// `naturalCompare.ts`).
///
/// Thread-safety: pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace chat::graphql {

/// The options close to `input` (case-insensitive Damerau-Levenshtein distance within
/// 40% of its length), closest first, ties in natural order.
std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options);

/// " Did you mean "a", "b", or "c"?" (at most five), or "" for no suggestions. With a
/// `sub_message`: " Did you mean <sub_message> "a"?".
std::string did_you_mean(const std::vector<std::string>& suggestions,
                         std::string_view sub_message = {});

/// graphql-js `naturalCompare`: digit runs compare as numbers. Negative, zero, positive.
int natural_compare(std::string_view a, std::string_view b) noexcept;

}  // namespace chat::graphql
