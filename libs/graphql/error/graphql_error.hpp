#pragma once
/// A GraphQL error as the response format defines it (spec 7.1.2, SPEC ERR-1): a message,
/// where in the document it points, the response path of a field error, and the
/// `extensions` the server adds (`code`, and for some codes more members).
///
/// Thread-safety: a plain value.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/language/source.hpp"

namespace chat::graphql {

/// One step of a response path: a response key or a list index.
using path_segment = std::variant<std::string, std::int64_t>;

/// ERR-1 codes produced by the engine itself.
namespace error_code {
inline constexpr std::string_view parse_failed = "GRAPHQL_PARSE_FAILED";
inline constexpr std::string_view validation_failed = "GRAPHQL_VALIDATION_FAILED";
inline constexpr std::string_view bad_user_input = "BAD_USER_INPUT";
inline constexpr std::string_view internal = "INTERNAL_SERVER_ERROR";
}  // namespace error_code

struct graphql_error {
  std::string message;
  std::vector<source_position> locations;
  std::vector<path_segment> path;
  /// `extensions.code`; empty for none.
  std::string code;
  /// Further members of `extensions` as JSON text without braces, e.g.
  /// `"retryAfter":3` (empty for none). Written verbatim: must be valid JSON members.
  std::string extra_extensions;
};

}  // namespace chat::graphql
